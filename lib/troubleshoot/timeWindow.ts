// Resolves start_time/end_time/time_window into a checked UTC window (start before end, bounded size).
import { err, ok, type Result, safeTry } from "neverthrow";
import { type EcsError, validationError } from "../errors.ts";

/** A resolved window; both ends are absolute instants. */
export interface TimeWindow {
  readonly start: Date;
  readonly end: Date;
}

/** Longest window any action accepts: CloudWatch and ECS keep little older data that matters for a failing deploy. */
export const MAX_WINDOW_SECONDS = 14 * 24 * 3600;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parses ISO 8601 with `Z` or an offset; a naive time means UTC (as the reference does). */
export const parseIsoTime = (text: string): Date | undefined => {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "0", zone] = m;
  const ms = Number(`0.${frac}`) * 1000;
  let offsetMin = 0;
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
  }
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.round(ms));
  const date = new Date(base - offsetMin * 60_000);
  // Reject calendar overflow such as 2026-02-31 (Date.UTC would roll it into March).
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date;
};

const bad = (path: string, message: string, got: string, expected: string): EcsError =>
  validationError([{ path: `parameters.${path}`, message, got, expected }]);

/**
 * end = end_time or now; start = start_time or end − time_window. Errors name the field and the format,
 * so a model can correct the call in one step.
 */
export const resolveTimeWindow = (
  p: { readonly time_window?: number; readonly start_time?: string; readonly end_time?: string },
  now: Date = new Date(),
): Result<TimeWindow, EcsError> => {
  const parse = (key: "start_time" | "end_time"): Result<Date | undefined, EcsError> => {
    const text = p[key];
    if (text === undefined) return ok(undefined);
    const d = parseIsoTime(text);
    if (d) return ok(d);
    // A Unix timestamp (seconds or milliseconds, as models often send): name the ISO time it stands for.
    const epoch = /^\d{10}$|^\d{13}$/.test(text) ? new Date(Number(text) * (text.length === 10 ? 1000 : 1)) : undefined;
    const iso = epoch && !Number.isNaN(epoch.getTime()) ? epoch.toISOString().replace(".000Z", "Z") : undefined;
    return err(
      validationError([
        {
          path: `parameters.${key}`,
          message: iso
            ? `${JSON.stringify(text)} is a Unix timestamp; times are ISO 8601 (did you mean "${iso}"?)`
            : `invalid ISO-8601 datetime ${JSON.stringify(text)}`,
          got: JSON.stringify(text),
          expected: "a time such as 2026-04-03T12:00:00Z or 2026-04-03T12:00:00+02:00",
          ...(iso ? { suggestion: iso } : {}),
        },
      ]),
    );
  };
  return safeTry(function* () {
    const startGiven = yield* parse("start_time");
    const endGiven = yield* parse("end_time");
    const end = endGiven ?? now;
    const start = startGiven ?? new Date(end.getTime() - (p.time_window ?? 3600) * 1000);
    if (start.getTime() >= end.getTime()) {
      return err(
        bad(
          "start_time",
          `start_time ${start.toISOString()} is not before end_time ${end.toISOString()}`,
          start.toISOString(),
          `a time before ${end.toISOString()}`,
        ),
      );
    }
    const seconds = (end.getTime() - start.getTime()) / 1000;
    if (seconds > MAX_WINDOW_SECONDS) {
      return err(
        bad(
          startGiven ? "start_time" : "time_window",
          `window of ${Math.round(seconds / 3600)} h is longer than the maximum of ${MAX_WINDOW_SECONDS / 3600} h (14 days)`,
          `${Math.round(seconds)} s`,
          `at most ${MAX_WINDOW_SECONDS} s`,
        ),
      );
    }
    return ok({ start, end });
  });
};

/** Whether `t` lies inside the window (inclusive). */
export const inWindow = (w: TimeWindow, t: Date | undefined): boolean =>
  t !== undefined && t.getTime() >= w.start.getTime() && t.getTime() <= w.end.getTime();
