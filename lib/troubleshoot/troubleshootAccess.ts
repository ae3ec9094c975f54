// ecs_troubleshooting_tool's access per call: read, sensitive per action (kept apart from the handlers, which load on
// the first call).
import { ok, type Result } from "neverthrow";
import type { EcsError } from "../errors.ts";
import type { CallAccess } from "../tool.ts";
import type { Action, EcsTroubleshootingInput } from "./schemas.ts";

/**
 * Whether an action's output can hold secrets: log lines (logs, diagnose evidence), full task definitions
 * (guidance), task overrides and stop reasons (task failures). Those are redacted unless allowSensitiveData.
 */
const SENSITIVE_ACTIONS: Readonly<Record<Action, boolean>> = {
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

/** Per-call access: always read; sensitive per action (the registry redacts). */
export const troubleshootAccess = (input: EcsTroubleshootingInput): Result<CallAccess, EcsError> =>
  ok({
    name: "ecs_troubleshooting_tool",
    aliases: [`ecs_troubleshooting_tool:${input.action}`],
    access: "read",
    sensitive: SENSITIVE_ACTIONS[input.action],
  });
