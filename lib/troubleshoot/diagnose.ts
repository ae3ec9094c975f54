// diagnose: runs every relevant check for a service (or Express service, or stack) in parallel and ranks the causes.
import type { StackResourceSummary } from "@aws-sdk/client-cloudformation";
import { errAsync, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, validationError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { type CallStats, countCalls } from "./callCounter.ts";
import { dedupeEvents } from "./detectors/dedupeEvents.ts";
import { defaultEvidenceProviders, type EvidenceProvider } from "./evidenceProviders.ts";
import { explainRollback } from "./explainRollback.ts";
import { type CloudformationStatus, fetchCloudformationStatus } from "./fetchCloudformationStatus.ts";
import { deploymentLines } from "./fetchServiceEvents.ts";
import { fetchTaskFailures } from "./fetchTaskFailures.ts";
import { type Finding, rankFindings } from "./finding.ts";
import { gatherService, type ServiceFacts } from "./gatherService.ts";
import { resolveService, type ServiceTarget } from "./resolveService.ts";
import type { ActionParams } from "./schemas.ts";
import { serviceFindingsOf } from "./serviceFindingsOf.ts";
import { type CheckReport, report, type Settled, settle, settledValue } from "./settle.ts";
import { inWindow, resolveTimeWindow, type TimeWindow } from "./timeWindow.ts";

/** Result of diagnose. */
export interface Diagnosis {
  readonly status: "success";
  readonly target: { cluster?: string; service?: string; service_arn?: string; stack?: string };
  /** One sentence: the most likely cause, or that nothing is wrong. */
  readonly summary: string;
  /** Most likely first. */
  readonly findings: Finding[];
  readonly service_state?: Record<string, unknown>;
  readonly checks: CheckReport[];
  readonly aws_calls: CallStats;
}

type Params = ActionParams["diagnose"];

const serviceChecks = (f: ServiceFacts): CheckReport[] =>
  [
    report("service", f.service),
    report("express_service", f.express),
    report("stopped_and_running_tasks", f.tasks),
    report("task_definitions", f.taskDefinitions),
    report("target_health", f.targetHealth),
    report("load_balancers", f.loadBalancers),
    report("security_groups", f.securityGroups),
    report("subnets", f.subnets),
    report("route_tables", f.routeTables),
    report("vpc_endpoints", f.vpcEndpoints),
    report("ecr_images", f.images),
    report("logs", f.logs),
    ...Object.entries(f.extra ?? {}).map(([name, v]) => report(name, v)),
  ].filter((c) => c.status !== "skipped");

const providerFindings = (f: ServiceFacts, w: TimeWindow, providers: readonly EvidenceProvider[]): Finding[] =>
  providers.flatMap((p) => {
    const v = f.extra?.[p.name];
    return v?.ok ? p.findings(v.value, f, w) : [];
  });

const serviceState = (f: ServiceFacts, w: TimeWindow) => {
  const s = settledValue(f.service);
  if (!s) return undefined;
  const ex = settledValue(f.express);
  return {
    status: s.status,
    desired: s.desiredCount,
    running: s.runningCount,
    pending: s.pendingCount,
    deployments: deploymentLines(s),
    recent_events: dedupeEvents((s.events ?? []).filter((e) => inWindow(w, e.createdAt))).slice(-8),
    ...(ex
      ? {
          express: {
            status: ex.status,
            endpoints: ex.activeConfigurations?.[0]?.ingressPaths,
            health_check_path: ex.activeConfigurations?.[0]?.healthCheckPath,
          },
        }
      : {}),
  };
};

/** The ECS service a stack created, if any (physical id of AWS::ECS::Service is the service ARN). */
const serviceOfStack = (ctx: ToolContext, stack: string): ResultAsync<string | undefined, EcsError> =>
  ctx
    .aws("cloudformation", "ListStackResources", { StackName: stack })
    .map(
      (o) =>
        (o.StackResourceSummaries ?? []).find((r: StackResourceSummary) => r.ResourceType === "AWS::ECS::Service")
          ?.PhysicalResourceId,
    )
    .orElse(() => okAsync(undefined));

/**
 * Service mode: three rounds of parallel calls (service + task lists; tasks, task definitions, target health,
 * security groups; load balancers, VPC routes/endpoints, ECR images, logs). Stack mode adds the stack's root cause
 * and then diagnoses the service the stack created. A denied API fails only its own check.
 */
export const diagnose = (
  p: Params,
  outer: ToolContext,
  providers: readonly EvidenceProvider[] = defaultEvidenceProviders,
): ResultAsync<Diagnosis, EcsError> => {
  const { ctx, stats } = countCalls(outer);
  return safeTry(async function* () {
    const w = yield* resolveTimeWindow(p);
    if (!p.ecs_service_name && !p.cfn_stack_name && !p.ecs_cluster_name) {
      return errAsync(
        validationError(
          [
            {
              path: "parameters",
              message: "nothing to diagnose",
              expected:
                "ecs_cluster_name+ecs_service_name, an Express service ARN as ecs_service_name, or cfn_stack_name",
              got: "nothing",
            },
          ],
          "diagnose needs ecs_cluster_name and ecs_service_name (or an Express Gateway Service ARN as ecs_service_name), or cfn_stack_name.",
        ),
      );
    }
    const [stackS, stackService] = p.cfn_stack_name
      ? await Promise.all([
          settle(fetchCloudformationStatus({ cfn_stack_name: p.cfn_stack_name }, ctx)),
          p.ecs_service_name ? Promise.resolve(undefined) : serviceOfStack(ctx, p.cfn_stack_name).unwrapOr(undefined),
        ])
      : [undefined, undefined];
    const serviceRef = p.ecs_service_name ?? stackService;
    let target: Settled<ServiceTarget> | undefined;
    if (serviceRef) target = await settle(resolveService({ ...p, ecs_service_name: serviceRef }, ctx));
    if (target && !target.ok && target.error.kind === "validation") return errAsync(target.error);
    const facts = target?.ok
      ? await gatherService(ctx, target.value, { window: w, providers }).unwrapOr(undefined as never)
      : undefined;
    const clusterOnly =
      !serviceRef && p.ecs_cluster_name && !p.cfn_stack_name
        ? await settle(
            fetchTaskFailures(
              {
                ecs_cluster_name: p.ecs_cluster_name,
                time_window: p.time_window,
                start_time: p.start_time,
                end_time: p.end_time,
              },
              ctx,
            ),
          )
        : undefined;
    const now = w.end;
    const findings = explainRollback(
      rankFindings([
        ...(facts ? serviceFindingsOf(facts, w, now) : []),
        ...(facts ? providerFindings(facts, w, providers) : []),
        ...((settledValue(stackS) as CloudformationStatus | undefined)?.findings ?? []),
        ...(settledValue(clusterOnly)?.findings ?? []),
      ]),
    );
    const checks = [
      ...(stackS ? [report("cloudformation_stack", stackS)] : []),
      ...(target && !target.ok ? [report("resolve_service", target)] : []),
      ...(facts ? serviceChecks(facts) : []),
      ...(clusterOnly ? [report("cluster_task_failures", clusterOnly)] : []),
    ];
    const top = findings[0];
    const failedChecks = checks.filter((c) => c.status === "failed").length;
    return okAsync<Diagnosis, EcsError>({
      status: "success",
      target: {
        cluster: facts?.target.cluster ?? p.ecs_cluster_name,
        service: facts?.target.service,
        service_arn: facts?.target.serviceArn,
        stack: p.cfn_stack_name,
      },
      summary: top
        ? `Most likely cause: ${top.title}. ${top.fix}`
        : failedChecks > 0
          ? `No problem found in the checks that ran; ${failedChecks} check(s) could not run (see checks).`
          : "No problem found: the service, its tasks, targets, network and images look healthy in this window.",
      findings,
      ...(facts && serviceState(facts, w) ? { service_state: serviceState(facts, w) } : {}),
      checks,
      aws_calls: stats(),
    });
  });
};
