// Value checks the SDK model cannot express: task-definition references that are image URIs, malformed secret refs.
import type { ValidationIssue } from "../errors.ts";
import { clip } from "../util/clip.ts";
import { parseImageUri } from "../util/parseImageUri.ts";
import { secretRefProblem } from "../util/secretRefProblem.ts";

const FAMILY = /^[A-Za-z0-9_-]{1,255}(:\d+)?$/;
const TASK_DEF_ARN = /^arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}(:\d+)?$/;
const TASK_DEF_KEYS = new Set(["taskDefinition", "taskDefinitionArn"]);
const SECRET_LISTS = new Set(["secrets", "secretOptions"]);

/** Why `value` is not `family`, `family:revision` or a task-definition ARN; undefined when it is one. */
const taskDefinitionProblem = (value: string): string | undefined => {
  if (FAMILY.test(value) || TASK_DEF_ARN.test(value)) return undefined;
  const ref = value.startsWith("arn:") ? undefined : parseImageUri(value);
  return ref && (value.includes("/") || ref.tag)
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
      const problem =
        key && TASK_DEF_KEYS.has(key)
          ? taskDefinitionProblem(value)
          : (inSecrets && key === "valueFrom") || key === "credentialsParameter"
            ? secretRefProblem(value)
            : undefined;
      if (problem)
        issues.push({
          path: at,
          message: `${clip(value, 100)} ${problem}`,
          expected:
            key && TASK_DEF_KEYS.has(key)
              ? "family, family:revision or arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>"
              : "arn:aws:ssm:<region>:<account>:parameter/<name>, arn:aws:secretsmanager:<region>:<account>:secret:<name>, or a parameter name",
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
