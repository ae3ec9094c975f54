// Time windows: ISO 8601 with Z/offsets/naive, defaults, ordering and size checks.
import { expect, test } from "bun:test";
import { parseIsoTime, resolveTimeWindow } from "./timeWindow.ts";

const now = new Date("2026-11-25T10:00:00Z");

test("parses Z, offsets, naive (UTC), date-only and fractions", () => {
  expect(parseIsoTime("2026-04-03T12:00:00Z")?.toISOString()).toBe("2026-04-03T12:00:00.000Z");
  expect(parseIsoTime("2026-04-03T12:00:00+02:00")?.toISOString()).toBe("2026-04-03T10:00:00.000Z");
  expect(parseIsoTime("2026-04-03T12:00:00-0530")?.toISOString()).toBe("2026-04-03T17:30:00.000Z");
  expect(parseIsoTime("2026-04-03T12:00:00")?.toISOString()).toBe("2026-04-03T12:00:00.000Z");
  expect(parseIsoTime("2026-04-03")?.toISOString()).toBe("2026-04-03T00:00:00.000Z");
  expect(parseIsoTime("2026-04-03T12:00:00.250Z")?.toISOString()).toBe("2026-04-03T12:00:00.250Z");
  expect(parseIsoTime("2026-02-31T00:00:00Z")).toBeUndefined();
  expect(parseIsoTime("last tuesday")).toBeUndefined();
});

test("defaults: end = now, start = end - time_window (3600)", () => {
  const w = resolveTimeWindow({}, now)._unsafeUnwrap();
  expect(w.end).toEqual(now);
  expect(w.start.toISOString()).toBe("2026-11-25T09:00:00.000Z");
  expect(
    resolveTimeWindow({ time_window: 600, end_time: "2026-11-25T08:00:00Z" }, now)._unsafeUnwrap().start.toISOString(),
  ).toBe("2026-11-25T07:50:00.000Z");
});

test("errors name the field", () => {
  expect(resolveTimeWindow({ start_time: "2026-11-25T11:00:00Z" }, now)._unsafeUnwrapErr()).toMatchObject({
    issues: [{ path: "parameters.start_time" }],
  });
  expect(resolveTimeWindow({ time_window: 15 * 24 * 3600 }, now)._unsafeUnwrapErr()).toMatchObject({
    issues: [{ path: "parameters.time_window" }],
  });
  expect(resolveTimeWindow({ end_time: "soon" }, now)._unsafeUnwrapErr()).toMatchObject({
    issues: [{ path: "parameters.end_time" }],
  });
});

test("a Unix timestamp (seconds or ms, or a number sent over MCP) is refused with the ISO time it stands for", () => {
  for (const t of ["1764493200", "1764493200000"])
    expect(resolveTimeWindow({ start_time: t }, now)._unsafeUnwrapErr()).toMatchObject({
      issues: [{ path: "parameters.start_time", suggestion: "2025-11-30T09:00:00Z" }],
      hint: "Did you mean: parameters.start_time → 2025-11-30T09:00:00Z?",
    });
  expect(resolveTimeWindow({ start_time: "12345" }, now)._unsafeUnwrapErr()).toMatchObject({
    issues: [{ message: 'invalid ISO-8601 datetime "12345"' }],
  });
});
