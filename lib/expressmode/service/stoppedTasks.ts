// Reads why a service's tasks stopped: the latest stopped tasks with stop codes, reasons and container exit codes.
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";

/** One stopped task, reduced to what explains the failure. */
export interface StoppedTask {
  readonly task_arn: string;
  readonly stop_code?: string;
  readonly stopped_reason?: string;
  readonly stopped_at?: string;
  readonly containers: { name?: string; exit_code?: number; reason?: string }[];
}

/** Up to `max` recently stopped tasks of the service; lookup errors give an empty list (this is diagnosis, not the result). */
export const stoppedTasks = (
  ctx: ToolContext,
  cluster: string,
  service: string,
  max = 5,
): ResultAsync<StoppedTask[], EcsError> =>
  ctx
    .aws("ecs", "ListTasks", { cluster, serviceName: service, desiredStatus: "STOPPED", maxResults: max })
    .andThen((l) =>
      (l.taskArns ?? []).length === 0
        ? okAsync([])
        : ctx.aws("ecs", "DescribeTasks", { cluster, tasks: (l.taskArns ?? []).slice(0, max) }).map((d) =>
            (d.tasks ?? []).map((t) => ({
              task_arn: t.taskArn ?? "?",
              stop_code: t.stopCode,
              stopped_reason: t.stoppedReason,
              stopped_at: t.stoppedAt?.toISOString(),
              containers: (t.containers ?? []).map((c) => ({
                name: c.name,
                exit_code: c.exitCode,
                reason: c.reason,
              })),
            })),
          ),
    )
    .orElse(() => okAsync([]));
