// wait_for_service_ready: polls a service until the judged deployment succeeded, failed (rollback included), or the
// bounded timeout passed. The judgement is lib/expressmode/rollout/judgeRollout.ts.

import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { DeploymentOutcome, EcsError } from "../../errors.ts";
import { isTransient } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { pollingOf } from "../options.ts";
import { judgeRollout } from "../rollout/judgeRollout.ts";
import { readRollout } from "../rollout/readRollout.ts";
import { runningConfiguration, runningRevisionArn } from "../rollout/runningConfiguration.ts";
import type { RolloutSnapshot, RolloutTarget, RolloutVerdict } from "../rollout/types.ts";
import { sleep } from "../util/sleep.ts";
import { urlOf, waitForEndpoint } from "./serviceUrl.ts";
import { type StoppedTask, stoppedTasks } from "./stoppedTasks.ts";

/** Input of wait_for_service_ready (reference names). */
export interface WaitForServiceInput {
  readonly cluster: string;
  readonly service_name: string;
  readonly timeout_seconds?: number;
}

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

const MISSING_POLLS = 3;

/**
 * Waits for a service deployment to finish. Unlike the reference (first RUNNING task = ready), ready means the
 * judged deployment completed, managed resources are up, running == desired, and (for deploy_app, via `target`) the
 * running revision is the one asked for; a rollback ends the wait as a failure.
 */
export const waitForServiceReady = (
  input: WaitForServiceInput,
  ctx: ToolContext,
  target: RolloutTarget = {},
): ResultAsync<WaitForServiceResult, EcsError> => {
  const { cluster, service_name } = input;
  const timeoutMs = (input.timeout_seconds ?? 300) * 1000;
  const polling = pollingOf(ctx.express);
  const interval = polling.serviceIntervalMs;
  const started = Date.now();
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  let missing = 0;
  let waiting = "first poll";
  let last: RolloutSnapshot | undefined;
  const finish = (
    verdict: Exclude<RolloutVerdict, { done: false }> | { status: "timeout"; message: string },
    polls: number,
    snap?: RolloutSnapshot,
  ) => {
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
      elapsed_seconds: elapsed(),
      polls,
      ...(snap?.notes.length ? { notes: snap.notes } : {}),
    };
    if (verdict.status === "success") {
      const cfg = runningConfiguration(snap?.express, runningRevisionArn(d));
      const url = urlOf(snap?.express, cfg);
      if (url || !snap?.express?.serviceArn) return okAsync(url ? { ...base, url } : base);
      const budget = Math.max(0, Math.min(polling.endpointTimeoutMs, timeoutMs - (Date.now() - started)));
      return waitForEndpoint(ctx, snap.express.serviceArn, budget, interval).map((u) =>
        u ? { ...base, url: u } : { ...base, message: `${base.message}; the public endpoint is not assigned yet` },
      );
    }
    const events = (s?.events ?? [])
      .slice(0, 5)
      .map((e) => ({ created_at: e.createdAt?.toISOString(), message: e.message }));
    return stoppedTasks(ctx, cluster, service_name).map((stopped_tasks) => ({ ...base, events, stopped_tasks }));
  };
  const poll = (n: number): ResultAsync<WaitForServiceResult, EcsError> =>
    readRollout(ctx, cluster, service_name, target)
      .map((snap) => ({ snap, transient: undefined as EcsError | undefined }))
      .orElse((e) => (isTransient(e) ? okAsync({ snap: undefined, transient: e }) : errAsync(e)))
      .andThen(({ snap, transient }) => {
        if (snap) last = snap;
        const s = snap?.service;
        if (s) missing = 0;
        else if (!transient) missing += 1;
        if (missing >= MISSING_POLLS)
          return finish(
            {
              done: true,
              status: "failed",
              outcome: "service_gone",
              message: `Service ${service_name} was not found in cluster ${cluster}.`,
            },
            n,
          );
        const verdict = snap ? judgeRollout(snap, target) : ({ done: false, waiting: "poll failed" } as const);
        if (!verdict.done) waiting = verdict.waiting;
        ctx.progress({
          progress: s?.runningCount ?? 0,
          total: s?.desiredCount,
          message: s
            ? `${service_name}: ${s.runningCount ?? 0}/${s.desiredCount ?? 0} running, ${s.pendingCount ?? 0} pending, ${verdict.done ? verdict.status : waiting} (${elapsed()}s)`
            : `${service_name}: ${transient ? `poll failed (${transient.message}), retrying` : "not found yet"} (${elapsed()}s)`,
        });
        if (verdict.done) return finish(verdict, n, snap);
        if (Date.now() - started + interval > timeoutMs)
          return finish(
            { status: "timeout", message: `Timeout after ${elapsed()}s - service not ready (${waiting})` },
            n,
            last,
          );
        return sleep(interval, ctx.signal, `wait_for_service_ready ${service_name}`).andThen(() => poll(n + 1));
      });
  return poll(1);
};
