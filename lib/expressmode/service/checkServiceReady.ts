// One poll of wait_for_service_ready: read the rollout, judge it, and either say what it waits for or give the final
// result. The wait loop (waitForServiceReady.ts) and a task's status check (a `tasks/get` on any replica) share it.
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type EcsError, isTransient } from "../../errors.ts";
import type { Progress, ToolContext } from "../../tool.ts";
import { judgeRollout } from "../rollout/judgeRollout.ts";
import { readRollout } from "../rollout/readRollout.ts";
import type { RolloutSnapshot, RolloutTarget } from "../rollout/types.ts";
import type { WaitForServiceReadyInput } from "../schemas.ts";
import { finishWait } from "./finishWait.ts";
import type { WaitForServiceResult } from "./waitForServiceReady.ts";

/** What earlier polls of the same wait saw (a fresh check from a task handle passes `freshWaitState(startedAt)`). */
export interface WaitState {
  /** When the wait began (ms since the epoch): elapsed time and the timeout count from it. */
  readonly startedAt: number;
  /** Polls made before this one. */
  readonly polls: number;
  /** Consecutive earlier polls that did not find the service. */
  readonly missing: number;
  /** What the last poll was waiting for. */
  readonly waiting: string;
  /** The last snapshot read (reported on timeout when this poll fails). */
  readonly last?: RolloutSnapshot;
}

/** The outcome of one poll: still waiting (with the state for the next poll), or the wait's final result. */
export type ServiceCheck =
  | {
      readonly done: false;
      readonly waiting: string;
      readonly next: WaitState;
      /** The progress event of this poll. */
      readonly progress: Progress;
    }
  | { readonly done: true; readonly result: WaitForServiceResult };

/** Polls without finding the service before it counts as gone. */
export const MISSING_POLLS = 3;

/**
 * The state a check starts from when nothing is remembered but the start time (a task handle): a service absent for
 * longer than MISSING_POLLS poll intervals counts as gone, as MISSING_POLLS consecutive misses would in the loop.
 */
export const freshWaitState = (startedAt: number, intervalMs: number, now = Date.now()): WaitState => ({
  startedAt,
  polls: 0,
  missing: now - startedAt >= MISSING_POLLS * intervalMs ? MISSING_POLLS - 1 : 0,
  waiting: "first poll",
});

/**
 * One poll: a transient read failure is a poll that waits on; ready, failed (rollback included), gone or out of
 * time is final. Reports one progress event.
 */
export const checkServiceReady = (
  input: WaitForServiceReadyInput,
  ctx: ToolContext,
  target: RolloutTarget,
  state: WaitState,
): ResultAsync<ServiceCheck, EcsError> => {
  const { cluster, service_name } = input;
  const timeoutMs = input.timeout_seconds * 1000;
  const n = state.polls + 1;
  const elapsed = () => Math.round((Date.now() - state.startedAt) / 1000);
  const wait = { input, ctx, startedAt: state.startedAt, timeoutMs, polls: n };
  const final = (r: ResultAsync<WaitForServiceResult, EcsError>) =>
    r.map((result): ServiceCheck => ({ done: true, result }));
  return readRollout(ctx, cluster, service_name, target)
    .map((snap) => ({ snap, transient: undefined as EcsError | undefined }))
    .orElse((e) => (isTransient(e) ? okAsync({ snap: undefined, transient: e }) : errAsync(e)))
    .andThen(({ snap, transient }) => {
      const last = snap ?? state.last;
      const s = snap?.service;
      const missing = s ? 0 : transient ? state.missing : state.missing + 1;
      if (missing >= MISSING_POLLS)
        return final(
          finishWait(wait, {
            done: true,
            status: "failed",
            outcome: "service_gone",
            message: `Service ${service_name} was not found in cluster ${cluster}.`,
          }),
        );
      const verdict = snap ? judgeRollout(snap, target) : ({ done: false, waiting: "poll failed" } as const);
      const waiting = verdict.done ? state.waiting : verdict.waiting;
      const message = s
        ? `${service_name}: ${s.runningCount ?? 0}/${s.desiredCount ?? 0} running, ${s.pendingCount ?? 0} pending, ${verdict.done ? verdict.status : waiting} (${elapsed()}s)`
        : `${service_name}: ${transient ? `poll failed (${transient.message}), retrying` : "not found yet"} (${elapsed()}s)`;
      const progress: Progress = { progress: s?.runningCount ?? 0, total: s?.desiredCount, message };
      ctx.progress(progress);
      if (verdict.done) return final(finishWait(wait, verdict, snap));
      // Out of time only once the deadline has passed: the loop sleeps at most until the deadline and polls once
      // more there, so a timeout shorter than the poll interval still waits for it (timeout_seconds: 5 → ~5 s).
      if (Date.now() - state.startedAt >= timeoutMs)
        return final(
          finishWait(
            wait,
            { status: "timeout", message: `Timeout after ${elapsed()}s - service not ready (${waiting})` },
            last,
            waiting,
          ),
        );
      const next: WaitState = { startedAt: state.startedAt, polls: n, missing, waiting, ...(last ? { last } : {}) };
      return okAsync<ServiceCheck, EcsError>({ done: false, waiting, next, progress });
    });
};
