// Builds a finding (id, title, explanation, fix) for a parsed failure from the facts of the case: the service and
// its VPC endpoint names for the region, the execution role by ARN, the IAM actions and the resource, the reference
// in the task definition. A failure no rule knows still gets a finding that quotes it.

import { deniedByPolicy } from "./deniedByPolicy.ts";
import { accessCause, imageCause, placementCause, startCause } from "./failureCauses.ts";
import { type FailureContext, type Reference, referencesFor } from "./failureContext.ts";
import { pathExplanation, pathFix, serviceLabel } from "./networkPath.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import { partialSecretArnCause } from "./partialSecretArn.ts";
import type { TextCause } from "./pullErrors.ts";
import { runtimeCallCause } from "./runtimeCallCause.ts";
import { storageCause } from "./storageCause.ts";

const where = (refs: readonly Reference[]) =>
  refs
    .slice(0, 3)
    .map((r) => `${r.container}.${r.field}${r.name ? ` ${r.name}` : ""} → ${r.value}`)
    .join("; ");

const secretsCause = (p: ParsedFailure, c: FailureContext, region: string): TextCause | undefined => {
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

/** A finding body for a parsed failure, or undefined for text that is not a start failure (user stops, scaling). */
export const failureCause = (p: ParsedFailure, c: FailureContext): TextCause | undefined => {
  const t = stageCause(p, c);
  return t && deniedByPolicy(t, p, c);
};

const stageCause = (p: ParsedFailure, c: FailureContext): TextCause | undefined => {
  const region = c.region ?? "<region>";
  if (p.cause === "disk_full") return storageCause(p, c);
  if (p.stage === "secrets_fetch") return secretsCause(p, c, region);
  if (p.stage === "env_file") {
    const refs = referencesFor(c.taskDefinition, "s3", p.resource);
    if (p.cause === "timeout")
      return {
        id: "env_file_unreachable",
        category: "network",
        title: "Tasks time out downloading their environment file from S3",
        likelihood: 0.93,
        explanation: `At start ECS downloads the container's environmentFiles (${where(refs) || p.resource || "an S3 object"}) from Amazon S3 and timed out. ${pathExplanation("s3", region, c.path)}`,
        fix: pathFix("s3", region, c.path),
      };
    return accessCause(p, c, region, refs);
  }
  if (p.stage === "log_driver") return accessCause(p, c, region, []);
  if (p.stage === "registry_auth" || p.stage === "image_pull") return imageCause(p, c, region);
  if (p.stage === "placement" || p.stage === "eni_attach") return placementCause(p, c);
  if (p.stage === "container_start" || p.stage === "volume_mount") return startCause(p, c, region);
  if (p.stage === "runtime_call") return runtimeCallCause(p, c);
  return undefined;
};

/** The finding for a failure nothing else explains: quotes it and says what is known. */
export const unknownFailureCause = (p: ParsedFailure): TextCause => ({
  id: "task_start_failed",
  category: "task",
  title: `Tasks failed${p.errorType ? ` with ${p.errorType}` : ""}${p.stage !== "unknown" ? ` at ${p.stage.replace("_", " ")}` : ""}`,
  likelihood: 0.62,
  explanation: `ECS reported: "${p.raw.length > 300 ? `${p.raw.slice(0, 297)}...` : p.raw}". No known pattern matches it${p.stage !== "unknown" ? `; the failing step is ${p.stage.replace("_", " ")}${p.service ? ` (${serviceLabel(p.service)})` : ""}` : ""}${p.resource ? `, for ${p.resource}` : ""}${p.cause !== "unknown" ? `, and the cause reads as ${p.cause.replace("_", " ")}` : ", and the text does not say why (the console cuts long reasons short; DescribeTasks has the full text)"}.`,
  fix: "Look up the error text in the ECS stopped-task error reference (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html) and fix what it names; fetch_task_logs shows the container output if it ran.",
});
