// Secrets fetch failures (SSM Parameter Store, Secrets Manager): the reference by name and where the task definition
// sets it, for a name that does not resolve, a secret without a value, a JSON key that is not there, a timeout, or a
// denial (handed to accessCause with the references).
import { accessCause } from "./failureCauses.ts";
import { type FailureContext, referencesFor, referencesText as where } from "./failureContext.ts";
import { pathExplanation, pathFix, serviceLabel } from "./networkPath.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import { partialSecretArnCause } from "./partialSecretArn.ts";
import type { TextCause } from "./pullErrors.ts";

/** The finding body for a failed secrets fetch. */
export const secretsCause = (p: ParsedFailure, c: FailureContext, region: string): TextCause | undefined => {
  const refs = referencesFor(c.taskDefinition, p.service, p.resource);
  const label = serviceLabel(p.service);
  const named = p.resource ?? refs[0]?.value ?? `a ${label} reference`;
  const loc = refs.length > 0 ? ` Referenced at ${where(refs)}.` : "";
  const partial = partialSecretArnCause(p, refs);
  if (partial) return partial;
  if (p.cause === "no_value") {
    const v = /staging label:? (\w+)|VersionId:? ([\w-]+)/i.exec(p.raw);
    const version = v?.[1] ? `staging label ${v[1]}` : v?.[2] ? `version ${v[2]}` : "the version asked for";
    return {
      id: "secret_value_missing",
      category: "task",
      title: `${label} ${named} exists but has no value for ${version}`,
      likelihood: 0.95,
      explanation: `${label} (${region}) found ${named} but no secret value under ${version}: the secret was created without a value (infrastructure code that creates the secret but never a version), or the version label was moved away.${loc}`,
      fix:
        p.service === "ssm"
          ? `Put a value in the parameter (aws ssm put-parameter --name ... --overwrite) or reference an existing version, then redeploy.`
          : `Store a value: aws secretsmanager put-secret-value --secret-id ${named} --secret-string '...' (that version gets AWSCURRENT), or reference an existing version/label in valueFrom; then force a new deployment.`,
    };
  }
  if (p.cause === "invalid_name" || p.cause === "not_found") {
    const empty = /\/\//.test(named)
      ? ` The name has an empty path segment ('//'): a variable in the name was empty when the task definition was built.`
      : "";
    return {
      id: "secret_reference_invalid",
      category: "task",
      title: `${label} reference ${named} does not resolve (not found or invalid name)`,
      likelihood: 0.95,
      explanation: `ECS could not resolve ${named} in ${label} (${region}): the ${p.service === "ssm" ? "parameter" : "secret"} does not exist under that name, in this region or account, or the name is invalid.${empty}${loc}`,
      fix: `Create the ${p.service === "ssm" ? "parameter" : "secret"} under that exact name in ${region}, or correct the ARN/name in the task definition${empty ? " (fill the empty path segment)" : ""}, register a new revision and redeploy.`,
    };
  }
  if (p.cause === "invalid_value")
    return {
      id: "secret_value_invalid_json",
      category: "task",
      title: `${label} secret ${named} is not the JSON the task asks a key from`,
      likelihood: 0.94,
      explanation: `The task definition selects a JSON key from the secret (valueFrom ending in :<key>::), but the secret's value is not a JSON object with that key (${p.causeText}).${loc}`,
      fix: `Store the secret as a JSON object holding that key (e.g. {"KEY":"value"}), or drop the key selector from valueFrom to inject the whole value.`,
    };
  if (p.cause === "timeout")
    return {
      id: "secrets_unreachable",
      category: "network",
      title: `Tasks time out reaching ${label} for their secrets`,
      likelihood: 0.93,
      explanation: `At start the task could not reach ${label} to read ${named}. ${pathExplanation(p.service, region, c.path)}`,
      fix: pathFix(p.service, region, c.path),
    };
  return accessCause(p, c, region, refs);
};
