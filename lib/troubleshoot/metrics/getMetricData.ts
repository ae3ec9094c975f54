// GetMetricData over a list of metric specs: batches of 500 queries in parallel, NextToken pages merged per query id.
import type { GetMetricDataOutput, MetricDataResult } from "@aws-sdk/client-cloudwatch";
import { okAsync, ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import type { TimeWindow } from "../timeWindow.ts";
import type { MetricSpec } from "./metricSpecs.ts";

/** One metric's datapoints, oldest first. */
export interface MetricSeries {
  readonly spec: MetricSpec;
  readonly timestamps: Date[];
  readonly values: number[];
  /** Complete, PartialData (pages were left), InternalError or Forbidden, as CloudWatch reports it. */
  readonly status: string;
  readonly messages: string[];
}

/** Queries per call: "A single GetMetricData call can include as many as 500 MetricDataQuery structures." */
export const MAX_QUERIES = 500;
/** Pages followed per batch; a service's metrics over 14 days at the chosen period fit in one. */
export const MAX_PAGES = 5;

const floorMinute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);
const ceilMinute = (d: Date) => new Date(Math.ceil(d.getTime() / 60_000) * 60_000);

const batch = (ctx: ToolContext, specs: readonly MetricSpec[], w: TimeWindow, period: number) => {
  const pages: MetricDataResult[][] = [];
  const messages: string[] = [];
  const page = (token: string | undefined, n: number): ResultAsync<string | undefined, EcsError> =>
    ctx
      .aws("cloudwatch", "GetMetricData", {
        MetricDataQueries: specs.map((s) => ({
          Id: s.id,
          MetricStat: {
            Metric: {
              Namespace: s.namespace,
              MetricName: s.metric,
              Dimensions: Object.entries(s.dimensions).map(([Name, Value]) => ({ Name, Value })),
            },
            Period: period,
            Stat: s.stat,
          },
          ReturnData: true,
        })),
        // Whole minutes answer faster and match the 60 s publishing grid.
        StartTime: floorMinute(w.start),
        EndTime: ceilMinute(w.end),
        ScanBy: "TimestampAscending",
        ...(token ? { NextToken: token } : {}),
      })
      .andThen((o: GetMetricDataOutput) => {
        pages.push(o.MetricDataResults ?? []);
        for (const m of o.Messages ?? []) if (m.Value) messages.push(`${m.Code ?? "Message"}: ${m.Value}`);
        return o.NextToken && n + 1 < MAX_PAGES ? page(o.NextToken, n + 1) : okAsync(o.NextToken);
      });
  return page(undefined, 0).map((left): MetricSeries[] =>
    specs.map((spec) => {
      const parts = pages.flatMap((p) => p.filter((r) => r.Id === spec.id));
      const points = parts
        .flatMap((r) => (r.Timestamps ?? []).map((t, i) => [t, r.Values?.[i]] as const))
        .filter((p): p is readonly [Date, number] => typeof p[1] === "number")
        .sort((a, b) => a[0].getTime() - b[0].getTime());
      const last = parts.at(-1);
      return {
        spec,
        timestamps: points.map((p) => p[0]),
        values: points.map((p) => p[1]),
        status: left ? "PartialData" : (last?.StatusCode ?? "Complete"),
        messages: [...messages, ...parts.flatMap((r) => (r.Messages ?? []).map((m) => `${m.Code}: ${m.Value}`))],
      };
    }),
  );
};

/**
 * Reads every spec over the window at `period` seconds, oldest datapoint first. Batches run in parallel, so the
 * read costs one round trip unless CloudWatch pages the answer
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html).
 */
export const getMetricData = (
  ctx: ToolContext,
  specs: readonly MetricSpec[],
  w: TimeWindow,
  period: number,
): ResultAsync<MetricSeries[], EcsError> => {
  const batches: MetricSpec[][] = [];
  for (let i = 0; i < specs.length; i += MAX_QUERIES) batches.push(specs.slice(i, i + MAX_QUERIES));
  return ResultAsync.combine(batches.map((b) => batch(ctx, b, w, period))).map((xs) => xs.flat());
};
