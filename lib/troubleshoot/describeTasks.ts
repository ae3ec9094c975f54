// Lists a cluster's tasks (bounded pages) and describes them in concurrent batches of 100.

import type { Task } from "@aws-sdk/client-ecs";
import { okAsync, ResultAsync } from "neverthrow";
import { chunk, paginate } from "../aws/paginate.ts";
import type { EcsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";

/** Default cap on tasks listed per status (10 pages of 100). */
export const MAX_TASKS = 1000;

/** ARNs of tasks in one desired status, optionally of one service, paging with a cap. */
export const listTaskArns = (
  ctx: ToolContext,
  q: { cluster: string; service?: string; status: "RUNNING" | "STOPPED"; maxItems?: number },
): ResultAsync<{ arns: string[]; truncated: boolean }, EcsError> =>
  paginate<string>((token) => listPage(ctx, q, token).map((o) => ({ items: o.taskArns, next: o.nextToken })), {
    maxPages: Math.ceil((q.maxItems ?? MAX_TASKS) / 100),
    maxItems: q.maxItems ?? MAX_TASKS,
  }).map((p) => ({ arns: p.items, truncated: p.truncated }));

/** DescribeTasks takes at most 100 ARNs: all batches run at once. */
export const describeTasks = (
  ctx: ToolContext,
  cluster: string,
  arns: readonly string[],
): ResultAsync<Task[], EcsError> =>
  arns.length === 0
    ? okAsync([])
    : ResultAsync.combine(
        chunk(arns, 100).map((batch) =>
          ctx.aws("ecs", "DescribeTasks", { cluster, tasks: batch }).map((o) => o.tasks ?? []),
        ),
      ).map((lists) => lists.flat());

/**
 * Lists tasks and describes each page as soon as it arrives, so the describes overlap the remaining list pages:
 * the critical path is the list pages plus one describe, not list pages plus describe batches.
 */
export const listAndDescribeTasks = (
  ctx: ToolContext,
  q: { cluster: string; service?: string; status: "RUNNING" | "STOPPED"; maxItems?: number },
): ResultAsync<{ tasks: Task[]; truncated: boolean }, EcsError> => {
  const maxItems = q.maxItems ?? MAX_TASKS;
  const described: ResultAsync<Task[], EcsError>[] = [];
  return paginate<string>(
    (token) =>
      listPage(ctx, q, token).map((o) => {
        if (o.taskArns?.length) described.push(describeTasks(ctx, q.cluster, o.taskArns));
        return { items: o.taskArns, next: o.nextToken };
      }),
    { maxPages: Math.ceil(maxItems / 100), maxItems },
  ).andThen((p) =>
    ResultAsync.combine(described).map((lists) => ({ tasks: lists.flat().slice(0, maxItems), truncated: p.truncated })),
  );
};

/** One ListTasks page (100 ARNs, AWS's largest). */
const listPage = (
  ctx: ToolContext,
  q: { cluster: string; service?: string; status: "RUNNING" | "STOPPED" },
  token: string | undefined,
) =>
  ctx.aws("ecs", "ListTasks", {
    cluster: q.cluster,
    ...(q.service ? { serviceName: q.service } : {}),
    desiredStatus: q.status,
    maxResults: 100,
    ...(token ? { nextToken: token } : {}),
  });

/** Task id = last segment of the task ARN. */
export const taskIdOf = (arnOrId: string): string => arnOrId.split("/").at(-1) ?? arnOrId;
