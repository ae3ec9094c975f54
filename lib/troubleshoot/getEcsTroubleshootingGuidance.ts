// get_ecs_troubleshooting_guidance: cluster/service overview, CloudFormation owner, symptom-based next steps.
import type { Service } from "@aws-sdk/client-ecs";
import { errAsync, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, ecsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { compactObject } from "../util/compact.ts";
import { describeTaskDefinitions } from "./describeTaskDefinitions.ts";
import { dedupeEvents } from "./detectors/dedupeEvents.ts";
import { routeSymptoms } from "./detectors/symptoms.ts";
import { shortName } from "./resolveService.ts";
import type { ActionParams } from "./schemas.ts";
import { stepParameters } from "./stepParameters.ts";

/** Result of get_ecs_troubleshooting_guidance. */
export interface TroubleshootingGuidance {
  readonly status: "success";
  readonly assessment: string;
  readonly next_steps: { action: string; why: string; parameters: Record<string, string> }[];
  readonly raw_data: Record<string, unknown>;
}

const serviceLine = (s: Service) => ({
  name: s.serviceName,
  status: s.status,
  task_definition: s.taskDefinition?.split("/").at(-1),
  desired: s.desiredCount,
  running: s.runningCount,
  pending: s.pendingCount,
  launch_type: s.launchType,
  rollout_state: s.deployments?.find((d) => d.status === "PRIMARY")?.rolloutState,
  recent_events: dedupeEvents(s.events?.slice(0, 10) ?? []).slice(-5),
});

/** Up to 10 services of the cluster, described. */
const firstServices = (ctx: ToolContext, cluster: string): ResultAsync<Service[], EcsError> =>
  safeTry(async function* () {
    const listed = yield* ctx.aws("ecs", "ListServices", { cluster, maxResults: 10 });
    if (!listed.serviceArns?.length) return ok([]);
    const described = yield* ctx.aws("ecs", "DescribeServices", { cluster, services: listed.serviceArns });
    return ok(described.services ?? []);
  });

/** Overview and routing; the task definition in use is included (redacted unless allowSensitiveData). */
export const getEcsTroubleshootingGuidance = (
  p: ActionParams["get_ecs_troubleshooting_guidance"],
  ctx: ToolContext,
): ResultAsync<TroubleshootingGuidance, EcsError> =>
  safeTry(async function* () {
    const cluster = p.ecs_cluster_name;
    const d = yield* ctx.aws("ecs", "DescribeClusters", { clusters: [cluster], include: ["TAGS"] });
    const c = d.clusters?.find((x) => x.status !== "INACTIVE");
    if (!c) {
      return errAsync(
        ecsError("not_found", {
          resource: cluster,
          message: `Cluster '${cluster}' not found.`,
          hint: "Check the cluster name and region (ecs_resource_management ListClusters).",
        }),
      );
    }
    const services = p.ecs_service_name
      ? ctx.aws("ecs", "DescribeServices", { cluster, services: [p.ecs_service_name] }).map((o) => o.services ?? [])
      : firstServices(ctx, cluster);
    const stackName = c.tags?.find((t) => t.key === "aws:cloudformation:stack-name")?.value;
    const stack = stackName
      ? ctx.aws("cloudformation", "DescribeStacks", { StackName: stackName }).map((o) => o.Stacks?.[0])
      : okAsync(undefined);
    const [svcs, stk] = await Promise.all([services, stack]);
    const list = svcs.unwrapOr([] as Service[]);
    const tds = p.ecs_service_name
      ? (
          await describeTaskDefinitions(
            ctx,
            list.map((s) => s.taskDefinition),
            1,
          )
        ).unwrapOr([])
      : [];
    const st = stk.isOk() ? stk.value : undefined;
    const params: Record<string, string> = {
      ecs_cluster_name: cluster,
      ...(p.ecs_service_name ? { ecs_service_name: p.ecs_service_name } : {}),
    };
    const assessment = [
      `Analyzed ECS cluster '${cluster}'${p.ecs_service_name ? ` and service '${shortName(p.ecs_service_name)}'` : ""}.`,
      `Cluster status: ${c.status}, running tasks: ${c.runningTasksCount ?? 0}, pending tasks: ${c.pendingTasksCount ?? 0}, active services: ${c.activeServicesCount ?? 0}.`,
      list.length ? `Found ${list.length} service(s).` : "",
      stackName ? `CloudFormation stack: ${stackName} (${st?.StackStatus ?? "UNKNOWN"}).` : "",
      p.symptoms_description ? `Symptoms: ${p.symptoms_description}` : "",
    ]
      .filter(Boolean)
      .join(" ");
    return okAsync<TroubleshootingGuidance, EcsError>({
      status: "success",
      assessment,
      next_steps: routeSymptoms(p.symptoms_description).map((s) => {
        // A stack step needs the stack; every other step is scoped to the cluster and service the caller named.
        const known = s.action === "fetch_cloudformation_status" ? { cfn_stack_name: stackName } : params;
        const { parameters, missing } = stepParameters(s.action, known);
        const why = missing.length > 0 ? `${s.why} (needs ${missing.join(", ")}: not known from the cluster)` : s.why;
        return { ...s, why, parameters };
      }),
      raw_data: compactObject({
        cluster_details: {
          name: c.clusterName,
          arn: c.clusterArn,
          status: c.status,
          running_tasks: c.runningTasksCount,
          pending_tasks: c.pendingTasksCount,
          active_services: c.activeServicesCount,
          container_instances: c.registeredContainerInstancesCount,
        },
        services: list.map(serviceLine),
        cloudformation_stack: stackName
          ? {
              stack_name: stackName,
              stack_status: st?.StackStatus ?? "UNKNOWN",
              ...(stk.isErr() ? { error: stk.error.message } : {}),
            }
          : undefined,
        task_definitions: tds,
        symptoms_description: p.symptoms_description,
      }),
    });
  });
