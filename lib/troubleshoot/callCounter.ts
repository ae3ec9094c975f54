// Counts the AWS calls of one action and the longest chain of calls that had to wait for each other.
import type { AwsCall } from "../aws/call.ts";
import type { ToolContext } from "../tool.ts";

/** What the counter measured. */
export interface CallStats {
  readonly total: number;
  /** Longest chain of calls where each started after the previous one ended (the critical path). */
  readonly critical_path: number;
  readonly by_operation: Record<string, number>;
}

/** A context whose `aws` records every call's start and end, and a function reading the stats. */
export const countCalls = (ctx: ToolContext): { ctx: ToolContext; stats: () => CallStats } => {
  const calls: { op: string; start: number; end: number }[] = [];
  let clock = 0;
  const aws = ((service, operation, input, options) => {
    const entry = { op: `${service}:${operation}`, start: clock++, end: Number.POSITIVE_INFINITY };
    calls.push(entry);
    return ctx
      .aws(service, operation, input, options)
      .map((o) => {
        entry.end = clock++;
        return o;
      })
      .mapErr((e) => {
        entry.end = clock++;
        return e;
      });
  }) as AwsCall;
  const stats = (): CallStats => {
    // Logical clock: a call depends on every call that ended before it started.
    const depth: number[] = [];
    const sorted = [...calls].sort((a, b) => a.start - b.start);
    sorted.forEach((c, i) => {
      let d = 1;
      for (let j = 0; j < i; j++) if (sorted[j]!.end < c.start) d = Math.max(d, depth[j]! + 1);
      depth[i] = d;
    });
    const by: Record<string, number> = {};
    for (const c of calls) by[c.op] = (by[c.op] ?? 0) + 1;
    return { total: calls.length, critical_path: Math.max(0, ...depth), by_operation: by };
  };
  return { ctx: { ...ctx, aws }, stats };
};
