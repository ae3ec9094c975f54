// Input schemas of ecs_troubleshooting_tool: the action enum, the tool's input, and one strict schema per action.
import * as v from "valibot";
import { AwsRef } from "../util/awsRefs.ts";
import { didYouMean } from "../util/didYouMean.ts";

/** The reference's seven actions in the reference's order, then ours: `diagnose` and `fetch_service_metrics`. */
export const ACTIONS = [
  "get_ecs_troubleshooting_guidance",
  "fetch_cloudformation_status",
  "fetch_service_events",
  "fetch_task_failures",
  "fetch_task_logs",
  "detect_image_pull_failures",
  "fetch_network_configuration",
  "diagnose",
  "fetch_service_metrics",
] as const;
/** One `ecs_troubleshooting_tool` action name. */
export type Action = (typeof ACTIONS)[number];

const str = (description: string) => v.pipe(v.string(), v.minLength(1), v.description(description));
// Names and ARNs are checked as AWS checks them, so a 1 MB "name" is refused with a short prefix, never echoed.
const cluster = v.pipe(AwsRef.cluster, v.description("ECS cluster name or ARN."));
const service = v.pipe(
  AwsRef.service,
  v.description("ECS service name or ARN (an Express Gateway Service ARN works too)."),
);
const taskId = v.pipe(AwsRef.task, v.description("Task id or task ARN."));
const stack = v.pipe(AwsRef.stack, v.description("CloudFormation stack name or stack id."));
const timeWindow = v.optional(
  v.pipe(
    v.number(),
    v.integer(),
    v.minValue(60),
    v.maxValue(14 * 24 * 3600),
    v.description("Seconds to look back from end_time (default 3600, at most 14 days)."),
  ),
  3600,
);
const isoTime = (what: string) =>
  v.optional(
    v.pipe(
      str(`${what} as ISO 8601 (2026-04-03T12:00:00Z, offsets allowed; no offset means UTC).`),
      v.maxLength(64, "must be an ISO 8601 time such as 2026-04-03T12:00:00Z"),
    ),
  );
const windowEntries = {
  time_window: timeWindow,
  start_time: isoTime("Start of the window"),
  end_time: isoTime("End of the window (default now)"),
};

/** Per-action parameter schemas; unknown keys are errors with did-you-mean. */
export const ACTION_PARAMS = {
  get_ecs_troubleshooting_guidance: v.strictObject({
    ecs_cluster_name: cluster,
    ecs_service_name: v.optional(service),
    symptoms_description: v.optional(v.pipe(v.string(), v.maxLength(4000))),
  }),
  fetch_cloudformation_status: v.strictObject({ cfn_stack_name: stack }),
  fetch_service_events: v.strictObject({
    ecs_cluster_name: v.optional(cluster),
    ecs_service_name: service,
    ...windowEntries,
  }),
  fetch_task_failures: v.strictObject({
    ecs_cluster_name: cluster,
    ecs_service_name: v.optional(service),
    ...windowEntries,
  }),
  fetch_task_logs: v.strictObject({
    ecs_cluster_name: cluster,
    ecs_task_id: v.optional(taskId),
    ecs_service_name: v.optional(service),
    filter_pattern: v.optional(v.pipe(v.string(), v.maxLength(1024))),
    ...windowEntries,
  }),
  detect_image_pull_failures: v.strictObject({
    ecs_cluster_name: v.optional(cluster),
    ecs_service_name: v.optional(service),
    ecs_task_id: v.optional(taskId),
    cfn_stack_name: v.optional(stack),
    family_prefix: v.optional(v.pipe(AwsRef.taskDefinitionFamily, v.description("Task definition family prefix."))),
  }),
  fetch_network_configuration: v.strictObject({
    ecs_cluster_name: cluster,
    ecs_service_name: v.optional(service),
    vpc_id: v.optional(v.pipe(v.string(), v.regex(/^vpc-[0-9a-f]{8,17}$/, "a VPC id like vpc-0a1b2c3d"))),
  }),
  diagnose: v.strictObject({
    ecs_cluster_name: v.optional(cluster),
    ecs_service_name: v.optional(service),
    cfn_stack_name: v.optional(stack),
    ...windowEntries,
  }),
  fetch_service_metrics: v.strictObject({
    ecs_cluster_name: v.optional(cluster),
    ecs_service_name: service,
    ...windowEntries,
  }),
} as const satisfies Record<Action, v.GenericSchema>;

/** Parameters of each action after validation (defaults applied). */
export type ActionParams = { [A in Action]: v.InferOutput<(typeof ACTION_PARAMS)[A]> };
/** Parameters of each action as callers pass them. */
export type ActionInput = { [A in Action]: v.InferInput<(typeof ACTION_PARAMS)[A]> };

/** The tool's input, as in the reference: `action` (default guidance) and a free-form `parameters` object. */
export const EcsTroubleshootingInput = v.strictObject({
  action: v.optional(
    v.pipe(
      v.picklist(ACTIONS, (issue) => {
        const got = typeof issue.input === "string" ? issue.input : undefined;
        const close = got === undefined ? [] : didYouMean(got, ACTIONS);
        return `unknown action ${got === undefined ? `(a ${typeof issue.input})` : JSON.stringify(got.slice(0, 60))}${close.length ? ` (did you mean "${close[0]}"?)` : ""}; actions: ${ACTIONS.join(", ")}`;
      }),
      v.description("What to do; `diagnose` runs every relevant check at once and ranks the findings."),
    ),
    "get_ecs_troubleshooting_guidance",
  ),
  parameters: v.optional(
    v.pipe(
      v.nullable(v.record(v.string(), v.unknown())),
      v.description(
        "Parameters of the action (reference names: ecs_cluster_name, ecs_service_name, cfn_stack_name, ecs_task_id, family_prefix, vpc_id, time_window, start_time, end_time, filter_pattern, symptoms_description).",
      ),
    ),
    null,
  ),
});
export type EcsTroubleshootingInput = v.InferOutput<typeof EcsTroubleshootingInput>;
/** What callers pass to the tool. */
export type EcsTroubleshootingParams = v.InferInput<typeof EcsTroubleshootingInput>;
