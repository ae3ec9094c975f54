// Value checks the SDK model cannot express: task-definition references that are image URIs, malformed secret refs.
import type { ValidationIssue } from "../errors.ts";
import { arnPartitionProblem } from "../util/arnPartitionProblem.ts";
import { clip } from "../util/clip.ts";
import { parseImageUri } from "../util/parseImageUri.ts";
import { secretRefProblem } from "../util/secretRefProblem.ts";

// Revisions start at 1 (RegisterTaskDefinition gives a family's first registration revision 1).
const FAMILY = /^[A-Za-z0-9_-]{1,255}(:[1-9]\d*)?$/;
const TASK_DEF_ARN = /^arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}(:[1-9]\d*)?$/;
const TASK_DEF_KEYS = new Set(["taskDefinition", "taskDefinitionArn"]);
const SECRET_LISTS = new Set(["secrets", "secretOptions"]);

/** Why `value` is not `family`, `family:revision` or a task-definition ARN; undefined when it is one. */
const taskDefinitionProblem = (value: string): string | undefined => {
  if (FAMILY.test(value) || TASK_DEF_ARN.test(value)) return undefined;
  if (/:0+$/.test(value) && FAMILY.test(value.replace(/:0+$/, "")))
    return "names revision 0, which never exists: revisions start at 1 (ListTaskDefinitions shows them)";
  const ref = value.startsWith("arn:") ? undefined : parseImageUri(value);
  return ref && (value.includes("/") || ref.tag || ref.digest)
    ? `looks like a container image URI (${ref.kind === "ecr" ? "an ECR repository" : ref.registry}), not a task definition: register a task definition with this image (RegisterTaskDefinition) and pass its family, family:revision or ARN`
    : "is not a task definition reference";
};

// ECS names: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens" (ECS API reference,
// CreateCluster clusterName, CreateService serviceName, RegisterTaskDefinition family). Only the length is judged
// here (a 1 MB name is never sent nor echoed); AWS names the characters it refuses.
const NAME_KEYS = new Set(["serviceName", "clusterName", "family"]);
/** Members that take a name or an ARN (the ARN is checked as any other). */
const NAME_OR_ARN_KEYS = new Set(["cluster", "service", "clusters", "services"]);

interface Problem {
  readonly problem: string;
  readonly expected: string;
}

/** What is wrong with one string member, judged by its key; undefined when nothing is. */
const stringProblem = (
  key: string | undefined,
  value: string,
  inSecrets: boolean,
  region: string | undefined,
): Problem | undefined => {
  const problem = key !== undefined && TASK_DEF_KEYS.has(key) ? taskDefinitionProblem(value) : undefined;
  if (problem)
    return {
      problem,
      expected: "family, family:revision or arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>",
    };
  if ((inSecrets && key === "valueFrom") || key === "credentialsParameter") {
    const secret = secretRefProblem(value);
    return secret
      ? {
          problem: secret,
          expected:
            "arn:aws:ssm:<region>:<account>:parameter/<name>, arn:aws:secretsmanager:<region>:<account>:secret:<name>, or a parameter name",
        }
      : undefined;
  }
  const arn = value.startsWith("arn:");
  if (key !== undefined && value.length > 255 && (NAME_KEYS.has(key) || (NAME_OR_ARN_KEYS.has(key) && !arn)))
    return {
      problem: `is ${value.length} characters long; ECS names have at most 255`,
      expected: `up to 255 letters, digits, _ and -${NAME_OR_ARN_KEYS.has(key) ? ", or an ARN" : ""}`,
    };
  // Any ARN (cluster, role, target group, capacity provider…): its partition must be its region's, and an ARN
  // without a region (an IAM role) must be in the partition of the region the call goes to.
  const partition = arn ? arnPartitionProblem(value, region) : undefined;
  return partition
    ? {
        problem: partition,
        expected:
          "an ARN whose partition is its region's (aws-cn for cn-*, aws-us-gov for us-gov-*, aws for most regions)",
      }
    : undefined;
};

/**
 * Issues for values that have the right type but cannot work: a task definition given as an image URI, an SSM or
 * Secrets Manager reference with an empty path segment or a malformed region/account, an ECS name AWS cannot take,
 * an ARN whose partition is not its region's (or, without a region, not `region`'s: the region calls go to). Walks the whole input, so nested container definitions and Express
 * `primaryContainer.secrets` are covered.
 */
export const checkParamValues = (params: unknown, path = "api_params", region?: string): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const walk = (value: unknown, at: string, key: string | undefined, inSecrets: boolean): void => {
    if (typeof value === "string") {
      const p = stringProblem(key, value, inSecrets, region);
      if (p)
        issues.push({
          path: at,
          message: `${clip(value, 100)} ${p.problem}`,
          expected: p.expected,
          got: clip(JSON.stringify(value), 100),
        });
      return;
    }
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${at}.${i}`, key, inSecrets);
      return;
    }
    if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value))
        walk(v, `${at}.${k}`, k, inSecrets || (key !== undefined && SECRET_LISTS.has(key)));
  };
  walk(params, path, undefined, false);
  return issues;
};
