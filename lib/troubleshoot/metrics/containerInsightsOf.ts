// The Container Insights level of a cluster, from DescribeClusters(include SETTINGS).
import type { Cluster } from "@aws-sdk/client-ecs";
import type { ContainerInsightsMode } from "./metricSpecs.ts";

/**
 * `containerInsights` is `enhanced`, `enabled` or `disabled` in the cluster's settings
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterSetting.html); a cluster described without
 * its settings, or not described, is `unknown` and gets no Container Insights queries.
 */
export const containerInsightsOf = (cluster: Cluster | undefined): ContainerInsightsMode => {
  const v = cluster?.settings?.find((s) => s.name === "containerInsights")?.value?.toLowerCase();
  if (v === "enhanced" || v === "enabled" || v === "disabled") return v;
  return cluster?.settings ? "disabled" : "unknown";
};
