// The highest datapoint of the first metric (by preference) that has data, optionally inside a time range.
import type { MetricSeries } from "./getMetricData.ts";

/** A peak with where it came from. */
export interface Peak {
  readonly value: number;
  readonly at: Date;
  readonly series: MetricSeries;
  /** Datapoints at or above `over` (when given). */
  readonly over: number;
  /** Datapoints considered. */
  readonly points: number;
}

/** Label such as `AWS/ECS MemoryUtilization (Maximum, 60 s)`. */
export const labelOf = (s: MetricSeries, period: number): string =>
  `${s.spec.namespace} ${s.spec.metric} (${s.spec.stat}, ${period} s)`;

/**
 * Peak of the first series among `ids` with datapoints in [from, to]. Task-level Container Insights ids come first
 * in callers' lists: they are the hottest single task, where AWS/ECS Maximum is too, but only at 1-minute grain.
 */
export const peakOf = (
  all: readonly MetricSeries[],
  ids: readonly string[],
  range: { from?: Date; to?: Date; over?: number } = {},
): Peak | undefined => {
  for (const id of ids) {
    for (const s of all.filter((x) => x.spec.id === id)) {
      const idx = s.timestamps
        .map((t, i) => [t, i] as const)
        .filter(([t]) => (!range.from || t >= range.from) && (!range.to || t <= range.to))
        .map(([, i]) => i);
      if (idx.length === 0) continue;
      const best = idx.reduce((a, b) => (s.values[b]! > s.values[a]! ? b : a));
      const over = range.over === undefined ? 0 : idx.filter((i) => s.values[i]! >= range.over!).length;
      return { value: s.values[best]!, at: s.timestamps[best]!, series: s, over, points: idx.length };
    }
  }
  return undefined;
};
