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
  // The actions of AmazonECSTaskExecutionRolePolicy (pull from ECR, write awslogs):
  // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonECSTaskExecutionRolePolicy.html
  actions: [
    "ecr:GetAuthorizationToken",
    "ecr:BatchCheckLayerAvailability",
    "ecr:GetDownloadUrlForLayer",
    "ecr:BatchGetImage",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
  ],
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
  // Core actions of that managed policy: the load balancer, its listeners/rules/target groups, security groups,
  // the certificate and auto scaling an Express service needs (a sample checked by simulation, not the whole policy).
  actions: [
    "elasticloadbalancing:CreateLoadBalancer",
    "elasticloadbalancing:CreateTargetGroup",
    "elasticloadbalancing:CreateListener",
    "elasticloadbalancing:CreateRule",
    "elasticloadbalancing:RegisterTargets",
    "ec2:CreateSecurityGroup",
    "ec2:AuthorizeSecurityGroupIngress",
    "acm:RequestCertificate",
    "application-autoscaling:RegisterScalableTarget",
    "application-autoscaling:PutScalingPolicy",
  ],
  createSteps: (n) => create(n, "ecs.amazonaws.com", "AmazonECSInfrastructureRoleforExpressGatewayServices"),
};
