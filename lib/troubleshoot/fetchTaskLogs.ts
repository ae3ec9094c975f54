// fetch_task_logs: container logs via FilterLogEvents from the awslogs groups of the tasks' definitions.
import type { Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { errAsync, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, ecsError } from "../errors.ts";
import { sensitiveFlagName } from "../policy.ts";
import { redactText } from "../security/redact.ts";
import type { ToolContext } from "../tool.ts";
import { describeTaskDefinitions } from "./describeTaskDefinitions.ts";
import { describeTasks, listTaskArns, taskIdOf } from "./describeTasks.ts";
import { logFindings } from "./detectors/logPatterns.ts";
import { type Finding, rankFindings } from "./finding.ts";
import { describeService } from "./gatherService.ts";
import { type LogEntry, type LogGroupRead, logSourcesOf, readLogs } from "./readLogs.ts";
import { resolveService } from "./resolveService.ts";
import type { ActionParams } from "./schemas.ts";
import { resolveTimeWindow } from "./timeWindow.ts";

/** Result of fetch_task_logs. */
export interface TaskLogs {
  readonly status: "success" | "not_found";
  readonly window: { start: string; end: string };
  readonly log_groups: LogGroupRead[];
  /** Oldest first, UTC timestamps. */
  readonly log_entries: LogEntry[];
  readonly error_count: number;
  readonly warning_count: number;
  readonly info_count: number;
  readonly pattern_summary: { pattern: string; count: number }[];
  readonly findings: Finding[];
  readonly truncated?: boolean;
  readonly log_redaction?: { applied: true; redacted_values: number; note: string };
  readonly message: string;
}

type Params = ActionParams["fetch_task_logs"];

/** Task definitions (and task ids) whose logs to read: one task, one service, or the cluster's recent tasks. */
const definitionsFor = (
  p: Params,
  ctx: ToolContext,
): ResultAsync<{ tds: TaskDefinition[]; taskIds: string[] }, EcsError> =>
  safeTry(async function* () {
    const cluster = p.ecs_cluster_name;
    if (p.ecs_task_id) {
      const tasks = yield* describeTasks(ctx, cluster, [p.ecs_task_id]);
      if (tasks.length === 0) {
        return errAsync(
          ecsError("not_found", {
            resource: p.ecs_task_id,
            message: `Task '${p.ecs_task_id}' not found in cluster '${cluster}'.`,
            hint: "Stopped tasks are kept for about an hour; list recent ones with fetch_task_failures.",
          }),
        );
      }
      const tds = yield* describeTaskDefinitions(
        ctx,
        tasks.map((t) => t.taskDefinitionArn),
      );
      return okAsync({ tds, taskIds: [taskIdOf(p.ecs_task_id)] });
    }
    if (p.ecs_service_name) {
      const t = yield* resolveService(p, ctx);
      const s = yield* describeService(ctx, t);
      const tds = yield* describeTaskDefinitions(
        ctx,
        [s.taskDefinition, ...(s.deployments ?? []).map((d) => d.taskDefinition)],
        3,
      );
      return okAsync({ tds, taskIds: [] as string[] });
    }
    const [running, stopped] = await Promise.all([
      listTaskArns(ctx, { cluster, status: "RUNNING", maxItems: 100 }),
      listTaskArns(ctx, { cluster, status: "STOPPED", maxItems: 100 }),
    ]);
    // Running tasks are required; stopped ones (kept about an hour) only add to them.
    const live = yield* running;
    const arns = [...live.arns, ...(stopped.isOk() ? stopped.value.arns : [])];
    const tasks: Task[] = yield* describeTasks(ctx, cluster, arns);
    const tds = yield* describeTaskDefinitions(
      ctx,
      tasks.map((t) => t.taskDefinitionArn),
      5,
    );
    return okAsync({ tds, taskIds: [] as string[] });
  });

/**
 * FilterLogEvents (which, unlike GetLogEvents, takes filter_pattern) over the awslogs groups, all pages up to
 * 1000 events. Without allowSensitiveData every line goes through the secret redactor and the result says so.
 */
export const fetchTaskLogs = (p: Params, ctx: ToolContext): ResultAsync<TaskLogs, EcsError> =>
  safeTry(async function* () {
    const w = yield* resolveTimeWindow(p);
    const window = { start: w.start.toISOString(), end: w.end.toISOString() };
    const { tds, taskIds } = yield* definitionsFor(p, ctx);
    const sources = logSourcesOf(tds, taskIds);
    if (sources.length === 0) {
      const drivers = [
        ...new Set(
          tds.flatMap((t) => (t.containerDefinitions ?? []).map((c) => c.logConfiguration?.logDriver ?? "none")),
        ),
      ];
      return okAsync<TaskLogs, EcsError>({
        status: "not_found",
        window,
        log_groups: [],
        log_entries: [],
        error_count: 0,
        warning_count: 0,
        info_count: 0,
        pattern_summary: [],
        findings: [],
        message: `No awslogs log configuration in the task definition(s) ${tds.map((t) => `${t.family}:${t.revision}`).join(", ") || "(none found)"}; log drivers: ${drivers.join(", ") || "none"}. Add logConfiguration with logDriver awslogs to see container logs.`,
      });
    }
    const read = yield* readLogs(ctx, sources, w, { filterPattern: p.filter_pattern, maxEvents: 1000, maxPages: 10 });
    let redacted = 0;
    const entries = ctx.policy.allowSensitiveData
      ? read.entries
      : read.entries.map((e) => {
          const r = redactText(e.message);
          redacted += r.count;
          return r.count ? { ...e, message: r.text } : e;
        });
    const count = (s: LogEntry["severity"]) => entries.filter((e) => e.severity === s).length;
    const patterns = new Map<string, number>();
    for (const e of entries.filter((x) => x.severity === "ERROR")) {
      const key = (e.message.split("\n")[0] ?? "").slice(0, 100);
      patterns.set(key, (patterns.get(key) ?? 0) + 1);
    }
    const errors = count("ERROR");
    const warnings = count("WARN");
    return okAsync<TaskLogs, EcsError>({
      status: "success",
      window,
      log_groups: read.groups,
      log_entries: entries,
      error_count: errors,
      warning_count: warnings,
      info_count: count("INFO"),
      pattern_summary: [...patterns]
        .map(([pattern, n]) => ({ pattern, count: n }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 10),
      findings: rankFindings(logFindings(entries)),
      ...(read.truncated ? { truncated: true } : {}),
      ...(ctx.policy.allowSensitiveData
        ? {}
        : {
            log_redaction: {
              applied: true as const,
              redacted_values: redacted,
              note: `Log lines were passed through the secret redactor (credentials, tokens, passwords replaced by [REDACTED ...]). Set ${sensitiveFlagName()} to see raw lines.`,
            },
          }),
      message: entries.length
        ? `Found ${entries.length} log entries (${errors} errors, ${warnings} warnings)`
        : "No log entries found for the specified criteria",
    });
  });
