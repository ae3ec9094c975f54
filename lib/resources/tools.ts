// Tool descriptors of the resources capability (data only; no MCP types).
import { defineTool, READ_ONLY } from "../tool.ts";
import { CATALOGUE } from "./catalogue.ts";
import { ecsResourceManagement, resourceAccess } from "./ecsResourceManagement.ts";
import { EcsResourceManagementInput } from "./schemas.ts";

const operationList = CATALOGUE.map(
  (e) =>
    `- ${e.name} (${e.access === "read" ? "read-only" : e.access === "write" ? "requires WRITE permission" : "destructive, requires WRITE permission"}): ${e.summary}`,
).join("\n");

/** `ecs_resource_management`: one AWS operation per call, validated and gated per operation. */
export const ecsResourceManagementTool = defineTool({
  name: "ecs_resource_management",
  title: "ECS and ECR resource management",
  description: `Run one Amazon ECS (or ECR, prefixed ecr:) API operation with validated parameters.
Read operations always run; write operations need ALLOW_WRITE; results that can hold secrets are redacted unless ALLOW_SENSITIVE_DATA.
List operations follow pages up to max_items and say when a list was truncated.

Operations:
${operationList}`,
  input: EcsResourceManagementInput,
  // Per-operation: read-only operations are the common case, but some are destructive; the registry gates per call.
  annotations: { ...READ_ONLY, readOnlyHint: false, destructiveHint: true, idempotentHint: false },
  gate: "read",
  access: resourceAccess,
  run: ecsResourceManagement,
});
