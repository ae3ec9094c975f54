// Checks a secret reference (SSM parameter or Secrets Manager secret) before it reaches a task definition or service.
import { arnPartitionProblem } from "./arnPartitionProblem.ts";

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ACCOUNT = /^\d{12}$/;

/**
 * What is wrong with a `valueFrom`, or undefined when it is well formed. ECS takes a full SSM parameter ARN, a
 * parameter name (same region), or a Secrets Manager secret ARN optionally followed by
 * `:json-key:version-stage:version-id` (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-ssm-paramstore.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html). An empty path
 * segment (`parameter/api//key`, often an unset variable in a template) names no parameter and stops the task at start.
 */
export const secretRefProblem = (valueFrom: string): string | undefined => {
  if (!valueFrom.trim()) return "is empty";
  if (!valueFrom.startsWith("arn:")) {
    // A bare parameter name: `name` or `/path/name`.
    if (/\/\/|\/$/.test(valueFrom)) return "has an empty path segment (// or a trailing /): an unset variable?";
    return /^\/?[\w.\-/]+$/.test(valueFrom)
      ? undefined
      : "is neither an ARN nor a parameter name (letters, digits, . _ - and /)";
  }
  const parts = valueFrom.split(":");
  const [, partition, service, region, account] = parts;
  if (!/^aws(-[a-z]+)*$/.test(partition ?? "")) return `has an unknown partition "${partition}"`;
  if (service !== "ssm" && service !== "secretsmanager")
    return `is a ${service} ARN; expected an SSM parameter (arn:…:ssm:…) or a Secrets Manager secret (arn:…:secretsmanager:…)`;
  if (!REGION.test(region ?? "")) return `has ${region ? `an invalid region "${region}"` : "no region"}`;
  const partitionProblem = arnPartitionProblem(valueFrom);
  if (partitionProblem) return partitionProblem;
  if (!ACCOUNT.test(account ?? "")) return `has ${account ? `an invalid account id "${account}"` : "no account id"}`;
  const resource = parts.slice(5).join(":");
  if (service === "ssm") {
    if (!resource.startsWith("parameter/")) return "is an SSM ARN without parameter/<name>";
    const name = resource.slice("parameter/".length);
    if (!name) return "names no parameter after parameter/";
    // A hierarchical parameter /a/b has the ARN parameter/a/b: a leading / here is an empty segment too.
    if (name.startsWith("/") || name.includes("//") || name.endsWith("/"))
      return "has an empty path segment (// or a trailing /) in the parameter name: an unset variable?";
    return undefined;
  }
  if (!resource.startsWith("secret:") || resource.length <= "secret:".length)
    return "is a Secrets Manager ARN without secret:<name>";
  const [name, ...selectors] = resource.slice("secret:".length).split(":");
  if (!name) return "names no secret after secret:";
  if (selectors.length > 3) return "has more than json-key:version-stage:version-id after the secret name";
  return undefined;
};
