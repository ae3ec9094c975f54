// A metric series as the model reads it: peak, mean, last value and the newest datapoints.
import type { MetricSeries } from "./getMetricData.ts";

/** One metric, summarised; values rounded to 2 decimals (3 for seconds). */
export interface MetricReading {
  readonly id: string;
  readonly namespace: string;
  readonly metric: string;
  readonly stat: string;
  readonly unit: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly points: number;
  readonly max?: number;
  readonly max_at?: string;
  readonly min?: number;
  readonly avg?: number;
  /** Sum of the datapoints (for counts such as 5xx). */
  readonly total?: number;
  readonly last?: number;
  readonly last_at?: string;
  readonly status: string;
  /** Newest datapoints, oldest first, as [ISO time, value]. */
  readonly datapoints: [string, number][];
  readonly datapoints_omitted?: number;
}

/** Datapoints listed per series; the summary covers all of them. */
export const SHOWN_POINTS = 30;

const round = (x: number, unit: string) => {
  const f = unit === "Seconds" ? 1000 : 100;
  return Math.round(x * f) / f;
};

/** Summary of one series; a series without datapoints says so with `points: 0`. */
export const summarizeSeries = (s: MetricSeries): MetricReading => {
  const { spec, values, timestamps } = s;
  const base = {
    id: spec.id,
    namespace: spec.namespace,
    metric: spec.metric,
    stat: spec.stat,
    unit: spec.unit,
    dimensions: spec.dimensions,
    points: values.length,
    status: s.status,
  };
  if (values.length === 0) return { ...base, datapoints: [] };
  let maxI = 0;
  values.forEach((v, i) => {
    if (v > values[maxI]!) maxI = i;
  });
  const total = values.reduce((a, b) => a + b, 0);
  const r = (x: number) => round(x, spec.unit);
  const shown = values.length > SHOWN_POINTS ? values.length - SHOWN_POINTS : 0;
  return {
    ...base,
    max: r(values[maxI]!),
    max_at: timestamps[maxI]!.toISOString(),
    min: r(Math.min(...values)),
    avg: r(total / values.length),
    ...(spec.unit === "Count" ? { total: r(total) } : {}),
    last: r(values.at(-1)!),
    last_at: timestamps.at(-1)!.toISOString(),
    datapoints: values.slice(shown).map((v, i) => [timestamps[shown + i]!.toISOString(), r(v)]),
    ...(shown ? { datapoints_omitted: shown } : {}),
  };
};
