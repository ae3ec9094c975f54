// ecs_troubleshooting_tool: validates `parameters` for the chosen action and runs it.
import { type ResultAsync, safeTry } from "neverthrow";
import type * as v from "valibot";
import { type EcsError, validationError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
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
import type { EcsTroubleshootingResult } from "./outputs.ts";
import { ACTION_PARAMS, type Action, type ActionParams, type EcsTroubleshootingInput } from "./schemas.ts";

type Handler<A extends Action> = (
  p: ActionParams[A],
  ctx: ToolContext,
) => ResultAsync<EcsTroubleshootingResult, EcsError>;

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

/** Validates `parameters` with the action's strict schema; errors say what that action takes. */
export const ecsTroubleshootingTool = (
  input: EcsTroubleshootingInput,
  ctx: ToolContext,
): ResultAsync<EcsTroubleshootingResult, EcsError> =>
  safeTry(async function* () {
    const action = input.action;
    const params = yield* parseInput(ACTION_PARAMS[action], input.parameters ?? {}, "parameters", {
      decodeJsonText: true,
    }).mapErr((e) => withActionHint(action, e));
    const handler = ACTION_HANDLERS[action] as Handler<Action>;
    return handler(params as ActionParams[Action], ctx);
  });

/** A validation error that also says what the action takes and which names were probably meant. */
const withActionHint = (action: Action, e: EcsError): EcsError => {
  if (e.kind !== "validation") return e;
  const { required, optional } = actionParamNames(action);
  const suggestions = e.issues.filter((i) => i.suggestion).map((i) => `${i.path} → ${i.suggestion}`);
  const takes = `Action ${action} takes: required ${required.join(", ") || "(none)"}; optional ${optional.join(", ") || "(none)"}.`;
  return validationError(e.issues, `${suggestions.length ? `Did you mean: ${suggestions.join(", ")}? ` : ""}${takes}`);
};
