// Reads a service's CloudWatch metrics in one GetMetricData round trip, once the service facts are known.
import type { ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import type { TimeWindow } from "../timeWindow.ts";
import { getMetricData, type MetricSeries } from "./getMetricData.ts";
import { metricPeriod } from "./metricPeriod.ts";
import { type ContainerInsightsMode, type MetricTargets, metricSpecs } from "./metricSpecs.ts";

/** What was read. */
export interface ServiceMetrics {
  readonly period_seconds: number;
  readonly container_insights: ContainerInsightsMode;
  readonly series: MetricSeries[];
}

/** Every metric of `metricSpecs` for the target, at the window's period. */
export const readServiceMetrics = (
  ctx: ToolContext,
  t: MetricTargets,
  w: TimeWindow,
): ResultAsync<ServiceMetrics, EcsError> => {
  const period = metricPeriod(w);
  return getMetricData(ctx, metricSpecs(t), w, period).map((series) => ({
    period_seconds: period,
    container_insights: t.containerInsights,
    series,
  }));
};
