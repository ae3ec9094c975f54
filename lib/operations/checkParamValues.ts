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

/**
 * Issues for values that have the right type but cannot work: a task definition given as an image URI, an SSM or
 * Secrets Manager reference with an empty path segment or a malformed region/account. Walks the whole input, so
 * nested container definitions and Express `primaryContainer.secrets` are covered.
 */
export const checkParamValues = (params: unknown, path = "api_params"): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const walk = (value: unknown, at: string, key: string | undefined, inSecrets: boolean): void => {
    if (typeof value === "string") {
      const taskDef = key !== undefined && TASK_DEF_KEYS.has(key);
      const secret = (inSecrets && key === "valueFrom") || key === "credentialsParameter";
      const problem = taskDef ? taskDefinitionProblem(value) : secret ? secretRefProblem(value) : undefined;
      // Any other ARN (cluster, role, target group, capacity provider…): its partition must be its region's.
      const partition = problem || !value.startsWith("arn:") ? undefined : arnPartitionProblem(value);
      if (problem || partition)
        issues.push({
          path: at,
          message: `${clip(value, 100)} ${problem ?? partition}`,
          expected: taskDef
            ? "family, family:revision or arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>"
            : secret
              ? "arn:aws:ssm:<region>:<account>:parameter/<name>, arn:aws:secretsmanager:<region>:<account>:secret:<name>, or a parameter name"
              : "an ARN whose partition is its region's (aws-cn for cn-*, aws-us-gov for us-gov-*, aws for most regions)",
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
