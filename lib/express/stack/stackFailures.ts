// Reads a stack's events and returns the resources that failed during the current operation, with reasons.
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";

/** One failed resource of a stack operation. */
export interface StackFailure {
  readonly logical_id: string;
  readonly resource_type?: string;
  readonly status: string;
  readonly reason: string;
  readonly time?: string;
}

const MAX_PAGES = 5;
const MAX_FAILURES = 10;

/**
 * The failed resources of the operation that started at `since` (newest first, at most 10), so a rollback
 * says which resource broke and why instead of only "ROLLBACK_COMPLETE". Event read errors give an empty list.
 */
export const stackFailures = (
  ctx: ToolContext,
  stackName: string,
  since: Date,
): ResultAsync<StackFailure[], EcsError> => {
  const failures: StackFailure[] = [];
  const page = (token: string | undefined, n: number): ResultAsync<StackFailure[], EcsError> =>
    ctx
      .aws("cloudformation", "DescribeStackEvents", { StackName: stackName, NextToken: token }, { signal: ctx.signal })
      .andThen((out) => {
        let older = false;
        for (const e of out.StackEvents ?? []) {
          if (e.Timestamp && e.Timestamp.getTime() < since.getTime() - 1000) {
            older = true;
            break;
          }
          if (!e.ResourceStatus?.endsWith("_FAILED") || failures.length >= MAX_FAILURES) continue;
          const reason = e.ResourceStatusReason ?? "no reason given";
          if (e.LogicalResourceId === stackName && /resource\(s\) failed|were not created/i.test(reason)) continue;
          failures.push({
            logical_id: e.LogicalResourceId ?? "?",
            resource_type: e.ResourceType,
            status: e.ResourceStatus,
            reason,
            time: e.Timestamp?.toISOString(),
          });
        }
        return older || !out.NextToken || n + 1 >= MAX_PAGES ? okAsync(failures) : page(out.NextToken, n + 1);
      });
  return page(undefined, 0).orElse(() => okAsync(failures));
};

/** One line per failure, for error messages. */
export const describeFailures = (failures: readonly StackFailure[]): string =>
  failures.length === 0
    ? "no failed resource events were found"
    : failures.map((f) => `${f.logical_id} (${f.resource_type ?? "?"}) ${f.status}: ${f.reason}`).join("; ");
