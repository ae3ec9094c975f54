// fetch_network_configuration: the VPC pieces behind a cluster's services, evaluated by the network rules.
import type { Service } from "@aws-sdk/client-ecs";
import { okAsync, ResultAsync, safeTry } from "neverthrow";
import { chunk, paginate } from "../aws/paginate.ts";
import type { EcsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { compact } from "../util/compact.ts";
import { networkFindings } from "./detectors/networkRules.ts";
import { targetHealthFindings } from "./detectors/targetHealthRules.ts";
import { type Finding, rankFindings } from "./finding.ts";
import { gatherService, type ServiceFacts } from "./gatherService.ts";
import { shortName } from "./resolveService.ts";
import type { ActionParams } from "./schemas.ts";
import { networkFactsOf } from "./serviceFindingsOf.ts";
import { type CheckReport, report, settledValue } from "./settle.ts";
import { resolveTimeWindow } from "./timeWindow.ts";

/** Result of fetch_network_configuration. */
export interface NetworkConfiguration {
  readonly status: "success" | "warning";
  readonly cluster: string;
  readonly vpc_ids: string[];
  readonly services: Record<string, unknown>[];
  readonly raw_resources: Record<string, unknown>;
  readonly findings: Finding[];
  readonly checks: CheckReport[];
  readonly message: string;
}

const MAX_SERVICES = 5;

/** Services of the cluster (bounded), described 10 at a time in parallel. */
const servicesOf = (ctx: ToolContext, cluster: string): ResultAsync<{ services: Service[]; more: boolean }, EcsError> =>
  paginate<string>(
    (token) =>
      ctx
        .aws("ecs", "ListServices", { cluster, maxResults: 100, ...(token ? { nextToken: token } : {}) })
        .map((o) => ({ items: o.serviceArns, next: o.nextToken })),
    { maxPages: 1, maxItems: MAX_SERVICES },
  ).andThen((p) =>
    ResultAsync.combine(
      chunk(p.items, 10).map((services) =>
        ctx.aws("ecs", "DescribeServices", { cluster, services }).map((o) => o.services ?? []),
      ),
    ).map((l) => ({ services: l.flat(), more: p.truncated })),
  );

const summary = (f: ServiceFacts) => {
  const s = settledValue(f.service);
  const vpc = s?.networkConfiguration?.awsvpcConfiguration;
  return compact({
    service: f.target.service,
    subnets: vpc?.subnets,
    security_groups: vpc?.securityGroups,
    assign_public_ip: vpc?.assignPublicIp,
    load_balancers: s?.loadBalancers,
  }) as Record<string, unknown>;
};

/** No account-wide scans: only the VPC resources the cluster's services (or the given VPC) use, filtered server-side. */
export const fetchNetworkConfiguration = (
  p: ActionParams["fetch_network_configuration"],
  ctx: ToolContext,
): ResultAsync<NetworkConfiguration, EcsError> =>
  safeTry(async function* () {
    const window = yield* resolveTimeWindow({});
    const cluster = p.ecs_cluster_name;
    const listed = p.ecs_service_name ? undefined : yield* servicesOf(ctx, cluster);
    const names = listed ? listed.services.map((s) => s.serviceArn ?? s.serviceName ?? "") : [p.ecs_service_name ?? ""];
    const facts = await Promise.all(
      names
        .slice(0, MAX_SERVICES)
        .map((n) =>
          gatherService(
            ctx,
            { cluster, service: shortName(n), ...(n.startsWith("arn:") ? { serviceArn: n } : {}) },
            { window, tasks: false, images: false, logs: false },
          ).unwrapOr(undefined as never),
        ),
    );
    const findings: Finding[] = facts.flatMap((f) => [
      ...networkFindings(networkFactsOf(f)),
      ...targetHealthFindings(settledValue(f.targetHealth) ?? []),
    ]);
    const first = facts[0];
    const vpcIds = [
      ...new Set(
        [
          p.vpc_id,
          ...facts.flatMap((f) => [settledValue(f.securityGroups)?.[0]?.VpcId, settledValue(f.subnets)?.[0]?.VpcId]),
        ].filter((v): v is string => Boolean(v)),
      ),
    ];
    const checks = facts.flatMap((f) => [
      report(`${f.target.service}:service`, f.service),
      report(`${f.target.service}:target_health`, f.targetHealth),
      report(`${f.target.service}:load_balancers`, f.loadBalancers),
      report(`${f.target.service}:security_groups`, f.securityGroups),
      report(`${f.target.service}:subnets`, f.subnets),
      report(`${f.target.service}:route_tables`, f.routeTables),
      report(`${f.target.service}:vpc_endpoints`, f.vpcEndpoints),
    ]);
    return okAsync<NetworkConfiguration, EcsError>({
      status: facts.length === 0 ? "warning" : "success",
      cluster,
      vpc_ids: vpcIds,
      services: facts.map(summary),
      raw_resources: first
        ? ((compact({
            subnets: settledValue(first.subnets)?.map((s) => ({
              SubnetId: s.SubnetId,
              VpcId: s.VpcId,
              CidrBlock: s.CidrBlock,
              AvailabilityZone: s.AvailabilityZone,
              AvailableIpAddressCount: s.AvailableIpAddressCount,
              MapPublicIpOnLaunch: s.MapPublicIpOnLaunch,
            })),
            security_groups: settledValue(first.securityGroups),
            route_tables: settledValue(first.routeTables)?.map((r) => ({
              RouteTableId: r.RouteTableId,
              Associations: r.Associations,
              Routes: r.Routes,
            })),
            vpc_endpoints: settledValue(first.vpcEndpoints)?.map((e) => ({
              VpcEndpointId: e.VpcEndpointId,
              ServiceName: e.ServiceName,
              VpcEndpointType: e.VpcEndpointType,
              State: e.State,
            })),
            load_balancers: settledValue(first.loadBalancers),
            target_groups: settledValue(first.targetHealth),
          }) as Record<string, unknown>) ?? {})
        : {},
      findings: rankFindings(findings),
      checks: checks.filter((c) => c.status !== "skipped"),
      message:
        facts.length === 0
          ? `No services found in cluster '${cluster}'${p.vpc_id ? ` (VPC ${p.vpc_id} given)` : ""}.`
          : `Checked ${facts.length} service(s) in ${vpcIds.join(", ") || "an unknown VPC"}: ${findings.length} network finding(s).${listed?.more ? ` The cluster has more services: only the first ${MAX_SERVICES} were checked; pass ecs_service_name to check another one.` : ""}`,
    });
  });
