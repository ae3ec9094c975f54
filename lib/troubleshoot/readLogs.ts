// Reads container logs with FilterLogEvents from the log groups the task definitions' awslogs settings name.

import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { ResultAsync } from "neverthrow";
import { paginate } from "../aws/paginate.ts";
import type { EcsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { severityOf } from "./detectors/logPatterns.ts";
import type { TimeWindow } from "./timeWindow.ts";

/** Where one container's logs live. */
export interface LogSource {
  readonly group: string;
  readonly container?: string;
  /** Exact stream names (`prefix/container/taskId`) when task ids are known. */
  readonly streams?: readonly string[];
  readonly streamPrefix?: string;
  readonly region?: string;
}

/** One log line, compact. */
export interface LogEntry {
  readonly timestamp: string;
  readonly message: string;
  readonly severity: "ERROR" | "WARN" | "INFO";
  readonly stream?: string;
  readonly group: string;
}

/** What was read per group. */
export interface LogGroupRead {
  readonly name: string;
  readonly container?: string;
  readonly streams?: readonly string[];
  readonly events: number;
  readonly truncated: boolean;
  readonly error?: string;
}

/**
 * Log sources from awslogs logConfiguration (not a guessed `/ecs/<cluster>` group). With task ids, the exact
 * streams `<awslogs-stream-prefix>/<container>/<task-id>` are read
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html).
 */
export const logSourcesOf = (tds: readonly TaskDefinition[], taskIds: readonly string[] = []): LogSource[] => {
  const seen = new Set<string>();
  const out: LogSource[] = [];
  for (const td of tds) {
    for (const c of td.containerDefinitions ?? []) {
      const lc = c.logConfiguration;
      const group = lc?.logDriver === "awslogs" ? lc.options?.["awslogs-group"] : undefined;
      if (!group) continue;
      const prefix = lc?.options?.["awslogs-stream-prefix"];
      const streams =
        prefix && taskIds.length > 0 ? taskIds.slice(0, 100).map((id) => `${prefix}/${c.name}/${id}`) : undefined;
      const key = `${group}|${c.name}|${streams?.join(",") ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        group,
        container: c.name,
        ...(streams ? { streams } : prefix ? { streamPrefix: `${prefix}/${c.name}/` } : {}),
        region: lc?.options?.["awslogs-region"],
      });
    }
  }
  return out;
};

/** Bounds of one read. */
export interface LogReadOptions {
  readonly filterPattern?: string;
  /** Cap over all groups (default 1000). */
  readonly maxEvents?: number;
  /** Pages per group (default 10). */
  readonly maxPages?: number;
}

const readOne = (
  ctx: ToolContext,
  src: LogSource,
  w: TimeWindow,
  o: Required<Pick<LogReadOptions, "maxEvents" | "maxPages">> & LogReadOptions,
): ResultAsync<{ read: LogGroupRead; entries: LogEntry[] }, never> =>
  paginate(
    (token) =>
      ctx
        .aws(
          "logs",
          "FilterLogEvents",
          {
            logGroupName: src.group,
            ...(src.streams ? { logStreamNames: [...src.streams] } : {}),
            ...(src.streamPrefix ? { logStreamNamePrefix: src.streamPrefix } : {}),
            startTime: w.start.getTime(),
            endTime: w.end.getTime(),
            ...(o.filterPattern ? { filterPattern: o.filterPattern } : {}),
            limit: Math.min(o.maxEvents, 10000),
            ...(token ? { nextToken: token } : {}),
          },
          // awslogs can ship to another region than the cluster's: read the group where it lives.
          src.region ? { region: src.region } : undefined,
        )
        .map((out) => ({ items: out.events, next: out.nextToken })),
    { maxPages: o.maxPages, maxItems: o.maxEvents },
  )
    .map((p) => {
      const entries: LogEntry[] = p.items.map((e) => {
        const message = (e.message ?? "").replace(/\s+$/, "");
        return {
          timestamp: new Date(e.timestamp ?? 0).toISOString(),
          message,
          severity: severityOf(message),
          stream: e.logStreamName,
          group: src.group,
        };
      });
      return {
        read: {
          name: src.group,
          container: src.container,
          streams: src.streams,
          events: entries.length,
          truncated: p.truncated,
        },
        entries,
      };
    })
    .orElse((e: EcsError) =>
      ResultAsync.fromSafePromise<{ read: LogGroupRead; entries: LogEntry[] }, never>(
        Promise.resolve({
          read: {
            name: src.group,
            container: src.container,
            events: 0,
            truncated: false,
            error:
              e.kind === "aws" && e.code === "ResourceNotFoundException"
                ? `Log group ${src.group} does not exist`
                : `${e.kind === "aws" ? e.code : e.kind}: ${e.message}`,
          },
          entries: [],
        }),
      ),
    );

/** Reads every source in parallel; entries sorted by time, capped overall; failures stay per group. */
export const readLogs = (
  ctx: ToolContext,
  sources: readonly LogSource[],
  w: TimeWindow,
  options: LogReadOptions = {},
): ResultAsync<{ groups: LogGroupRead[]; entries: LogEntry[]; truncated: boolean }, never> => {
  const maxEvents = options.maxEvents ?? 1000;
  const o = { ...options, maxEvents, maxPages: options.maxPages ?? 10 };
  return ResultAsync.combine(sources.map((s) => readOne(ctx, s, w, o))).map((all) => {
    const entries = all.flatMap((a) => a.entries).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    return {
      groups: all.map((a) => a.read),
      entries: entries.slice(-maxEvents),
      truncated: entries.length > maxEvents || all.some((a) => a.read.truncated),
    };
  });
};
