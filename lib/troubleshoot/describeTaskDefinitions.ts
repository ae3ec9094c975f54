// Describes several task definitions at once (deduplicated), keeping the ones that answered.

import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { okAsync, ResultAsync } from "neverthrow";
import type { EcsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";

/** Task definitions by ARN (or family:revision), fetched in parallel; at most `max` distinct ones. */
export const describeTaskDefinitions = (
  ctx: ToolContext,
  refs: readonly (string | undefined)[],
  max = 10,
): ResultAsync<TaskDefinition[], EcsError> => {
  const unique = [...new Set(refs.filter((r): r is string => Boolean(r)))].slice(0, max);
  if (unique.length === 0) return okAsync([]);
  return ResultAsync.combine(
    unique.map((taskDefinition) =>
      ctx.aws("ecs", "DescribeTaskDefinition", { taskDefinition }).map((o) => o.taskDefinition),
    ),
  ).map((tds) => tds.filter((t): t is TaskDefinition => t !== undefined));
};

/** `family:revision` of a task definition ARN. */
export const familyRevision = (arn: string | undefined): string => (arn ?? "").split("/").at(-1) ?? "";
