// The two roles an Express Mode service needs, with their principals, managed policies and creation steps.
import type { RoleSpec } from "./checkRole.ts";

const create = (name: string, principal: string, policy: string): string[] => [
  `aws iam create-role --role-name ${name} --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"${principal}"},"Action":"sts:AssumeRole"}]}'`,
  `aws iam attach-role-policy --role-name ${name} --policy-arn arn:aws:iam::aws:policy/service-role/${policy}`,
];

/** Default role names of the reference (§6). */
export const DEFAULT_EXECUTION_ROLE = "ecsTaskExecutionRole";
export const DEFAULT_INFRASTRUCTURE_ROLE = "ecsInfrastructureRoleForExpressServices";

/** Task execution role: assumed by ECS tasks to pull images and write logs. */
export const EXECUTION_ROLE: RoleSpec = {
  label: "Task Execution Role",
  principal: "ecs-tasks.amazonaws.com",
  policies: ["AmazonECSTaskExecutionRolePolicy"],
  createSteps: (n) => create(n, "ecs-tasks.amazonaws.com", "AmazonECSTaskExecutionRolePolicy"),
};

/**
 * Infrastructure role: assumed by ECS to create the load balancer, target groups, security groups and scaling.
 * Managed policy per https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonECSInfrastructureRoleforExpressGatewayServices.html
 */
export const INFRASTRUCTURE_ROLE: RoleSpec = {
  label: "Infrastructure Role",
  principal: "ecs.amazonaws.com",
  policies: ["AmazonECSInfrastructureRoleforExpressGatewayServices"],
  createSteps: (n) => create(n, "ecs.amazonaws.com", "AmazonECSInfrastructureRoleforExpressGatewayServices"),
};
