// CloudWatch GetMetricData for the loopback fake: answers each MetricStat query from stored datapoints, aggregated
// to the query's Period and Stat, ordered by ScanBy and paged by MaxDatapoints with a NextToken, as CloudWatch does.
import type { FakeHandler, FakeInput } from "./types.ts";

/** Stored datapoints of one metric. `stat` limits them to queries with that Stat; omitted, any Stat aggregates them. */
export interface FakeMetricSeries {
  readonly namespace: string;
  readonly metric: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly stat?: string;
  readonly points: readonly (readonly [Date, number])[];
}

const sameDims = (a: Readonly<Record<string, string>>, b: { Name: string; Value: string }[] = []) =>
  Object.keys(a).length === b.length && b.every((d) => a[d.Name] === d.Value);

const aggregate = (stat: string, xs: number[]): number => {
  if (stat === "Sum") return xs.reduce((a, b) => a + b, 0);
  if (stat === "Minimum") return Math.min(...xs);
  if (stat === "Average") return xs.reduce((a, b) => a + b, 0) / xs.length;
  if (stat === "SampleCount") return xs.length;
  return Math.max(...xs); // Maximum, and percentiles (pNN) of samples that are already per-period values
};

/** CloudWatch's JSON protocol sends timestamps as epoch seconds. */
const epoch = (x: unknown): number => (typeof x === "number" ? x * 1000 : Date.parse(String(x)));

/** A GetMetricData handler over `series`; `pageSize` stands in for MaxDatapoints when the caller sends none. */
export const metricDataHandler =
  (series: readonly FakeMetricSeries[], options: { pageSize?: number } = {}): FakeHandler =>
  (input: FakeInput) => {
    const start = epoch(input.StartTime);
    const end = epoch(input.EndTime);
    const asc = input.ScanBy === "TimestampAscending";
    const rows: { id: string; t: number; v: number }[] = [];
    const ids: string[] = [];
    for (const q of (input.MetricDataQueries ?? []) as FakeInput[]) {
      ids.push(q.Id);
      const ms = q.MetricStat;
      if (!ms) continue;
      const period = Number(ms.Period) * 1000;
      const buckets = new Map<number, number[]>();
      for (const s of series) {
        if (s.namespace !== ms.Metric?.Namespace || s.metric !== ms.Metric?.MetricName) continue;
        if (!sameDims(s.dimensions, ms.Metric?.Dimensions) || (s.stat && s.stat !== ms.Stat)) continue;
        for (const [at, v] of s.points) {
          const t = at.getTime();
          if (t < start || t >= end) continue;
          const b = start + Math.floor((t - start) / period) * period;
          buckets.set(b, [...(buckets.get(b) ?? []), v]);
        }
      }
      const ordered = [...buckets].sort((a, b) => (asc ? a[0] - b[0] : b[0] - a[0]));
      for (const [t, xs] of ordered) rows.push({ id: q.Id, t, v: aggregate(ms.Stat, xs) });
    }
    const offset = input.NextToken ? Number(String(input.NextToken).replace("page-", "")) : 0;
    const size = Number(input.MaxDatapoints ?? options.pageSize ?? 100_800);
    const page = rows.slice(offset, offset + size);
    const more = offset + size < rows.length;
    return {
      MetricDataResults: ids.map((id) => {
        const mine = page.filter((r) => r.id === id);
        return {
          Id: id,
          Label: id,
          Timestamps: mine.map((r) => new Date(r.t)),
          Values: mine.map((r) => r.v),
          StatusCode: more ? "PartialData" : "Complete",
        };
      }),
      ...(more ? { NextToken: `page-${offset + size}` } : {}),
      Messages: [],
    };
  };
