// The AWS services the library talks to: SDK module loaders, IAM prefixes, endpoint variable names.
import type * as CloudFormation from "@aws-sdk/client-cloudformation";
import type * as CloudWatch from "@aws-sdk/client-cloudwatch";
import type * as Logs from "@aws-sdk/client-cloudwatch-logs";
import type * as EC2 from "@aws-sdk/client-ec2";
import type * as ECR from "@aws-sdk/client-ecr";
import type * as ECS from "@aws-sdk/client-ecs";
import type * as ELBv2 from "@aws-sdk/client-elastic-load-balancing-v2";
import type * as IAM from "@aws-sdk/client-iam";
import type * as STS from "@aws-sdk/client-sts";

/** SDK module per service; loaded with dynamic import on first use so start-up stays small. */
export interface ServiceModules {
  ecs: typeof ECS;
  ecr: typeof ECR;
  cloudformation: typeof CloudFormation;
  iam: typeof IAM;
  logs: typeof Logs;
  ec2: typeof EC2;
  elbv2: typeof ELBv2;
  sts: typeof STS;
  cloudwatch: typeof CloudWatch;
}

/** An AWS service the library calls (keys of `aws.endpoints` and of `ctx.aws`). */
export type ServiceName = keyof ServiceModules;

/** Every service the library may call, e.g. for endpoint overrides or doctor checks. */
export const SERVICE_NAMES: readonly ServiceName[] = [
  "ecs",
  "ecr",
  "cloudformation",
  "iam",
  "logs",
  "ec2",
  "elbv2",
  "sts",
  "cloudwatch",
];

/** Static loaders (string literals, so bundlers include each module). */
export const LOADERS: { [S in ServiceName]: () => Promise<ServiceModules[S]> } = {
  ecs: () => import("@aws-sdk/client-ecs"),
  ecr: () => import("@aws-sdk/client-ecr"),
  cloudformation: () => import("@aws-sdk/client-cloudformation"),
  iam: () => import("@aws-sdk/client-iam"),
  logs: () => import("@aws-sdk/client-cloudwatch-logs"),
  ec2: () => import("@aws-sdk/client-ec2"),
  elbv2: () => import("@aws-sdk/client-elastic-load-balancing-v2"),
  sts: () => import("@aws-sdk/client-sts"),
  cloudwatch: () => import("@aws-sdk/client-cloudwatch"),
};

/** Client class export name per service module. */
export const CLIENT_CLASS = {
  ecs: "ECSClient",
  ecr: "ECRClient",
  cloudformation: "CloudFormationClient",
  iam: "IAMClient",
  logs: "CloudWatchLogsClient",
  ec2: "EC2Client",
  elbv2: "ElasticLoadBalancingV2Client",
  sts: "STSClient",
  cloudwatch: "CloudWatchClient",
} as const;

/** Client type per service. */
export interface ServiceClients {
  ecs: ECS.ECSClient;
  ecr: ECR.ECRClient;
  cloudformation: CloudFormation.CloudFormationClient;
  iam: IAM.IAMClient;
  logs: Logs.CloudWatchLogsClient;
  ec2: EC2.EC2Client;
  elbv2: ELBv2.ElasticLoadBalancingV2Client;
  sts: STS.STSClient;
  cloudwatch: CloudWatch.CloudWatchClient;
}

export type ClientFor<S extends ServiceName> = ServiceClients[S];

/** IAM action prefix per service, for "missing permission" hints. */
export const IAM_PREFIX: Record<ServiceName, string> = {
  ecs: "ecs",
  ecr: "ecr",
  cloudformation: "cloudformation",
  iam: "iam",
  logs: "logs",
  ec2: "ec2",
  elbv2: "elasticloadbalancing",
  sts: "sts",
  cloudwatch: "cloudwatch",
};

/** Suffix of the standard `AWS_ENDPOINT_URL_<SERVICE>` variable per service (the SDK's service id, upper snake case). */
export const ENDPOINT_ENV_SUFFIX: Record<ServiceName, string> = {
  ecs: "ECS",
  ecr: "ECR",
  cloudformation: "CLOUDFORMATION",
  iam: "IAM",
  logs: "CLOUDWATCH_LOGS",
  ec2: "EC2",
  elbv2: "ELASTIC_LOAD_BALANCING_V2",
  sts: "STS",
  cloudwatch: "CLOUDWATCH",
};
