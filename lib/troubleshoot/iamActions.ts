// IAM actions of the troubleshooting reads (every action, diagnose included); deploy_app's diagnosis needs them too.
import type { IamActions } from "../tool.ts";

/** ecs_troubleshooting_tool: reads only; log lines are read only for results that need allowSensitiveData. */
export const TROUBLESHOOT_IAM: IamActions = {
  read: [
    "ecs:ListClusters",
    "ecs:DescribeClusters",
    "ecs:ListServices",
    "ecs:DescribeServices",
    "ecs:DescribeExpressGatewayService",
    "ecs:ListTasks",
    "ecs:DescribeTasks",
    "ecs:ListTaskDefinitionFamilies",
    "ecs:DescribeTaskDefinition",
    "ecr:DescribeImages",
    "cloudformation:DescribeStacks",
    "cloudformation:DescribeStackEvents",
    "cloudformation:ListStackResources",
    "cloudformation:ListStacks",
    "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DescribeTargetGroups",
    "elasticloadbalancing:DescribeTargetHealth",
    "elasticloadbalancing:DescribeListeners",
    "ec2:DescribeVpcs",
    "ec2:DescribeSubnets",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeRouteTables",
    "ec2:DescribeVpcEndpoints",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeNatGateways",
    "ec2:DescribeInternetGateways",
    "iam:GetRole",
    "sts:GetCallerIdentity",
    "cloudwatch:GetMetricData",
  ],
  // Log lines: read by fetch_task_logs and diagnose, whose results are sensitive.
  sensitive: ["logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:GetLogEvents", "logs:FilterLogEvents"],
};
