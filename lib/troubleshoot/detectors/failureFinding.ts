// Builds a finding (id, title, explanation, fix) for a parsed failure from the facts of the case: the service and
// its VPC endpoint names for the region, the execution role by ARN, the IAM actions and the resource, the reference
// in the task definition. A failure no rule knows still gets a finding that quotes it.

import { deniedByPolicy } from "./deniedByPolicy.ts";
import { accessCause, imageCause, startCause } from "./failureCauses.ts";
import { type FailureContext, referencesFor, referencesText as where } from "./failureContext.ts";
import { pathExplanation, pathFix, serviceLabel } from "./networkPath.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import { placementCause } from "./placementCause.ts";
import type { TextCause } from "./pullErrors.ts";
import { runtimeCallCause } from "./runtimeCallCause.ts";
import { secretsCause } from "./secretsCause.ts";
import { storageCause } from "./storageCause.ts";

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
