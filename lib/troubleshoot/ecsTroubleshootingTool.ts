// ecs_troubleshooting_tool: validates `parameters` for the chosen action and runs it.
import { errAsync, ok, type Result, type ResultAsync } from "neverthrow";
import type * as v from "valibot";
import { type EcsError, validationError } from "../errors.ts";
import type { CallAccess, ToolContext } from "../tool.ts";
import { parseInput } from "../validate.ts";
import { detectImagePullFailures } from "./detectImagePullFailures.ts";
import { diagnose } from "./diagnose.ts";
import { fetchCloudformationStatus } from "./fetchCloudformationStatus.ts";
import { fetchNetworkConfiguration } from "./fetchNetworkConfiguration.ts";
import { fetchServiceEvents } from "./fetchServiceEvents.ts";
import { fetchTaskFailures } from "./fetchTaskFailures.ts";
import { fetchTaskLogs } from "./fetchTaskLogs.ts";
import { getEcsTroubleshootingGuidance } from "./getEcsTroubleshootingGuidance.ts";
import { fetchServiceMetrics } from "./metrics/fetchServiceMetrics.ts";
import { ACTION_PARAMS, type Action, type ActionParams, type EcsTroubleshootingInput } from "./schemas.ts";

type Handler<A extends Action> = (p: ActionParams[A], ctx: ToolContext) => ResultAsync<unknown, EcsError>;

/** The function behind each action. */
export const ACTION_HANDLERS: { [A in Action]: Handler<A> } = {
  get_ecs_troubleshooting_guidance: getEcsTroubleshootingGuidance,
  fetch_cloudformation_status: fetchCloudformationStatus,
  fetch_service_events: fetchServiceEvents,
  fetch_task_failures: fetchTaskFailures,
  fetch_task_logs: fetchTaskLogs,
  detect_image_pull_failures: detectImagePullFailures,
  fetch_network_configuration: fetchNetworkConfiguration,
  diagnose,
  fetch_service_metrics: fetchServiceMetrics,
};

/**
 * Whether an action's output can hold secrets: log lines (logs, diagnose evidence), full task definitions
 * (guidance), task overrides and stop reasons (task failures). Those are redacted unless allowSensitiveData.
 */
export const SENSITIVE_ACTIONS: Readonly<Record<Action, boolean>> = {
  get_ecs_troubleshooting_guidance: true,
  fetch_cloudformation_status: false,
  fetch_service_events: false,
  fetch_task_failures: true,
  fetch_task_logs: true,
  detect_image_pull_failures: false,
  fetch_network_configuration: false,
  diagnose: true,
  fetch_service_metrics: false,
};

/** Required and optional parameter names of an action, for error hints. */
export const actionParamNames = (action: Action): { required: string[]; optional: string[] } => {
  const entries = (ACTION_PARAMS[action] as unknown as { entries: Record<string, v.GenericSchema> }).entries;
  const names = Object.entries(entries);
  const isOptional = (s: v.GenericSchema) => s.type === "optional" || s.type === "nullish";
  return {
    required: names.filter(([, s]) => !isOptional(s)).map(([k]) => k),
    optional: names.filter(([, s]) => isOptional(s)).map(([k]) => k),
  };
};

/** Per-call access: always read; sensitive per action (the registry redacts). */
export const troubleshootAccess = (input: EcsTroubleshootingInput): Result<CallAccess, EcsError> =>
  ok({
    name: "ecs_troubleshooting_tool",
    aliases: [`ecs_troubleshooting_tool:${input.action}`],
    access: "read",
    sensitive: SENSITIVE_ACTIONS[input.action],
  });

/** Validates `parameters` with the action's strict schema; errors say what that action takes. */
export const ecsTroubleshootingTool = (
  input: EcsTroubleshootingInput,
  ctx: ToolContext,
): ResultAsync<unknown, EcsError> => {
  const action = input.action;
  const parsed = parseInput(ACTION_PARAMS[action], input.parameters ?? {}, "parameters");
  if (parsed.isErr()) {
    const e = parsed.error;
    const { required, optional } = actionParamNames(action);
    const suggestions =
      e.kind === "validation" ? e.issues.filter((i) => i.suggestion).map((i) => `${i.path} → ${i.suggestion}`) : [];
    const takes = `Action ${action} takes: required ${required.join(", ") || "(none)"}; optional ${optional.join(", ") || "(none)"}.`;
    return errAsync(
      e.kind === "validation"
        ? validationError(e.issues, `${suggestions.length ? `Did you mean: ${suggestions.join(", ")}? ` : ""}${takes}`)
        : e,
    );
  }
  const handler = ACTION_HANDLERS[action] as Handler<Action>;
  return handler(parsed.value as ActionParams[Action], ctx);
};
