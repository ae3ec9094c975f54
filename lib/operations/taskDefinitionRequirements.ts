// RegisterTaskDefinition checks ECS would otherwise make after the call: what a Fargate task definition needs an
// execution role for (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html).
import type { ValidationIssue } from "../errors.ts";
import { parseImageUri } from "../util/parseImageUri.ts";

interface Container {
  readonly name?: unknown;
  readonly image?: unknown;
  readonly logConfiguration?: { readonly logDriver?: unknown };
  readonly repositoryCredentials?: unknown;
  readonly secrets?: unknown;
}

/** Why container `c` makes ECS itself call AWS on the task's behalf (so an execution role is needed), if it does. */
const needsExecutionRole = (c: Container): string | undefined => {
  if (typeof c.image === "string" && parseImageUri(c.image)?.kind === "ecr") return "its image is in private ECR";
  if (c.logConfiguration?.logDriver === "awslogs") return "it logs with awslogs";
  if (c.repositoryCredentials) return "it has repositoryCredentials";
  if (Array.isArray(c.secrets) && c.secrets.length > 0) return "it has secrets";
  return undefined;
};

/**
 * Issues for a RegisterTaskDefinition that ECS would refuse ("Fargate requires task definition to have execution
 * role ARN to support ECR images"): Fargate-compatible, no executionRoleArn, and a container that needs one.
 */
export const taskDefinitionRequirements = (operation: string, params: Record<string, unknown>): ValidationIssue[] => {
  if (operation !== "RegisterTaskDefinition" || params.executionRoleArn) return [];
  const compat = params.requiresCompatibilities;
  if (!Array.isArray(compat) || !compat.includes("FARGATE")) return [];
  const containers = Array.isArray(params.containerDefinitions) ? (params.containerDefinitions as Container[]) : [];
  for (const [i, c] of containers.entries()) {
    const why = c && typeof c === "object" ? needsExecutionRole(c) : undefined;
    if (why)
      return [
        {
          path: "api_params.executionRoleArn",
          message: `is required: the task definition is for FARGATE and container ${typeof c.name === "string" ? `"${c.name.slice(0, 60)}"` : i} ${why}, which ECS does with the execution role`,
          expected: "an IAM role ARN, e.g. arn:aws:iam::<account>:role/ecsTaskExecutionRole",
          got: "no executionRoleArn",
        },
      ];
  }
  return [];
};
