// Fetches everything known about one service in three parallel rounds; each call settles on its own.

import type { RouteTable, SecurityGroup, Subnet, VpcEndpoint } from "@aws-sdk/client-ec2";
import type { ECSExpressGatewayService, Service, Task, TaskDefinition } from "@aws-sdk/client-ecs";
import type { LoadBalancer, TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import { errAsync, okAsync, ResultAsync } from "neverthrow";
import { type EcsError, ecsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { checkImages, type ImageCheck } from "./checkImages.ts";
import { describeTaskDefinitions } from "./describeTaskDefinitions.ts";
import { describeTasks, listTaskArns, taskIdOf } from "./describeTasks.ts";
import type { TargetGroupHealth } from "./detectors/targetHealthRules.ts";
import { stopTimeOf } from "./detectors/taskFailures.ts";
import type { EvidenceProvider } from "./evidenceProviders.ts";
import { type LogEntry, type LogGroupRead, logSourcesOf, readLogs } from "./readLogs.ts";
import type { ServiceTarget } from "./resolveService.ts";
import { type Settled, settle } from "./settle.ts";
import type { TimeWindow } from "./timeWindow.ts";

/** Everything gathered; a failed call leaves its field as a failed Settled. */
export interface ServiceFacts {
  readonly target: ServiceTarget;
  readonly service: Settled<Service>;
  readonly express?: Settled<ECSExpressGatewayService | undefined>;
  readonly tasks: Settled<Task[]>;
  readonly taskDefinitions: Settled<TaskDefinition[]>;
  readonly targetHealth?: Settled<TargetGroupHealth[]>;
  readonly loadBalancers?: Settled<LoadBalancer[]>;
  readonly securityGroups?: Settled<SecurityGroup[]>;
  /** Groups the task groups' ingress rules name (usually the load balancer's), read for their egress rules. */
  readonly peerSecurityGroups?: Settled<SecurityGroup[]>;
  readonly subnets?: Settled<Subnet[]>;
  readonly routeTables?: Settled<RouteTable[]>;
  readonly vpcEndpoints?: Settled<VpcEndpoint[]>;
  readonly images?: Settled<ImageCheck[]>;
  readonly logs?: Settled<{ groups: LogGroupRead[]; entries: LogEntry[]; truncated: boolean }>;
  /** Results of extra evidence providers, by provider name (see evidenceProviders.ts). */
  readonly extra?: Readonly<Record<string, Settled<unknown>>>;
}

/** What to gather beyond the service itself. */
export interface GatherOptions {
  readonly tasks?: boolean;
  readonly network?: boolean;
  readonly images?: boolean;
  readonly logs?: boolean;
  readonly window: TimeWindow;
  /** Extra evidence providers, gathered in round 2. */
  readonly providers?: readonly EvidenceProvider[];
}

/** DescribeServices for one service; a missing or INACTIVE service is `not_found`. */
export const describeService = (ctx: ToolContext, t: ServiceTarget): ResultAsync<Service, EcsError> =>
  ctx.aws("ecs", "DescribeServices", { cluster: t.cluster, services: [t.serviceArn ?? t.service] }).andThen((o) => {
    const s = o.services?.find((x) => x.status !== "INACTIVE");
    return s
      ? okAsync(s)
      : errAsync(
          ecsError("not_found", {
            resource: t.service,
            message: `Service '${t.service}' not found in cluster '${t.cluster}'${o.services?.length ? " (it is INACTIVE: deleted)" : ""}.`,
            hint: "Check the service and cluster names (ecs_resource_management ListServices), and the region.",
          }),
        );
  });

/** Target groups of a service and their target health, fetched together. */
export const describeTargetHealth = (
  ctx: ToolContext,
  arns: readonly string[],
): ResultAsync<TargetGroupHealth[], EcsError> =>
  arns.length === 0
    ? okAsync([])
    : ResultAsync.combine([
        ctx.aws("elbv2", "DescribeTargetGroups", { TargetGroupArns: [...arns] }),
        ResultAsync.combine(
          arns.map((a) =>
            ctx.aws("elbv2", "DescribeTargetHealth", { TargetGroupArn: a }).map((h) => ({
              arn: a,
              targets: h.TargetHealthDescriptions ?? [],
            })),
          ),
        ),
      ] as const).map(([groups, health]) =>
        (groups.TargetGroups ?? []).map((tg: TargetGroup) => ({
          targetGroup: tg,
          targets: health.find((h) => h.arn === tg.TargetGroupArn)?.targets ?? [],
        })),
      );

/**
 * Round 1: service, Express service, stopped and running task ARNs. Round 2: tasks, task definitions, target
 * groups with health, security groups. Round 3: load balancers, subnets/routes/endpoints of the VPC, ECR images, logs.
 */
export const gatherService = (
  ctx: ToolContext,
  target: ServiceTarget,
  o: GatherOptions,
): ResultAsync<ServiceFacts, never> => {
  const run = async (): Promise<ServiceFacts> => {
    const [service, express, stopped, running] = await Promise.all([
      settle(describeService(ctx, target)),
      target.serviceArn
        ? settle(
            ctx.aws("ecs", "DescribeExpressGatewayService", { serviceArn: target.serviceArn }).map((x) => x.service),
          )
        : Promise.resolve(undefined),
      o.tasks === false
        ? undefined
        : settle(
            listTaskArns(ctx, { cluster: target.cluster, service: target.service, status: "STOPPED", maxItems: 100 }),
          ),
      o.tasks === false
        ? undefined
        : settle(
            listTaskArns(ctx, { cluster: target.cluster, service: target.service, status: "RUNNING", maxItems: 100 }),
          ),
    ]);
    const svc = service.ok ? service.value : undefined;
    const arns = [...(stopped?.ok ? stopped.value.arns : []), ...(running?.ok ? running.value.arns : [])];
    const tdRefs = [
      ...(svc?.deployments ?? []).map((d) => d.taskDefinition),
      svc?.taskDefinition,
      ...(express?.ok ? (express.value?.activeConfigurations ?? []).map((c) => c.taskDefinitionArn) : []),
    ];
    const vpcCfg = svc?.networkConfiguration?.awsvpcConfiguration;
    const tgArns = (svc?.loadBalancers ?? []).map((l) => l.targetGroupArn).filter((a): a is string => Boolean(a));
    const extraP = Promise.all(
      (o.providers ?? []).map(async (p) => {
        const r = p.gather(ctx, { target, ...(svc ? { service: svc } : {}), window: o.window });
        return r ? ([p.name, await settle(r)] as const) : undefined;
      }),
    );
    const [tasks, tds, targetHealth, sgs] = await Promise.all([
      stopped && !stopped.ok && running && !running.ok ? stopped : settle(describeTasks(ctx, target.cluster, arns)),
      settle(describeTaskDefinitions(ctx, tdRefs, 3)),
      o.network !== false && tgArns.length > 0 ? settle(describeTargetHealth(ctx, tgArns)) : undefined,
      o.network !== false && vpcCfg?.securityGroups?.length
        ? settle(
            ctx
              .aws("ec2", "DescribeSecurityGroups", { GroupIds: vpcCfg.securityGroups })
              .map((x) => x.SecurityGroups ?? []),
          )
        : undefined,
    ]);
    const tdList = tds.ok ? tds.value : [];
    const tgList = targetHealth?.ok ? targetHealth.value.map((g) => g.targetGroup) : [];
    const vpcId = (sgs?.ok ? sgs.value[0]?.VpcId : undefined) ?? tgList[0]?.VpcId;
    const lbArns = [...new Set(tgList.flatMap((tg) => tg.LoadBalancerArns ?? []))];
    const vpcFilter = vpcId ? [{ Name: "vpc-id", Values: [vpcId] }] : undefined;
    const stoppedIds = (tasks.ok ? (tasks.value as Task[]) : [])
      .filter((t) => t.lastStatus === "STOPPED")
      .sort((a, b) => (stopTimeOf(b).at?.getTime() ?? 0) - (stopTimeOf(a).at?.getTime() ?? 0))
      .slice(0, 10)
      .map((t) => taskIdOf(t.taskArn ?? ""));
    const net = o.network !== false && (vpcCfg || lbArns.length > 0);
    const peerIds = [
      ...new Set(
        (sgs?.ok ? sgs.value : [])
          .flatMap((g) => g.IpPermissions ?? [])
          .flatMap((p) => p.UserIdGroupPairs ?? [])
          .map((g) => g.GroupId ?? "")
          .filter((id) => id && !(vpcCfg?.securityGroups ?? []).includes(id)),
      ),
    ];
    const [loadBalancers, subnets, routeTables, vpcEndpoints, images, logs, peerSgs] = await Promise.all([
      net && lbArns.length > 0
        ? settle(
            ctx.aws("elbv2", "DescribeLoadBalancers", { LoadBalancerArns: lbArns }).map((x) => x.LoadBalancers ?? []),
          )
        : undefined,
      net && (vpcFilter || vpcCfg?.subnets?.length)
        ? settle(
            ctx
              .aws("ec2", "DescribeSubnets", vpcFilter ? { Filters: vpcFilter } : { SubnetIds: vpcCfg?.subnets })
              .map((x) => x.Subnets ?? []),
          )
        : undefined,
      net && (vpcFilter || vpcCfg?.subnets?.length)
        ? settle(
            ctx
              .aws("ec2", "DescribeRouteTables", {
                Filters: vpcFilter ?? [{ Name: "association.subnet-id", Values: vpcCfg?.subnets ?? [] }],
              })
              .map((x) => x.RouteTables ?? []),
          )
        : undefined,
      net && vpcFilter
        ? settle(ctx.aws("ec2", "DescribeVpcEndpoints", { Filters: vpcFilter }).map((x) => x.VpcEndpoints ?? []))
        : undefined,
      o.images !== false && tdList.length > 0 ? settle(checkImages(ctx, tdList)) : undefined,
      o.logs !== false && tdList.length > 0
        ? settle(readLogs(ctx, logSourcesOf(tdList.slice(0, 1), stoppedIds), o.window, { maxEvents: 300, maxPages: 2 }))
        : undefined,
      // The load balancer's groups, as the task groups name them: their egress must reach the task port.
      net && lbArns.length > 0 && peerIds.length > 0
        ? settle(ctx.aws("ec2", "DescribeSecurityGroups", { GroupIds: peerIds }).map((x) => x.SecurityGroups ?? []))
        : undefined,
    ]);
    const extra = Object.fromEntries((await extraP).filter((x) => x !== undefined));
    return {
      target,
      service,
      ...(Object.keys(extra).length > 0 ? { extra } : {}),
      ...(express ? { express } : {}),
      tasks: tasks as Settled<Task[]>,
      taskDefinitions: tds,
      ...(targetHealth ? { targetHealth } : {}),
      ...(loadBalancers ? { loadBalancers } : {}),
      ...(sgs ? { securityGroups: sgs } : {}),
      ...(peerSgs ? { peerSecurityGroups: peerSgs } : {}),
      ...(subnets ? { subnets } : {}),
      ...(routeTables ? { routeTables } : {}),
      ...(vpcEndpoints ? { vpcEndpoints } : {}),
      ...(images ? { images } : {}),
      ...(logs ? { logs } : {}),
    };
  };
  return ResultAsync.fromSafePromise(run());
};
