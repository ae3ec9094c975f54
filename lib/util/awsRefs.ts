// valibot schemas of AWS names and ARNs (clusters, services, task definitions, tasks, stacks) shared by every tool,
// so a name AWS cannot take is refused before any call and a 1 MB value is never sent, stored nor echoed back.
import * as v from "valibot";
import { arnPartitionProblem } from "./arnPartitionProblem.ts";

/** An ARN whose partition is its region's (arn:aws-cn:…:us-east-1 names nothing in any partition). */
const partitionFits = v.check(
  (s: string) => arnPartitionProblem(s) === undefined,
  (issue: v.CheckIssue<string>) =>
    `ARN ${arnPartitionProblem(String(issue.input)) ?? "has a partition that does not fit its region"}`,
);
const ref = (pattern: string, message: string) =>
  v.pipe(v.string(), v.regex(new RegExp(`^(${pattern})$`), message), partitionFits);

// ECS names: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens" (ECS API reference,
// CreateCluster clusterName, CreateService serviceName, RegisterTaskDefinition family).
const NAME = "[A-Za-z0-9_-]{1,255}";
const ARN = (service: string) => `arn:aws[\\w-]*:${service}:[a-z0-9-]+:\\d{12}`;
// Task ids are 32 hex digits (older tasks: a UUID); a task ARN is task/<cluster>/<id> or, in the old format, task/<id>.
const TASK_ID = "[A-Za-z0-9-]{1,64}";
// CloudFormation: "A stack name can contain only alphanumeric characters (case sensitive) and hyphens. It must start
// with an alphabetical character and can't be longer than 128 characters" (CreateStack StackName); DescribeStacks
// also takes the stack id, arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<uuid>.
const STACK = "[A-Za-z][A-Za-z0-9-]{0,127}";

/** Schemas of the names and ARNs AWS takes where a tool parameter names a resource. */
export const AwsRef = {
  cluster: ref(
    `${NAME}|${ARN("ecs")}:cluster/${NAME}`,
    "must be a cluster name (up to 255 letters, digits, _ and -) or a cluster ARN",
  ),
  service: ref(
    `${NAME}|${ARN("ecs")}:service/(${NAME}/)?${NAME}`,
    "must be a service name (up to 255 letters, digits, _ and -) or a service ARN",
  ),
  taskDefinitionFamily: ref(NAME, "must be a task definition family (up to 255 letters, digits, _ and -)"),
  task: ref(
    `${TASK_ID}|${ARN("ecs")}:task/(${NAME}/)?${TASK_ID}`,
    "must be a task id (32 hex digits) or a task ARN (arn:aws:ecs:<region>:<account>:task/<cluster>/<id>)",
  ),
  stack: ref(
    `${STACK}|${ARN("cloudformation")}:stack/${STACK}/[A-Za-z0-9-]{1,64}`,
    "must be a CloudFormation stack name (a letter, then up to 127 letters, digits and -) or a stack id (ARN)",
  ),
} as const;
