// Abortable sleep for polling loops: resolves after `ms`, or fails with a `cancelled` error when the signal fires.
import { setTimeout as delay } from "node:timers/promises";
import { ResultAsync } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";

/** The `cancelled` error of an operation the caller aborted. */
export const cancelledError = (operation: string): EcsError =>
  ecsError("cancelled", {
    operation,
    message: `${operation} was cancelled.`,
    hint: "The caller cancelled the request; nothing further was started. Re-run the tool to continue.",
  });

/** Waits `ms` unless `signal` aborts first (then a `cancelled` error naming `operation`). */
export const sleep = (ms: number, signal: AbortSignal | undefined, operation: string): ResultAsync<void, EcsError> =>
  ResultAsync.fromPromise(delay(ms, undefined, { signal }), () => cancelledError(operation));
