// Reads a stack's events and returns the resources that failed during the current operation, with reasons.

import type { StackEvent } from "@aws-sdk/client-cloudformation";
import { okAsync, type ResultAsync } from "neverthrow";
import { paginate } from "../../aws/paginate.ts";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { rootCauseEvent } from "../../troubleshoot/detectors/cfnRootCause.ts";

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
 * The failed resources of the operation that started at `since`, the root cause first (then newest first, at most
 * 10), so a rollback says which resource broke and why instead of only "ROLLBACK_COMPLETE". Event read errors give
 * an empty list.
 */
export const stackFailures = (
  ctx: ToolContext,
  stackName: string,
  since: Date,
): ResultAsync<StackFailure[], EcsError> =>
  paginate<StackEvent>(
    (token) =>
      ctx.aws("cloudformation", "DescribeStackEvents", { StackName: stackName, NextToken: token }).map((out) => {
        const events = out.StackEvents ?? [];
        // Events come newest first: once a page reaches events older than this operation, stop reading.
        const fresh = events.filter((e) => !e.Timestamp || e.Timestamp.getTime() >= since.getTime() - 1000);
        return { items: fresh, next: fresh.length < events.length ? undefined : out.NextToken };
      }),
    { maxPages: MAX_PAGES, maxItems: 500 },
  )
    .map(({ items }) => {
      const root = rootCauseEvent(items, stackName);
      const failed = items.filter(
        (e) =>
          e.ResourceStatus?.endsWith("_FAILED") &&
          !(
            e.LogicalResourceId === stackName &&
            /resource\(s\) failed|were not created/i.test(e.ResourceStatusReason ?? "")
          ),
      );
      const ordered = root && failed.includes(root) ? [root, ...failed.filter((e) => e !== root)] : failed;
      return ordered.slice(0, MAX_FAILURES).map(
        (e): StackFailure => ({
          logical_id: e.LogicalResourceId ?? "?",
          resource_type: e.ResourceType,
          status: e.ResourceStatus ?? "?",
          reason: e.ResourceStatusReason ?? "no reason given",
          time: e.Timestamp?.toISOString(),
        }),
      );
    })
    .orElse(() => okAsync([]));

/** One line per failure, for error messages. */
export const describeFailures = (failures: readonly StackFailure[]): string =>
  failures.length === 0
    ? "no failed resource events were found"
    : failures.map((f) => `${f.logical_id} (${f.resource_type ?? "?"}) ${f.status}: ${f.reason}`).join("; ");
