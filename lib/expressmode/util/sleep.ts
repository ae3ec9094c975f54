// Abortable sleep for polling loops: resolves after `ms`, or fails with a `cancelled` error when the signal fires.
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
  ResultAsync.fromPromise(
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new Error("aborted"));
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Error("aborted"));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
    () => cancelledError(operation),
  );
