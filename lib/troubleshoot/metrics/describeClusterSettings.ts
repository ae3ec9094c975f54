// DescribeClusters with SETTINGS: the cluster record whose containerInsights setting says which metrics exist.
import type { Cluster } from "@aws-sdk/client-ecs";
import type { ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";

/** The cluster with its settings (undefined when ECS does not know it). */
export const describeClusterSettings = (
  ctx: ToolContext,
  cluster: string,
): ResultAsync<Cluster | undefined, EcsError> =>
  ctx.aws("ecs", "DescribeClusters", { clusters: [cluster], include: ["SETTINGS"] }).map((o) => o.clusters?.[0]);
