// Input schema of ecs_resource_management: the tool's own parameters (api_params are checked per operation).
import * as v from "valibot";

/** The tool's parameters, named as in the reference server, plus max_items and dry_run. */
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
      v.description(
        "Parameters of the operation, named exactly as in the AWS API (camelCase). Checked against the AWS SDK's model before any call: unknown keys, wrong types and missing required members are reported.",
      ),
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
  response_format: v.optional(
    v.pipe(
      v.picklist(["compact", "aws"]),
      v.description(
        'How results are shaped. "compact" (default): fewer tokens, same facts — repeated events collapsed with a count, fields common to every list item given once in <list>_shared (merge it into each item: objects by key, lists by position), list item fields equal to the same field of the object holding the list omitted, ARN lists as <list>_prefix + ids, name/value lists as objects, lists of name-only objects as lists of names. "aws": the AWS response shape (still without $metadata and empty fields).',
      ),
    ),
  ),
  dry_run: v.optional(
    v.pipe(
      v.boolean(),
      v.description(
        "Validate and return the exact AWS call (service, operation, parameters with secrets redacted) without sending it. Works with writes disabled.",
      ),
    ),
  ),
});
export type EcsResourceManagementInput = v.InferOutput<typeof EcsResourceManagementInput>;
/** What callers pass (api_params optional). */
export type EcsResourceManagementParams = v.InferInput<typeof EcsResourceManagementInput>;
