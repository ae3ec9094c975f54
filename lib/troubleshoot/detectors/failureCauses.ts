// Per-stage finding bodies: permissions (with exact IAM actions and resource ARNs), image pulls, placement and
// container start. Called by failureCause with the parsed failure and the facts of the case.
import { parseImageUri } from "../../util/parseImageUri.ts";
import { archAdvice } from "./archAdvice.ts";
import { efsMountCause } from "./efsMountCause.ts";
import { executionRoleText, type FailureContext, type Reference } from "./failureContext.ts";
import { layerDownloadCause } from "./layerDownloadCause.ts";
import { ecrWithoutS3Gateway, pathExplanation, pathFix, serviceLabel } from "./networkPath.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import type { TextCause } from "./pullErrors.ts";

const acct = (c: FailureContext) => c.account ?? "<account>";

/** `arn:aws:s3:::bucket/key` of an env file reference or file name. */
const s3Parts = (value: string | undefined) => {
  const m = /^arn:aws[\w-]*:s3:::([^/]+)\/(.+)$/.exec(value ?? "");
  return m ? { bucket: m[1]!, object: value! } : undefined;
};

const ssmArn = (value: string, region: string, account: string) =>
  value.startsWith("arn:")
    ? value
    : `arn:aws:ssm:${region}:${account}:parameter${value.startsWith("/") ? "" : "/"}${value}`;

/** Access denied (or KMS denied) at a start-up step: the role, the actions, the resource. */
export const accessCause = (
  p: ParsedFailure,
  c: FailureContext,
  region: string,
  refs: readonly Reference[],
): TextCause | undefined => {
  const role = executionRoleText(c);
  const roleArn = c.taskDefinition?.executionRoleArn;
  const kms = p.cause === "kms_denied";
  if (p.stage === "env_file") {
    const s3 = s3Parts(refs[0]?.value);
    const object = s3?.object ?? (p.resource ? `the S3 object of ${p.resource}` : "the env file object");
    if (p.cause === "not_found")
      return {
        id: "env_file_not_found",
        category: "task",
        title: "The environment file in S3 does not exist",
        likelihood: 0.94,
        explanation: `ECS could not download the container's environmentFiles entry ${object}: the bucket or key does not exist (or is in another account/region).`,
        fix: `Upload the file to ${object}, or correct environmentFiles[].value in the task definition, then redeploy.`,
      };
    if (p.cause !== "access_denied" && !kms) return undefined;
    return {
      id: "env_file_access_denied",
      category: "permissions",
      title: "Task cannot read its environment file from S3 (access denied)",
      likelihood: 0.95,
      explanation: `At start ECS downloads environmentFiles (${object}) from S3 as ${role}, and S3 refused it: that role lacks s3:GetObject on the object${kms ? " or kms:Decrypt on the bucket's KMS key" : ""}, or a bucket policy denies it.`,
      fix: `Grant ${roleArn ?? "the execution role"} s3:GetObject on ${s3?.object ?? "the env file object"} and s3:GetBucketLocation on ${s3 ? `arn:aws:s3:::${s3.bucket}` : "its bucket"}${kms ? " (and kms:Decrypt on the bucket key)" : ""}; this is the execution role's job, not the task role's.`,
    };
  }
  if (p.stage === "log_driver") {
    const lc = c.taskDefinition?.containerDefinitions?.find((x) => x.logConfiguration?.logDriver === "awslogs")
      ?.logConfiguration?.options;
    const group = lc?.["awslogs-group"] ?? "the awslogs-group";
    const groupArn = `arn:aws:logs:${lc?.["awslogs-region"] ?? region}:${acct(c)}:log-group:${group}:*`;
    if (p.cause === "not_found")
      return {
        id: "log_group_missing",
        category: "logs",
        title: `Log group ${group} does not exist`,
        likelihood: 0.94,
        explanation: `The awslogs driver could not create its stream because the log group ${group} does not exist, so the container never starts.`,
        fix: `Create the log group ${group} in ${lc?.["awslogs-region"] ?? region} (aws logs create-log-group), or set awslogs-create-group=true and grant ${roleArn ?? "the execution role"} logs:CreateLogGroup on ${groupArn}.`,
      };
    if (p.cause === "timeout")
      return {
        id: "logs_unreachable",
        category: "network",
        title: "Tasks time out reaching CloudWatch Logs",
        likelihood: 0.9,
        explanation: `The awslogs driver could not reach CloudWatch Logs. ${pathExplanation("logs", region, c.path)}`,
        fix: pathFix("logs", region, c.path),
      };
    // Only a refusal is a permissions problem (e.g. "signal: killed" is not): other causes are quoted as they are.
    if (p.cause !== "access_denied" && !kms) return undefined;
    return {
      id: "log_setup_failed",
      category: "permissions",
      title: "Task cannot set up its log stream",
      likelihood: 0.9,
      explanation: `The awslogs driver runs as ${role} and was refused: ${p.causeText ?? p.raw}`,
      fix: `Grant ${roleArn ?? "the execution role"} logs:CreateLogStream and logs:PutLogEvents on ${groupArn} (logs:CreateLogGroup too with awslogs-create-group=true); AmazonECSTaskExecutionRolePolicy covers them.`,
    };
  }
  if (p.cause !== "access_denied" && !kms) return undefined;
  const svc = p.service;
  const resource =
    svc === "ssm"
      ? ssmArn(refs[0]?.value ?? p.resource ?? "<parameter>", region, acct(c))
      : (refs[0]?.value ?? p.resource ?? "the referenced secret");
  const actions =
    svc === "ssm"
      ? "ssm:GetParameters"
      : svc === "secretsmanager"
        ? "secretsmanager:GetSecretValue"
        : (p.action ?? "the denied action");
  return {
    id: "secrets_access_denied",
    category: "permissions",
    title: kms
      ? `Task cannot decrypt its ${serviceLabel(svc)} secret (KMS access denied)`
      : `Task cannot read its secrets from ${serviceLabel(svc)} (access denied)`,
    likelihood: 0.94,
    explanation: `ECS reads secrets at start as ${role}; ${serviceLabel(svc)} refused ${resource}${kms ? ": the secret is encrypted with a customer managed KMS key the role may not use" : ""} (${p.causeText ?? p.raw}).${refs.length ? ` Referenced at ${refs.map((r) => `${r.container}.${r.field}`).join(", ")}.` : ""}`,
    fix: `Grant ${roleArn ?? "the execution role"} ${kms ? `kms:Decrypt on the key that encrypts ${resource} (and allow the role in the key policy)` : `${actions} on ${resource}${svc === "ssm" ? " (kms:Decrypt too for a SecureString with a customer managed key)" : ""}`}; the execution role fetches secrets, not the task role.`,
  };
};

/** Registry auth and image pull failures. */
export const imageCause = (p: ParsedFailure, c: FailureContext, region: string): TextCause => {
  if (p.service === "s3") return layerDownloadCause(p, c, region);
  const images = (c.taskDefinition?.containerDefinitions ?? []).map((x) => x.image ?? "");
  const image = p.resource?.includes("/") ? p.resource : (images[0] ?? p.resource ?? "the image");
  const ref = parseImageUri(image);
  const roleArn = c.taskDefinition?.executionRoleArn;
  // A pull (not the auth call) through ECR's interface endpoints, without NAT and without an S3 gateway endpoint,
  // stalls on the layers, which ECR serves from S3.
  if (
    p.cause === "timeout" &&
    p.stage === "image_pull" &&
    (p.service === "ecr" || (!p.service && ref?.ecr)) &&
    ecrWithoutS3Gateway(region, c.path)
  )
    return {
      id: "registry_unreachable",
      category: "network",
      title: "ECR's image layers are unreachable: the VPC has no S3 gateway endpoint",
      likelihood: 0.9,
      explanation: `The task timed out pulling the image. ${c.path?.subnets.join(", ") || "The task subnets"} have no NAT or internet route and reach ECR through its interface endpoints, but the VPC has no S3 gateway endpoint: ECR serves image layers from Amazon S3, so the pull stalls after the manifest.`,
      fix: `Create the gateway endpoint com.amazonaws.${region}.s3 and associate it with the task subnets' route tables (an S3 interface endpoint does not serve ECR layers), and allow outbound TCP 443 to its prefix list in the task security group.`,
    };
  if (p.cause === "timeout")
    return {
      id: "registry_unreachable",
      category: "network",
      title: `No network path to ${p.service === "registry" ? (ref?.registry ?? "the registry") : "Amazon ECR"}`,
      likelihood: 0.86,
      explanation: `The task timed out ${p.stage === "registry_auth" ? "getting the ECR auth token" : "pulling the image"}${p.endpoint ? ` (${p.endpoint})` : ""}. ${pathExplanation(p.service ?? "ecr", region, c.path)}`,
      fix: pathFix(p.service === "registry" ? "registry" : "ecr", region, c.path),
    };
  if (p.cause === "invalid_name")
    return {
      id: "image_reference_invalid",
      category: "image",
      title: `Image reference ${image} is not a valid image name`,
      likelihood: 0.96,
      explanation: `ECS could not parse the image reference (${p.causeText}): the task definition's image must be registry/repository[:tag], lower-case, with no spaces.`,
      fix: "Put the full image URI in the task definition (e.g. <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>), register a new revision and redeploy.",
    };
  if (p.cause === "not_found")
    return {
      id: "image_not_found",
      category: "image",
      title: "Image or tag does not exist",
      likelihood: 0.95,
      explanation: `ECS could not pull ${image}: the repository or the tag does not exist in the registry.`,
      fix: `Push ${image} (or fix the image URI/tag in the task definition) and redeploy.`,
    };
  if (p.cause === "rate_limited")
    return {
      id: "rate_limited_pull",
      category: "image",
      title: `Registry rate limit on pulls of ${image}`,
      likelihood: 0.88,
      explanation: `The registry${ref ? ` ${ref.registry}` : ""} throttled the pull (${p.causeText}); Docker Hub limits anonymous pulls per source IP, and tasks behind one NAT share it.`,
      fix: "Copy the image to ECR (or use ECR Public or an ECR pull-through cache rule) and point the task definition at it; or pull with Docker Hub credentials via repositoryCredentials.",
    };
  if (p.cause === "platform_mismatch") {
    const arch = c.taskDefinition?.runtimePlatform?.cpuArchitecture ?? "X86_64";
    return {
      id: "image_arch_mismatch",
      category: "image",
      title: "Image has no variant for the task's CPU architecture",
      likelihood: 0.94,
      explanation: `${image} has no manifest for the platform the task runs on (runtimePlatform.cpuArchitecture ${arch}): ${p.causeText}.`,
      fix: `Build and push the image for ${arch === "ARM64" ? "linux/arm64" : "linux/amd64"} (docker buildx build --platform ${arch === "ARM64" ? "linux/arm64" : "linux/amd64"} --push ...), or set runtimePlatform.cpuArchitecture to the image's architecture.`,
    };
  }
  if (p.cause === "access_denied") {
    const repoArn = ref?.ecr
      ? `arn:aws:ecr:${ref.ecr.region}:${ref.ecr.accountId}:repository/${ref.repository}`
      : undefined;
    const cross = ref?.ecr && c.account && ref.ecr.accountId !== c.account;
    return {
      id: "registry_auth_failed",
      category: "permissions",
      title: "Registry refused the pull (authentication)",
      likelihood: 0.92,
      explanation: repoArn
        ? `ECR refused ${image} to ${executionRoleText(c)} (${p.causeText}).${cross ? ` The repository is in account ${ref?.ecr?.accountId}: its repository policy must allow this account.` : ""}`
        : `${ref?.registry ?? "The registry"} refused the pull (${p.causeText}): it is private and the task has no (or wrong) credentials.`,
      fix: repoArn
        ? `Grant ${roleArn ?? "the execution role"} ecr:GetAuthorizationToken (resource *) and ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage on ${repoArn}${cross ? ", and allow this account in the repository policy" : ""}.`
        : `Store the registry credentials in Secrets Manager, set repositoryCredentials.credentialsParameter, and grant ${roleArn ?? "the execution role"} secretsmanager:GetSecretValue on that secret; or mirror the image to ECR.`,
    };
  }
  return {
    id: "image_pull_failed",
    category: "image",
    title: "Image pull failed",
    likelihood: 0.85,
    explanation: `ECS could not pull ${image}: ${p.causeText ?? p.raw}`,
    fix: "Check the image URI and tag, the execution role's ECR permissions and the task's network path to the registry.",
  };
};

/** Where the command comes from: the task definition's entryPoint/command, else the image's ENTRYPOINT/CMD. */
const commandSource = (c: FailureContext): string => {
  const set = (c.taskDefinition?.containerDefinitions ?? []).flatMap((d) => [
    ...(d.entryPoint?.length ? [`${d.name}.entryPoint ${JSON.stringify(d.entryPoint)}`] : []),
    ...(d.command?.length ? [`${d.name}.command ${JSON.stringify(d.command)}`] : []),
  ]);
  return set.length
    ? `The task definition sets ${set.join(" and ")}.`
    : "The task definition sets no entryPoint or command, so the image's own ENTRYPOINT/CMD runs.";
};

/** Container start failures (command, architecture, volumes). */
export const startCause = (p: ParsedFailure, c: FailureContext, region: string): TextCause | undefined => {
  if (p.cause === "platform_mismatch")
    return {
      id: "image_arch_mismatch",
      category: "image",
      title: "Image built for a different CPU architecture",
      likelihood: 0.93,
      ...archAdvice(c.taskDefinition),
    };
  if (p.cause === "command_not_found")
    return {
      id: "command_not_found",
      category: "task",
      title: `The container's entrypoint or command ${p.resource ?? ""} does not exist in the image`.replace("  ", " "),
      likelihood: 0.9,
      explanation: `The runtime could not find ${p.resource ?? "the entrypoint/command"}: wrong path, a binary missing from the image, a volume mounted over it, or a script with CRLF line endings / a missing interpreter. ${commandSource(c)}`,
      fix: "Check entryPoint/command in the task definition and the Dockerfile CMD/ENTRYPOINT (and that no volume hides that path); run the image locally with the same command.",
    };
  if (p.cause === "not_executable")
    return {
      id: "not_executable",
      category: "task",
      title: `The container's entrypoint or command ${p.resource ?? ""} is not executable`.replace("  ", " "),
      likelihood: 0.9,
      explanation: `The runtime could not execute ${p.resource ?? "the entrypoint/command"} ('permission denied'): the file lacks the execute bit or is not a program. ${commandSource(c)}`,
      fix: `Add RUN chmod +x ${p.resource ?? "<entrypoint>"} to the Dockerfile after copying it (or keep the mode in git: git update-index --chmod=+x), check its shebang line, rebuild and push the image; or run it through its interpreter (entryPoint ["sh", "${p.resource ?? "<script>"}"]).`,
    };
  if (p.stage === "volume_mount") return efsMountCause(p, c, region);
  return undefined;
};
