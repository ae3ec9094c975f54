// IAM actions of the Express Mode steps, composed into each tool's declared iamActions (one list per step).
import type { IamActions } from "../tool.ts";
import { TROUBLESHOOT_IAM } from "../troubleshoot/iamActions.ts";

/** Reading the ECR stack and its failure events. */
const STACK_READ = ["cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents"];
/**
 * Creating or updating the ECR stack: CloudFormation acts with the caller's permissions, so the caller needs those of
 * the template's resources (KMS key and alias, IAM role, ECR repository).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html
 */
const STACK_WRITE = [
  "cloudformation:CreateStack",
  "cloudformation:UpdateStack",
  "kms:CreateKey",
  "kms:CreateAlias",
  "kms:DescribeKey",
  "kms:PutKeyPolicy",
  "kms:TagResource",
  "iam:CreateRole",
  "iam:TagRole",
  "iam:PutRolePolicy",
  "iam:GetRole",
  "iam:GetRolePolicy",
  "ecr:CreateRepository",
  "ecr:PutLifecyclePolicy",
  "ecr:SetRepositoryPolicy",
  "ecr:TagResource",
];
/** Pushing with docker/finch/podman after GetAuthorizationToken (the container runtime makes these calls). */
const PUSH = [
  "ecr:GetAuthorizationToken",
  "ecr:BatchCheckLayerAvailability",
  "ecr:InitiateLayerUpload",
  "ecr:UploadLayerPart",
  "ecr:CompleteLayerUpload",
  "ecr:PutImage",
];
/** Checking the roles and the image of an Express service. */
const PREREQ_READ = [
  "iam:GetRole",
  "iam:ListAttachedRolePolicies",
  // A role without the AWS managed policy: its own policies are simulated for the actions the managed one grants.
  "iam:SimulatePrincipalPolicy",
  "sts:GetCallerIdentity",
  "ecr:DescribeImages",
];
/**
 * Following a rollout: service, service deployments and revisions (status, rollback, managed resources), stopped
 * tasks, the Express endpoint. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-deployment.html
 */
const SERVICE_READ = [
  "ecs:DescribeServices",
  "ecs:DescribeExpressGatewayService",
  "ecs:ListServiceDeployments",
  "ecs:DescribeServiceDeployments",
  "ecs:DescribeServiceRevisions",
  "ecs:ListTasks",
  "ecs:DescribeTasks",
];

/** containerize_app: local files only. */
export const CONTAINERIZE_IAM: IamActions = { read: [] };
/** build_and_push_image_to_ecr. */
export const BUILD_IAM: IamActions = {
  // ecr:DescribeRepositories and iam:GetRole: the stack's repository and role names must be free before CreateStack.
  read: [...STACK_READ, "ecr:DescribeImages", "ecr:ListImages", "ecr:DescribeRepositories", "iam:GetRole"],
  write: [...STACK_WRITE, ...PUSH],
};
/** validate_ecs_express_mode_prerequisites. */
export const PREREQ_IAM: IamActions = { read: PREREQ_READ };
/** wait_for_service_ready. */
export const WAIT_IAM: IamActions = { read: SERVICE_READ };
/** delete_app. */
export const DELETE_IAM: IamActions = {
  read: [...STACK_READ, ...SERVICE_READ, "ecr:ListImages", "ecr:DescribeImages"],
  write: [
    "ecs:DeleteExpressGatewayService",
    "cloudformation:DeleteStack",
    "ecr:DeleteRepository",
    "ecr:BatchDeleteImage",
    "iam:DeleteRole",
    "iam:DeleteRolePolicy",
    "kms:ScheduleKeyDeletion",
    "kms:DeleteAlias",
  ],
};
/** deploy_app: every step above, plus the cluster and the Express service; a failed wait runs diagnose. */
export const DEPLOY_IAM: IamActions = {
  read: [
    ...new Set([...BUILD_IAM.read, ...PREREQ_READ, ...SERVICE_READ, "ecs:DescribeClusters", ...TROUBLESHOOT_IAM.read]),
  ],
  sensitive: TROUBLESHOOT_IAM.sensitive,
  write: [
    ...(BUILD_IAM.write ?? []),
    // The ECS service-linked role, created on an account's first deployment when it is missing.
    "iam:CreateServiceLinkedRole",
    "ecs:CreateCluster",
    "ecs:UpdateClusterSettings",
    "ecs:CreateExpressGatewayService",
    "ecs:UpdateExpressGatewayService",
    "iam:PassRole",
  ],
};
