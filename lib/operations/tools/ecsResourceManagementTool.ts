// ecs_resource_management declared: access and IAM actions per operation come from the catalogue (one tool, one file; lib/operations/tools/index.ts lists it).
import { defineTool } from "../../defineTool.ts";
import { importLazily } from "../../util/importLazily.ts";
import { CATALOGUE, type OperationEntry } from "../catalogue.ts";
import { expressManagedCheck } from "../expressManagedCheck.ts";
import { iamActionsOf } from "../operationEntry.ts";
import { EcsResourceManagementOutput } from "../outputs.ts";
import { resourceAccess } from "../resolveOperation.ts";
import { EcsResourceManagementInput } from "../schemas.ts";

const names = (pick: (e: OperationEntry) => boolean) =>
  CATALOGUE.filter(pick)
    .map((e) => e.name)
    .join(", ");
/** IAM actions of the catalogue's operations (agent-only ones stay out: they run only when allow-listed). */
const actions = (pick: (e: OperationEntry) => boolean) => [
  ...new Set(CATALOGUE.filter((e) => !e.agentOnly && pick(e)).flatMap(iamActionsOf)),
];

/** `ecs_resource_management`: one AWS operation per call, validated and gated per operation. */
export const ecsResourceManagementTool = defineTool({
  name: "ecs_resource_management",
  title: "ECS and ECR resource management",
  description: `Run one Amazon ECS (or ECR, prefixed ecr:) API operation with validated parameters.
api_params use the AWS API's camelCase names and are checked against the AWS SDK model before any call.
Read operations always run; write and destructive operations need policy.allowWrite (dry_run: true shows the exact call without making it); results that can hold secrets are redacted unless policy.allowSensitiveData.
List operations follow pages up to max_items and say when a list was truncated.

Read-only: ${names((e) => e.access === "read" && !e.agentOnly)}.
Write (requires WRITE permission): ${names((e) => e.access === "write" && !e.agentOnly)}.
Destructive (requires WRITE permission; deletes or stops resources): ${names((e) => e.access === "destructive")}.
Agent-only (refused unless the policy's allow list names them): ${names((e) => Boolean(e.agentOnly))}.`,
  input: EcsResourceManagementInput,
  output: EcsResourceManagementOutput,
  // Per operation: the catalogue declares each operation's access and sensitivity; the registry gates per call.
  access: { upTo: "destructive", of: resourceAccess },
  dryRun: true,
  // A classic service operation on an Express-managed service is refused before confirmation (shared case 11).
  preflight: (input, ctx) => expressManagedCheck(input.api_operation, input.api_params ?? {}, ctx),
  iamActions: { read: actions((e) => e.access === "read"), write: actions((e) => e.access !== "read") },
  run: (i, ctx) =>
    importLazily(() => import("../ecsResourceManagement.ts")).andThen((m) => m.ecsResourceManagement(i, ctx)),
});
