// diagnose's CloudWatch evidence provider: cluster settings and target groups, then one GetMetricData.
import type { Service } from "@aws-sdk/client-ecs";
import { ResultAsync } from "neverthrow";
import type { EvidenceProvider } from "../evidenceProviders.ts";
import { settle } from "../settle.ts";
import { containerInsightsOf } from "./containerInsightsOf.ts";
import { describeClusterSettings } from "./describeClusterSettings.ts";
import { metricFindingsOf } from "./metricFindingsOf.ts";
import { readServiceMetrics, type ServiceMetrics } from "./readServiceMetrics.ts";
import { targetGroupsOf } from "./targetGroupsOf.ts";

const tgArnsOf = (s: Service) =>
  (s.loadBalancers ?? []).map((l) => l.targetGroupArn).filter((a): a is string => Boolean(a));

/**
 * Starts after DescribeServices (round 1): DescribeClusters(SETTINGS) and DescribeTargetGroups in parallel with
 * round 2, then GetMetricData in parallel with round 3, so diagnose stays 3 round trips deep. A failed settings or
 * target group read only narrows the metric list (no Container Insights, no ALB metrics); a failed GetMetricData
 * fails the `metrics` check alone.
 */
export const metricsProvider: EvidenceProvider<ServiceMetrics> = {
  name: "metrics",
  gather: (ctx, { target, service, window }) => {
    if (!service) return undefined;
    const facts = Promise.all([
      settle(describeClusterSettings(ctx, target.cluster)),
      settle(targetGroupsOf(ctx, tgArnsOf(service))),
    ]);
    return ResultAsync.fromSafePromise(facts).andThen(([cluster, tgs]) =>
      readServiceMetrics(
        ctx,
        {
          cluster: (service.clusterArn ?? target.cluster).split("/").at(-1) ?? target.cluster,
          service: service.serviceName ?? target.service,
          containerInsights: cluster.ok ? containerInsightsOf(cluster.value) : "unknown",
          targetGroups: tgs.ok ? tgs.value : [],
        },
        window,
      ),
    );
  },
  findings: metricFindingsOf,
};
