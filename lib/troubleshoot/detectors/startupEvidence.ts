// How long the app takes to start, from its own logs: a start-up line that states its duration, or tasks that were
// still logging start-up steps (no error, no "ready" line) when ECS stopped them. Only what the logs show counts.
import type { Task } from "@aws-sdk/client-ecs";
import type { LogLine } from "./logPatterns.ts";

/** Start-up complete lines that state their own duration (Spring Boot, Quarkus, Micronaut, generic). */
const STARTED = [
  /Started \S+ in (\d+(?:\.\d+)?) seconds/,
  /started in (\d+(?:\.\d+)?)s\b/i,
  /Startup completed in (\d+)ms/i,
  /start(?:ed|up)? (?:took|in) (\d+(?:\.\d+)?) ?(ms|s|seconds)\b/i,
];
const READY = /listening|started|ready|startup complete|running on|serving|accepting connections/i;
const ERROR = /error|exception|traceback|fatal|panic|denied|refused|not found|cannot|failed/i;

const secondsOf = (l: LogLine): number | undefined => {
  for (const re of STARTED) {
    const m = re.exec(l.message);
    if (!m) continue;
    const v = Number(m[1]);
    return /ms/i.test(m[2] ?? "") || /completed in \d+ms/i.test(l.message) ? v / 1000 : v;
  }
  return undefined;
};

/** What the logs show about the start-up time. */
export type StartupEvidence =
  | { readonly kind: "measured"; readonly seconds: number; readonly line: LogLine }
  | { readonly kind: "still_starting"; readonly seconds: number; readonly line: LogLine; readonly tasks: number };

const idOf = (t: Task) => t.taskArn?.split("/").at(-1) ?? "";

/** The longest stated start-up, else killed tasks still starting for most of the window; undefined otherwise. */
export const startupEvidence = (
  logs: readonly LogLine[],
  killed: readonly Task[],
  window: number,
): StartupEvidence | undefined => {
  const measured = logs
    .map((line) => ({ line, s: secondsOf(line) }))
    .filter((x): x is { line: LogLine; s: number } => x.s !== undefined);
  if (measured.length > 0) {
    const slowest = measured.reduce((a, b) => (b.s > a.s ? b : a));
    return { kind: "measured", seconds: slowest.s, line: slowest.line };
  }
  // Every killed task with logs logged only start-up steps, for most of the window, up to its stop.
  const runs = killed.flatMap((t) => {
    const mine = logs.filter((l) => (l.stream ?? "").endsWith(`/${idOf(t)}`));
    const first = mine[0];
    const last = mine.at(-1);
    if (!first || !last || !t.startedAt) return [];
    const ok = mine.every((l) => !ERROR.test(l.message) && !READY.test(l.message));
    const span = (Date.parse(last.timestamp) - t.startedAt.getTime()) / 1000;
    return [{ ok, span, last }];
  });
  if (runs.length === 0 || !runs.every((r) => r.ok && r.span >= window * 0.6)) return undefined;
  const longest = runs.reduce((a, b) => (b.span > a.span ? b : a));
  return { kind: "still_starting", seconds: Math.round(longest.span), line: longest.last, tasks: runs.length };
};
