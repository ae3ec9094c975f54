// valibot output schemas of ecs_troubleshooting_tool, one per action: MCP outputSchema and typed library results.
import * as v from "valibot";
import { shapeOf } from "../util/shapeOf.ts";
import type { CallStats } from "./callCounter.ts";
import type { ImageCheck } from "./checkImages.ts";
import type { EventLine } from "./detectors/dedupeEvents.ts";
import type { TaskSummary } from "./detectors/taskFailures.ts";
import type { Finding } from "./finding.ts";
import type { MetricReading } from "./metrics/summarizeSeries.ts";
import type { LogEntry, LogGroupRead } from "./readLogs.ts";
import type { CheckReport } from "./settle.ts";

const Str = v.string();
const OptStr = v.optional(v.string());
const Loose = v.record(v.string(), v.unknown());
const Findings = v.array(shapeOf<Finding>());
const Checks = v.array(shapeOf<CheckReport>());
const Window = v.object({ start: Str, end: Str });

/** diagnose: ranked findings with evidence. */
export const DiagnosisOutput = v.object({
  status: v.literal("success"),
  target: v.object({ cluster: OptStr, service: OptStr, service_arn: OptStr, stack: OptStr }),
  summary: Str,
  findings: Findings,
  service_state: v.optional(Loose),
  checks: Checks,
  aws_calls: shapeOf<CallStats>(),
});
/** fetch_task_logs. */
export const TaskLogsOutput = v.object({
  status: v.picklist(["success", "not_found"]),
  window: Window,
  log_groups: v.array(shapeOf<LogGroupRead>()),
  log_entries: v.array(shapeOf<LogEntry>()),
  error_count: v.number(),
  warning_count: v.number(),
  info_count: v.number(),
  pattern_summary: v.array(v.object({ pattern: Str, count: v.number() })),
  findings: Findings,
  truncated: v.optional(v.boolean()),
  log_redaction: v.optional(Loose),
  message: Str,
});
/** fetch_service_events. */
export const ServiceEventsOutput = v.object({
  status: v.literal("success"),
  service_exists: v.boolean(),
  cluster: Str,
  service: Str,
  window: Window,
  events: v.array(shapeOf<EventLine>()),
  deployments: v.optional(v.array(Loose)),
  counts: v.optional(Loose),
  issues: Findings,
  checks: Checks,
  message: Str,
});
/** fetch_task_failures. */
export const TaskFailuresOutput = v.object({
  status: v.literal("success"),
  cluster_exists: v.boolean(),
  cluster: Str,
  window: Window,
  failed_tasks: v.array(shapeOf<TaskSummary>()),
  failure_categories: v.record(Str, v.array(Str)),
  findings: Findings,
  running_tasks_count: v.optional(v.number()),
  truncated: v.optional(v.boolean()),
  message: Str,
});
/** fetch_cloudformation_status. */
export const CloudformationStatusOutput = v.object({
  status: v.literal("success"),
  stack_exists: v.boolean(),
  stack_name: Str,
  stack_id: OptStr,
  stack_status: OptStr,
  stack_status_reason: OptStr,
  deleted_at: OptStr,
  resources: v.array(Loose),
  failure_reasons: v.array(Loose),
  root_cause: v.optional(Loose),
  events: v.array(Loose),
  findings: Findings,
  truncated: v.optional(Loose),
  errors: v.optional(v.record(Str, Str)),
  nested: v.optional(v.array(Loose)),
  message: Str,
});
/** fetch_network_configuration. */
export const NetworkConfigurationOutput = v.object({
  status: v.picklist(["success", "warning"]),
  cluster: Str,
  vpc_ids: v.array(Str),
  services: v.array(Loose),
  raw_resources: Loose,
  findings: Findings,
  checks: Checks,
  message: Str,
});
/** detect_image_pull_failures. */
export const ImagePullOutput = v.object({
  status: v.literal("success"),
  task_definitions: v.array(Str),
  images: v.array(shapeOf<ImageCheck>()),
  image_issues: v.array(shapeOf<ImageCheck>()),
  findings: Findings,
  assessment: Str,
  recommendations: v.array(Str),
});
/** get_ecs_troubleshooting_guidance. */
export const GuidanceOutput = v.object({
  status: v.literal("success"),
  assessment: Str,
  next_steps: v.array(v.object({ action: Str, why: Str, parameters: v.record(Str, Str) })),
  raw_data: Loose,
});

/** fetch_service_metrics. */
export const ServiceMetricsOutput = v.object({
  status: v.literal("success"),
  cluster: Str,
  service: Str,
  window: Window,
  period_seconds: v.number(),
  container_insights: v.picklist(["enhanced", "enabled", "disabled", "unknown"]),
  metrics: v.array(shapeOf<MetricReading>()),
  issues: Findings,
  checks: Checks,
  message: Str,
});

/** The result of any action (the action's own shape). */
export const EcsTroubleshootingOutput = v.union([
  DiagnosisOutput,
  TaskLogsOutput,
  ServiceEventsOutput,
  TaskFailuresOutput,
  CloudformationStatusOutput,
  NetworkConfigurationOutput,
  ImagePullOutput,
  GuidanceOutput,
  ServiceMetricsOutput,
]);

/** What `ecs_troubleshooting_tool` returns: one of the actions' results. */
export type EcsTroubleshootingResult = v.InferOutput<typeof EcsTroubleshootingOutput>;
