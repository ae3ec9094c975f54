// Prompts of the operations capability: an overview of ECS resources through ecs_resource_management.
import type { PromptDef } from "../capability.ts";
import { arg } from "../promptParts.ts";

/** The capability's prompts, in the order prompts/list shows them. */
export const PROMPTS: readonly PromptDef[] = [
  {
    name: "inspect_ecs_resources",
    title: "List and inspect ECS resources",
    description:
      "Clusters, services, tasks, task definitions and images: what is running and in what state (read-only).",
    arguments: [arg.cluster, arg.service],
    render: (
      a,
    ) => `Give the user an overview of their ECS resources${a.cluster ? ` in cluster ${a.cluster}` : ""}, read-only, with ecs_resource_management:
1. ecs_resource_management(api_operation="ListClusters"), then DescribeClusters for the clusters of interest (status, running/pending tasks, active services).
2. ListServices(cluster) and DescribeServices (desired/running/pending counts, deployments, last events)${a.service ? `; focus on service ${a.service}` : ""}. For Express Mode services use ListExpressGatewayServices / DescribeExpressGatewayService (also gives the URL).
3. ListTasks and DescribeTasks for running or recently stopped tasks (lastStatus, stoppedReason, containers' exit codes).
4. DescribeTaskDefinition for the task definition in use (image, cpu/memory, ports). Environment values stay redacted unless policy.allowSensitiveData = true.
5. For images: ecr:DescribeRepositories and ecr:DescribeImages.
Summarise in a short table; point out anything unhealthy (running < desired, failed deployments, stopped tasks) and offer to troubleshoot it.`,
  },
];
