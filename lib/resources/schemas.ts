// Input schemas of ecs_resource_management: the tool's own parameters and each operation's api_params.
import * as v from "valibot";

/** The tool's parameters, named as in the reference server. */
export const EcsResourceManagementInput = v.strictObject({
  api_operation: v.pipe(
    v.string(),
    v.minLength(1),
    v.description(
      "The operation, e.g. ListClusters, DescribeServices, CreateExpressGatewayService; ECR operations carry an `ecr:` prefix (ecr:DescribeImages).",
    ),
  ),
  api_params: v.optional(
    v.pipe(
      v.record(v.string(), v.unknown()),
      v.description("Parameters of the operation, named exactly as in the AWS API (camelCase)."),
    ),
    {},
  ),
  max_items: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(10000),
      v.description(
        "For List operations: follow pages until this many items (default 1000). Pass api_params.nextToken to continue a truncated list.",
      ),
    ),
  ),
});
export type EcsResourceManagementInput = v.InferOutput<typeof EcsResourceManagementInput>;
/** What callers pass (api_params optional). */
export type EcsResourceManagementParams = v.InferInput<typeof EcsResourceManagementInput>;

const str = v.pipe(v.string(), v.minLength(1));

/** api_params schemas per operation (the AWS input shapes; unknown keys are errors). */
export const OPERATION_PARAMS: Record<string, v.GenericSchema> = {
  ListClusters: v.strictObject({
    nextToken: v.optional(v.string()),
    maxResults: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
  }),
  DescribeClusters: v.strictObject({
    clusters: v.optional(v.array(str)),
    include: v.optional(v.array(v.picklist(["ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"]))),
  }),
  CreateCluster: v.strictObject({
    clusterName: v.optional(str),
    tags: v.optional(v.array(v.strictObject({ key: str, value: v.optional(v.string()) }))),
    settings: v.optional(v.array(v.strictObject({ name: v.picklist(["containerInsights"]), value: v.string() }))),
    capacityProviders: v.optional(v.array(str)),
  }),
  DeleteCluster: v.strictObject({ cluster: str }),
};
