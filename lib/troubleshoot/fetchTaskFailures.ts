// fetch_task_failures: stopped tasks in the window, classified by stopCode, stoppedReason and exit codes.
import { okAsync, type ResultAsync, safeTry } from "neverthrow";
import type { EcsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { describeTaskDefinitions } from "./describeTaskDefinitions.ts";
import { listAndDescribeTasks, MAX_TASKS } from "./describeTasks.ts";
import type { TaskSummary } from "./detectors/taskFailures.ts";
import { type Finding, rankFindings } from "./finding.ts";
import { shortName } from "./resolveService.ts";
import type { ActionParams } from "./schemas.ts";
import { stoppedTasksOf } from "./serviceFindingsOf.ts";
import { resolveTimeWindow } from "./timeWindow.ts";

/** Result of fetch_task_failures. */
export interface TaskFailures {
  readonly status: "success";
  readonly cluster_exists: boolean;
  readonly cluster: string;
  readonly window: { start: string; end: string };
  /** Stopped tasks in the window, oldest first. */
  readonly failed_tasks: TaskSummary[];
  /** Category → task ids. */
  readonly failure_categories: Record<string, string[]>;
  readonly findings: Finding[];
  readonly running_tasks_count?: number;
  readonly truncated?: boolean;
  readonly message: string;
}

const notFound = (e: EcsError) => e.kind === "aws" && e.code === "ClusterNotFoundException";

/** Lists STOPPED tasks (all pages up to 1000), describes them in parallel batches, keeps those stopped inside [start, end]. */
export const fetchTaskFailures = (
  p: ActionParams["fetch_task_failures"],
  ctx: ToolContext,
): ResultAsync<TaskFailures, EcsError> =>
  safeTry(async function* () {
    const w = yield* resolveTimeWindow(p);
    const cluster = p.ecs_cluster_name;
    const window = { start: w.start.toISOString(), end: w.end.toISOString() };
    const service = p.ecs_service_name ? shortName(p.ecs_service_name) : undefined;
    const [clusters, listed] = await Promise.all([
      ctx.aws("ecs", "DescribeClusters", { clusters: [cluster] }),
      listAndDescribeTasks(ctx, { cluster, service, status: "STOPPED", maxItems: MAX_TASKS }),
    ]);
    const missing =
      (clusters.isOk() && !clusters.value.clusters?.some((c) => c.status !== "INACTIVE")) ||
      (listed.isErr() && notFound(listed.error));
    if (missing) {
      return okAsync<TaskFailures, EcsError>({
        status: "success",
        cluster_exists: false,
        cluster,
        window,
        failed_tasks: [],
        failure_categories: {},
        findings: [],
        message: `Cluster '${cluster}' does not exist`,
      });
    }
    const { tasks, truncated } = yield* listed;
    // The failing tasks' definitions name the roles and references the explanations cite (one more round).
    const tdArns = [
      ...new Set(
        tasks
          .filter((t) => t.lastStatus === "STOPPED" || t.desiredStatus === "STOPPED")
          .map((t) => t.taskDefinitionArn),
      ),
    ];
    const tds = tdArns.length > 0 ? await describeTaskDefinitions(ctx, tdArns, 5).unwrapOr([]) : [];
    const { summaries, findings } = stoppedTasksOf(tasks, w, { taskDefinitions: tds });
    const unknownTime = summaries.filter((s) => s.stopped_at_source === "unknown").length;
    const categories: Record<string, string[]> = {};
    for (const s of summaries) categories[s.category] = [...(categories[s.category] ?? []), s.task_id];
    const running = clusters.isOk() ? clusters.value.clusters?.[0]?.runningTasksCount : undefined;
    return okAsync<TaskFailures, EcsError>({
      status: "success",
      cluster_exists: true,
      cluster,
      window,
      failed_tasks: summaries,
      failure_categories: categories,
      findings: rankFindings(findings),
      ...(running !== undefined ? { running_tasks_count: running } : {}),
      ...(truncated ? { truncated: true } : {}),
      message: summaries.length
        ? `Found ${summaries.length} stopped task(s) in the window: ${Object.entries(categories)
            .map(([k, v]) => `${k} ${v.length}`)
            .join(
              ", ",
            )}${unknownTime > 0 ? ` (${unknownTime} with no stop time: ECS returned no timestamp for them)` : ""}`
        : "No stopped tasks in the specified time window (ECS keeps stopped tasks for about an hour).",
    });
  });
