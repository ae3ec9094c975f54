// Task definition requirements ECS enforces at registration or launch: an execution role for what ECS itself pulls
// or ships (ECR images, awslogs, private registry credentials), and the launch types a task definition supports.
import type { CallContext } from "./hints.ts";
import type { KnownError } from "./knownErrors.ts";

const FOR_WHAT: readonly (readonly [RegExp, string])[] = [
  [/ECR images/i, "to pull ECR images"],
  [/awslogs/i, "to send the awslogs log driver's logs to CloudWatch Logs"],
  [
    /repository authentication|repositoryCredentials/i,
    "to read the private registry credentials (repositoryCredentials)",
  ],
  [/secret|ssm/i, "to read secrets"],
];

/**
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html (when the execution role
 * is required) and https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
 * (requiresCompatibilities).
 */
export const taskDefinitionRule = (_code: string, message: string, ctx: CallContext): KnownError | undefined => {
  if (ctx.service !== "ecs") return undefined;
  if (/requires? .*execution ?role|specify a value for executionRoleArn/i.test(message)) {
    const why = FOR_WHAT.find(([re]) => re.test(message))?.[1] ?? "for what the task definition uses";
    return {
      situation: "execution_role_required",
      hint: `The task definition needs an executionRoleArn: ECS uses that role ${why}. Add executionRoleArn (usually arn:aws:iam::<account>:role/ecsTaskExecutionRole with the AWS managed policy AmazonECSTaskExecutionRolePolicy; validate_ecs_express_mode_prerequisites checks it) and register it again.`,
    };
  }
  const launch = /does not support launch_?type (\w+)/i.exec(message)?.[1];
  if (launch)
    return {
      situation: "launch_type_incompatible",
      hint: `The task definition was not registered for ${launch}: register a revision whose requiresCompatibilities includes ${launch} (for FARGATE also networkMode awsvpc and task-level cpu and memory) with RegisterTaskDefinition, then point the service or task at it.`,
    };
  if (/no container instances were found/i.test(message))
    return {
      situation: "launch_type_incompatible",
      hint: "The call asked for the EC2 launch type (or a cluster default strategy using it) but the cluster has no registered container instances. Pass launchType FARGATE (with an awsvpc networkConfiguration) to run without instances, or add EC2 capacity (an Auto Scaling group capacity provider) to the cluster.",
    };
  return undefined;
};
