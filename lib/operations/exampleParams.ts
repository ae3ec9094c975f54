// A minimal api_params for an operation (its required members only, with placeholders), built from the SDK model.
import type { ShapeTable, TypeRef } from "./shapeTypes.ts";

/**
 * Members AWS requires beyond the model's `required` list. CreateExpressGatewayService models only
 * infrastructureRoleArn as required, but a service without taskDefinitionArn needs a primary container with an image
 * ("must specify at minimum a container image") and the execution role that pulls it and writes its logs (the
 * SDK's CreateExpressGatewayServiceRequest documentation; https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateExpressGatewayService.html).
 */
const ALSO_REQUIRED: Record<string, readonly string[]> = {
  "ecs.CreateExpressGatewayServiceRequest": ["executionRoleArn", "primaryContainer"],
};

/** Example values for members whose format AWS (or the value checks) enforce, where `<name>` would be refused. */
const EXAMPLES: Record<string, unknown> = {
  taskDefinition: "my-app:1",
  infrastructureRoleArn: "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices",
  executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  image: "public.ecr.aws/nginx/nginx:latest",
};

/**
 * The smallest input the model accepts: required members filled with placeholders (`<name>` for strings, the first
 * value for enums). Shown in hints when members are missing, and used by tests to call every operation.
 */
export const exampleParams = (table: ShapeTable, operation: string): Record<string, unknown> | undefined => {
  const ref = table.operations[operation];
  if (ref === undefined) return undefined;
  const value = (r: TypeRef, name: string, depth: number): unknown => {
    if (typeof r === "object") return "list" in r ? [value(r.list, name, depth + 1)] : {};
    if (r === "string" && name in EXAMPLES) return EXAMPLES[name];
    switch (r) {
      case "string":
      case "blob":
        return `<${name}>`;
      case "number":
        return 1;
      case "boolean":
        return false;
      case "timestamp":
        return "2026-01-01T00:00:00.000Z";
      case "document":
        return {};
    }
    const shape = table.shapes[r];
    if (!shape || depth > 8) return {};
    if ("enum" in shape) return shape.enum[0];
    if ("list" in shape) return [value(shape.list, name, depth + 1)];
    if ("map" in shape) return {};
    const members = shape.union
      ? Object.keys(shape.struct).slice(0, 1)
      : [...(shape.required ?? []), ...(ALSO_REQUIRED[r] ?? [])];
    return Object.fromEntries(members.map((m) => [m, value(shape.struct[m]!, m, depth + 1)]));
  };
  return value(ref, "value", 0) as Record<string, unknown>;
};
