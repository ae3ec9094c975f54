// Partial-failure tolerance: turns a ResultAsync into a value-or-error record, and failures into check reports.
import type { ResultAsync } from "neverthrow";
import type { EcsError } from "../errors.ts";

/** The outcome of one check, kept instead of aborting the whole diagnosis. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EcsError };

/** Awaits `r` and records success or failure; never rejects. */
export const settle = async <T>(r: ResultAsync<T, EcsError>): Promise<Settled<T>> =>
  (await r).match(
    (value): Settled<T> => ({ ok: true, value }),
    (error): Settled<T> => ({ ok: false, error }),
  );

/** The value, or undefined when the call failed. */
export const settledValue = <T>(s: Settled<T> | undefined): T | undefined => (s?.ok ? s.value : undefined);

/** How a check went, for the `checks` list of a result. */
export interface CheckReport {
  readonly check: string;
  readonly status: "ok" | "failed" | "skipped";
  readonly error?: { readonly kind: string; readonly code?: string; readonly message: string; readonly hint: string };
  readonly note?: string;
}

/** A report for a settled call: ok, or failed with the error's code and hint (e.g. AccessDenied → which permission). */
export const report = (check: string, s: Settled<unknown> | undefined, note?: string): CheckReport => {
  if (!s) return { check, status: "skipped", ...(note ? { note } : {}) };
  if (s.ok) return { check, status: "ok", ...(note ? { note } : {}) };
  const e = s.error;
  return {
    check,
    status: "failed",
    error: { kind: e.kind, ...(e.kind === "aws" ? { code: e.code } : {}), message: e.message, hint: e.hint },
  };
};
