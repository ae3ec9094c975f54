// wait_for_service_ready: polls a service until the judged deployment succeeded, failed (rollback included), or the
// bounded timeout passed. The judgement is lib/expressmode/rollout/judgeRollout.ts.

import { ok, type ResultAsync, safeTry } from "neverthrow";
import type { DeploymentOutcome, EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { pollingOf } from "../options.ts";
import type { RolloutTarget } from "../rollout/types.ts";
import type { WaitForServiceReadyInput } from "../schemas.ts";
import { sleep } from "../util/sleep.ts";
import { checkServiceReady, type WaitState } from "./checkServiceReady.ts";
import type { StoppedTask } from "./stoppedTasks.ts";

/** The result: reference `status`/`message` plus counts, URL and, on failure, how it failed and why. */
export interface WaitForServiceResult {
  readonly status: "success" | "timeout" | "failed";
  readonly message: string;
  readonly cluster: string;
  readonly service_name: string;
  /** How the deployment failed (status failed): rolled_back, rollback_failed, stopped, failed, config_mismatch... */
  readonly outcome?: DeploymentOutcome;
  readonly running_count?: number;
  readonly desired_count?: number;
  readonly pending_count?: number;
  readonly rollout_state?: string;
  /** The judged service deployment: ARN, status and reason (ListServiceDeployments / DescribeServiceDeployments). */
  readonly deployment?: { arn?: string; status?: string; reason?: string; rollback_reason?: string };
  /** On timeout: what the wait was still waiting for. */
  readonly waiting_for?: string;
  readonly elapsed_seconds: number;
  readonly polls: number;
  readonly url?: string;
  readonly events?: { created_at?: string; message?: string }[];
  readonly stopped_tasks?: StoppedTask[];
  /** Reads that were refused and left out of the judgement. */
  readonly notes?: readonly string[];
}

/**
 * Waits for a service deployment to finish. Unlike the reference (first RUNNING task = ready), ready means the
 * judged deployment completed, managed resources are up, running == desired, and (for deploy_app, via `target`) the
 * running revision is the one asked for; a rollback ends the wait as a failure. Each poll is checkServiceReady.
 */
export const waitForServiceReady = (
  input: WaitForServiceReadyInput,
  ctx: ToolContext,
  target: RolloutTarget = {},
): ResultAsync<WaitForServiceResult, EcsError> => {
  const interval = pollingOf(ctx.express).serviceIntervalMs;
  return safeTry(async function* () {
    let state: WaitState = { startedAt: Date.now(), polls: 0, missing: 0, waiting: "first poll" };
    for (;;) {
      const c = yield* checkServiceReady(input, ctx, target, state);
      if (c.done) return ok(c.result);
      // Never sleep past the deadline: the last poll happens at it, not one interval before it.
      const left = input.timeout_seconds * 1000 - (Date.now() - c.next.startedAt);
      yield* sleep(Math.max(0, Math.min(interval, left)), ctx.signal, `wait_for_service_ready ${input.service_name}`);
      state = c.next;
    }
  });
};
