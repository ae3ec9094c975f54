// The ecsTroubleshootingToolDescriptor declaration (one tool, one file; lib/troubleshoot/tools/index.ts lists it).
import { defineTool } from "../../defineTool.ts";
import { importLazily } from "../../util/importLazily.ts";
import { TROUBLESHOOT_IAM } from "../iamActions.ts";
import { EcsTroubleshootingOutput } from "../outputs.ts";
import { EcsTroubleshootingInput } from "../schemas.ts";
import { troubleshootAccess } from "../troubleshootAccess.ts";

/** `ecs_troubleshooting_tool`: the reference's seven read-only actions plus `diagnose` and `fetch_service_metrics`. */
export const ecsTroubleshootingToolDescriptor = defineTool({
  name: "ecs_troubleshooting_tool",
  title: "ECS troubleshooting (diagnose failed deployments)",
  description: `Troubleshoot ECS deployments (classic services and Express Gateway Services). Read-only.
Start with action "diagnose": it runs every relevant check in parallel and returns findings ranked by likelihood, each with evidence, explanation and fix.

Actions and parameters:
- diagnose: ecs_cluster_name + ecs_service_name (or an Express service ARN as ecs_service_name), or cfn_stack_name; time_window/start_time/end_time
- get_ecs_troubleshooting_guidance: ecs_cluster_name; optional ecs_service_name, symptoms_description (routes to the right actions)
- fetch_cloudformation_status: cfn_stack_name (root-cause event of a rollback; deleted stacks too)
- fetch_service_events: ecs_cluster_name, ecs_service_name; time_window (default 3600 s), start_time, end_time (ISO 8601)
- fetch_task_failures: ecs_cluster_name; optional ecs_service_name, time window
- fetch_task_logs: ecs_cluster_name; optional ecs_task_id, ecs_service_name, filter_pattern (CloudWatch syntax), time window
- detect_image_pull_failures: ecs_cluster_name+ecs_service_name, ecs_cluster_name+ecs_task_id, cfn_stack_name, or family_prefix
- fetch_network_configuration: ecs_cluster_name; optional ecs_service_name, vpc_id
- fetch_service_metrics: ecs_service_name (+ ecs_cluster_name unless an ARN); time window. CloudWatch CPU/memory utilization, Container Insights task metrics, ALB target 5xx/latency/unhealthy hosts, with peaks

Log lines, task definitions and task details are redacted unless policy.allowSensitiveData = true.`,
  input: EcsTroubleshootingInput,
  output: EcsTroubleshootingOutput,
  // Always read; whether the result is sensitive depends on the action.
  access: { upTo: "read", of: troubleshootAccess },
  iamActions: TROUBLESHOOT_IAM,
  run: (i, ctx) =>
    importLazily(() => import("../ecsTroubleshootingTool.ts")).andThen((m) => m.ecsTroubleshootingTool(i, ctx)),
});
