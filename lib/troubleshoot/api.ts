// Typed per-action functions of the public API: each goes through the assistant, so policy and redaction apply.
import type { ResultAsync } from "neverthrow";
import type { EcsAssistant, InvokeOptions } from "../assistant.ts";
import type { EcsError } from "../errors.ts";
import type { ImagePullReport } from "./detectImagePullFailures.ts";
import type { Diagnosis } from "./diagnose.ts";
import type { CloudformationStatus } from "./fetchCloudformationStatus.ts";
import type { NetworkConfiguration } from "./fetchNetworkConfiguration.ts";
import type { ServiceEvents } from "./fetchServiceEvents.ts";
import type { TaskFailures } from "./fetchTaskFailures.ts";
import type { TaskLogs } from "./fetchTaskLogs.ts";
import type { TroubleshootingGuidance } from "./getEcsTroubleshootingGuidance.ts";
import type { ServiceMetricsReport } from "./metrics/fetchServiceMetrics.ts";
import type { Action, ActionInput } from "./schemas.ts";

type Caller = Pick<EcsAssistant, "callTool">;

const action =
  <A extends Action, O>(name: A) =>
  (assistant: Caller, parameters: ActionInput[A], options?: InvokeOptions): ResultAsync<O, EcsError> =>
    assistant.callTool("ecs_troubleshooting_tool", { action: name, parameters }, options).map((r) => r.value as O);

/** Ranked causes of a failing service, Express service or stack, from every check at once. */
export const diagnose = action<"diagnose", Diagnosis>("diagnose");
/** Cluster/service overview and the actions to run next for the described symptoms. */
export const getEcsTroubleshootingGuidance = action<"get_ecs_troubleshooting_guidance", TroubleshootingGuidance>(
  "get_ecs_troubleshooting_guidance",
);
/** Stack status, failed resources and the first root-cause event (deleted stacks included). */
export const fetchCloudformationStatus = action<"fetch_cloudformation_status", CloudformationStatus>(
  "fetch_cloudformation_status",
);
/** Service events in a window, repeats collapsed, with deployment and target-health issues. */
export const fetchServiceEvents = action<"fetch_service_events", ServiceEvents>("fetch_service_events");
/** Stopped tasks in a window, classified by stop code, reason and exit code. */
export const fetchTaskFailures = action<"fetch_task_failures", TaskFailures>("fetch_task_failures");
/** Container log lines from the task definitions' awslogs groups (redacted unless allowSensitiveData). */
export const fetchTaskLogs = action<"fetch_task_logs", TaskLogs>("fetch_task_logs");
/** Image existence in ECR, registry credentials and pull errors of stopped tasks. */
export const detectImagePullFailures = action<"detect_image_pull_failures", ImagePullReport>(
  "detect_image_pull_failures",
);
/** Security groups, routes, load balancers and target groups behind a cluster's services, with rule findings. */
export const fetchNetworkConfiguration = action<"fetch_network_configuration", NetworkConfiguration>(
  "fetch_network_configuration",
);
/** CloudWatch CPU/memory utilization, Container Insights task metrics and ALB target metrics of a service, with peaks. */
export const fetchServiceMetrics = action<"fetch_service_metrics", ServiceMetricsReport>("fetch_service_metrics");
