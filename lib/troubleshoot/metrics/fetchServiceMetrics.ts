// fetch_service_metrics: a service's CPU, memory, Container Insights and load balancer target metrics in a window.
import type { Service } from "@aws-sdk/client-ecs";
import { okAsync, type ResultAsync, safeTry } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { type Finding, rankFindings } from "../finding.ts";
import { describeService } from "../gatherService.ts";
import { resolveService } from "../resolveService.ts";
import type { ActionParams } from "../schemas.ts";
import { type CheckReport, report, settle, settledValue } from "../settle.ts";
import { resolveTimeWindow } from "../timeWindow.ts";
import { containerInsightsOf } from "./containerInsightsOf.ts";
import { describeClusterSettings } from "./describeClusterSettings.ts";
import { metricFindings } from "./metricFindings.ts";
import type { ContainerInsightsMode } from "./metricSpecs.ts";
import { readServiceMetrics } from "./readServiceMetrics.ts";
import { type MetricReading, summarizeSeries } from "./summarizeSeries.ts";
import { targetGroupsOf } from "./targetGroupsOf.ts";

/** Result of fetch_service_metrics. */
export interface ServiceMetricsReport {
  readonly status: "success";
  readonly cluster: string;
  readonly service: string;
  readonly window: { start: string; end: string };
  readonly period_seconds: number;
  readonly container_insights: ContainerInsightsMode;
  /** One entry per metric read; `points: 0` means CloudWatch has no data for it in the window. */
  readonly metrics: MetricReading[];
  /** What the numbers show on their own (memory or CPU at the limit, target 5xx, unhealthy targets). */
  readonly issues: Finding[];
  readonly checks: CheckReport[];
  readonly message: string;
}

const tgArnsOf = (s: Service) =>
  (s.loadBalancers ?? []).map((l) => l.targetGroupArn).filter((a): a is string => Boolean(a));

/**
 * Three rounds: the service and its cluster's settings; its target groups (for the load balancer of each); one
 * GetMetricData for everything. ECS publishes service metrics only while tasks run, and ELB only while requests
 * flow, so an empty series is reported as such rather than as zero.
 */
export const fetchServiceMetrics = (
  p: ActionParams["fetch_service_metrics"],
  ctx: ToolContext,
): ResultAsync<ServiceMetricsReport, EcsError> =>
  safeTry(async function* () {
    const w = yield* resolveTimeWindow(p);
    const t = yield* resolveService(p, ctx);
    const [found, cluster] = await Promise.all([
      describeService(ctx, t),
      settle(describeClusterSettings(ctx, t.cluster)),
    ]);
    const svc = yield* found;
    const tgs = await settle(targetGroupsOf(ctx, tgArnsOf(svc)));
    const mode = cluster.ok ? containerInsightsOf(cluster.value) : "unknown";
    const m = yield* readServiceMetrics(
      ctx,
      {
        cluster: t.cluster.split("/").at(-1) ?? t.cluster,
        service: svc.serviceName ?? t.service,
        containerInsights: mode,
        targetGroups: settledValue(tgs) ?? [],
      },
      w,
    );
    const metrics = m.series.map(summarizeSeries);
    const withData = metrics.filter((x) => x.points > 0).length;
    return okAsync<ServiceMetricsReport, EcsError>({
      status: "success",
      cluster: t.cluster,
      service: svc.serviceName ?? t.service,
      window: { start: w.start.toISOString(), end: w.end.toISOString() },
      period_seconds: m.period_seconds,
      container_insights: mode,
      metrics,
      issues: rankFindings(metricFindings(m, {})),
      checks: [report("cluster_settings", cluster), ...(tgArnsOf(svc).length ? [report("target_groups", tgs)] : [])],
      message:
        withData > 0
          ? `${withData} of ${metrics.length} metrics have datapoints at ${m.period_seconds} s in the window`
          : "No datapoints in the window: ECS publishes service metrics only while tasks are RUNNING, and the load balancer only while requests flow",
    });
  });
