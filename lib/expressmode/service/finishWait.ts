// The final result of wait_for_service_ready from the last judged poll: counts, the deployment, the URL on success,
// the last events and stopped-task reasons on failure.
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { pollingOf } from "../options.ts";
import { runningConfiguration, runningRevisionArn } from "../rollout/runningConfiguration.ts";
import type { RolloutSnapshot, RolloutVerdict } from "../rollout/types.ts";
import type { WaitForServiceReadyInput } from "../schemas.ts";
import { urlOf, waitForEndpoint } from "./serviceUrl.ts";
import { stoppedTasks } from "./stoppedTasks.ts";
import type { WaitForServiceResult } from "./waitForServiceReady.ts";

/** The wait being finished: what was asked, when it began, its time budget and how many polls it made. */
export interface FinishedWait {
  readonly input: WaitForServiceReadyInput;
  readonly ctx: ToolContext;
  readonly startedAt: number;
  readonly timeoutMs: number;
  readonly polls: number;
}

/** Builds the result; on success without a URL yet, waits (within the time left) for the public endpoint. */
export const finishWait = (
  w: FinishedWait,
  verdict: Exclude<RolloutVerdict, { done: false }> | { status: "timeout"; message: string },
  snap?: RolloutSnapshot,
  waiting?: string,
): ResultAsync<WaitForServiceResult, EcsError> => {
  const { cluster, service_name } = w.input;
  const polling = pollingOf(w.ctx.express);
  const s = snap?.service;
  const d = snap?.deployment;
  const base: WaitForServiceResult = {
    status: verdict.status,
    message: verdict.message,
    cluster,
    service_name,
    ...("outcome" in verdict ? { outcome: verdict.outcome } : {}),
    running_count: s?.runningCount,
    desired_count: s?.desiredCount,
    pending_count: s?.pendingCount,
    rollout_state: s?.deployments?.find((x) => x.status === "PRIMARY")?.rolloutState,
    ...(d
      ? {
          deployment: {
            arn: d.serviceDeploymentArn,
            status: d.status,
            reason: d.statusReason,
            rollback_reason: d.rollback?.reason,
          },
        }
      : {}),
    ...(verdict.status === "timeout" ? { waiting_for: waiting } : {}),
    elapsed_seconds: Math.round((Date.now() - w.startedAt) / 1000),
    polls: w.polls,
    ...(snap?.notes.length ? { notes: snap.notes } : {}),
  };
  if (verdict.status === "success") {
    const cfg = runningConfiguration(snap?.express, runningRevisionArn(d));
    const url = urlOf(snap?.express, cfg);
    if (url || !snap?.express?.serviceArn) return okAsync(url ? { ...base, url } : base);
    const budget = Math.max(0, Math.min(polling.endpointTimeoutMs, w.timeoutMs - (Date.now() - w.startedAt)));
    return waitForEndpoint(w.ctx, snap.express.serviceArn, budget, polling.serviceIntervalMs).map((u) =>
      u ? { ...base, url: u } : { ...base, message: `${base.message}; the public endpoint is not assigned yet` },
    );
  }
  const events = (s?.events ?? [])
    .slice(0, 5)
    .map((e) => ({ created_at: e.createdAt?.toISOString(), message: e.message }));
  return stoppedTasks(w.ctx, cluster, service_name).map((stopped_tasks) => ({ ...base, events, stopped_tasks }));
};
