// Parses ECS failure text (stop reasons, container reasons, service events) into a structured failure: error type,
// stage, AWS service, resource and underlying cause. The stage comes from the message's own structure (the phrase
// the agent writes for each start-up step), the cause from the innermost wrapped error, so a word in one part never
// decides the other (e.g. "AccessDenied: Access Denied" inside an env-file download is not a registry error).
// Message shapes: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html
// and https://docs.aws.amazon.com/AmazonECS/latest/developerguide/resource-initialization-error.html

/** The start-up step that failed. */
export type FailureStage =
  | "placement"
  | "eni_attach"
  | "registry_auth"
  | "image_pull"
  | "secrets_fetch"
  | "env_file"
  | "log_driver"
  | "volume_mount"
  | "container_start"
  /** The ECS agent's calls to the container runtime on an instance (create, start, inspect) timing out. */
  | "runtime_call"
  | "health_check"
  | "unknown";

/** Why it failed, from the innermost error. */
export type FailureCause =
  | "access_denied"
  | "kms_denied"
  | "timeout"
  | "not_found"
  | "invalid_name"
  | "invalid_value"
  | "platform_mismatch"
  | "rate_limited"
  | "quota"
  | "no_capacity"
  | "no_ip"
  | "not_executable"
  | "command_not_found"
  | "disk_full"
  /** The resource exists but holds no value for the version asked (a secret without an AWSCURRENT version). */
  | "no_value"
  | "unknown";

/** The AWS service (or non-AWS registry) the failing step talked to. */
export type FailureService = "ssm" | "secretsmanager" | "ecr" | "s3" | "logs" | "kms" | "ec2" | "efs" | "registry";

export interface ParsedFailure {
  readonly raw: string;
  /** Leading error type, e.g. ResourceInitializationError, CannotPullContainerError. */
  readonly errorType?: string;
  readonly stage: FailureStage;
  readonly service?: FailureService;
  readonly cause: FailureCause;
  /** The resource named in the text: an ARN, SSM parameter name, image reference, file name, log group. */
  readonly resource?: string;
  /** The innermost error fragment (after the last "caused by:" or service-call prefix). */
  readonly causeText?: string;
  /** Host the task tried to reach, when the text shows it (e.g. api.ecr.us-east-1.amazonaws.com). */
  readonly endpoint?: string;
  /** The event wrapped this failure in "unable to place a task ... Reason:" (a start failure, not capacity). */
  readonly viaPlacement?: boolean;
  /** IAM principal and action from an "is not authorized to perform" message. */
  readonly principal?: string;
  readonly action?: string;
  /** Which kind of policy refused, when the denial says ("with an explicit deny in a …" / "because no … allows"). */
  readonly deniedBy?: DeniedBy;
}

/** The policy types IAM names in an access-denied message. */
export type DeniedBy =
  | "service_control_policy"
  | "resource_control_policy"
  | "vpc_endpoint_policy"
  | "resource_based_policy"
  | "permissions_boundary"
  | "session_policy"
  | "identity_based_policy";

// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html (access denied error messages)
const DENIED_BY =
  /(?:with an explicit deny in an?|because no) (service control policy|resource control policy|VPC endpoint policy|resource-based policy|permissions boundary|session policy|identity-based policy)/i;

const STAGES: readonly { stage: FailureStage; service?: FailureService; test: RegExp }[] = [
  { stage: "env_file", service: "s3", test: /failed to (download|fetch|retrieve) env(ironment)? files?|env file/i },
  { stage: "secrets_fetch", service: "ssm", test: /unable to retrieve secrets? from ssm|from ssm:|ssm parameters?/i },
  {
    stage: "registry_auth",
    service: "ecr",
    test: /(retrieve|pull) (ecr )?registry auth|registry auth from Amazon ECR/i,
  },
  {
    stage: "secrets_fetch",
    service: "secretsmanager",
    test: /unable to retrieve secrets? from asm|from secrets ?manager|secretsmanager/i,
  },
  {
    stage: "log_driver",
    service: "logs",
    test: /logging driver|logger args|log stream|log group|awslogs|CreateLogStream|firelens/i,
  },
  { stage: "volume_mount", service: "efs", test: /\bEFS\b|mount\.nfs|failed to invoke EFS utils|mount target/i },
  {
    stage: "eni_attach",
    service: "ec2",
    test: /network interface|\bENIs?\b|free (IP )?addresses|InsufficientFreeAddresses|subnet .* (has no|does not have)/i,
  },
  {
    stage: "image_pull",
    test: /CannotPullContainerError|pull image manifest|ref pull|failed to resolve ref|pull access denied|image pull|manifest unknown|descriptor matching platform|image reference|reference format/i,
  },
  {
    stage: "runtime_call",
    test: /DockerTimeoutError|CannotInspectContainerError|CannotCreateContainerError: [^:]*timed out|Could not transition to (created|started|inspecting|stopped)/i,
  },
  { stage: "health_check", test: /health ?checks?/i },
  {
    stage: "container_start",
    test: /CannotStartContainerError|container runtime task|OCI runtime|starting container process|exec format error|\bexec: "/i,
  },
  {
    stage: "placement",
    test: /unable to place a task|RESOURCE:|no container instance|Capacity is unavailable|reached the limit on the number of/i,
  },
];

// Causes, most specific first; each is tested on the innermost fragment, then on the whole text.
const CAUSES: readonly { cause: FailureCause; test: RegExp }[] = [
  { cause: "disk_full", test: /no space left on device|disk quota exceeded/i },
  {
    cause: "platform_mismatch",
    test: /exec format error|descriptor matching platform|descriptor for platform|no match for platform|platform .* does not match/i,
  },
  { cause: "not_executable", test: /\bexec: "[^"]*": permission denied|permission denied: unknown/i },
  {
    cause: "command_not_found",
    test: /executable file not found|\bexec: "[^"]*": .*no such file or directory|stat .*no such file/i,
  },
  {
    cause: "kms_denied",
    test: /Access to KMS is not allowed|KMS(\.|\s)?\w*(Exception)?[^.]{0,40}(denied|not allowed)|kms:Decrypt/i,
  },
  { cause: "no_ip", test: /free (IP )?addresses|no free IP|out of IP|InsufficientFreeAddresses/i },
  { cause: "quota", test: /reached the limit on the number of|LimitExceeded|quota/i },
  { cause: "rate_limited", test: /toomanyrequests|rate limit|Too Many Requests|\b429\b|Rate exceeded|Throttl/i },
  {
    cause: "no_value",
    test: /can't find the specified secret value for (staging label|VersionId)|ParameterVersionNotFound|ParameterVersionLabelLimitExceeded/i,
  },
  { cause: "not_found", test: /repository does not exist or may require/i },
  // An HTTP 403 whose (XML) body could not be parsed is a denial, not an invalid value.
  { cause: "access_denied", test: /HTTP 40[13] response|<Code>AccessDenied<\/Code>/i },
  {
    cause: "invalid_value",
    test: /invalid character .* looking for|did not contain json key|not valid JSON|unmarshal/i,
  },
  {
    cause: "invalid_name",
    test: /invalid (ssm )?parameters?:? |ValidationException|InvalidParameter|invalid (reference|ARN)|normalize image reference|reference format/i,
  },
  {
    cause: "access_denied",
    test: /\bAccessDenied(Exception)?\b|Access Denied|not authorized to perform|\b403\b|Forbidden|pull access denied|no basic auth credentials|\bunauthorized\b|authentication required|\b401\b|failed to authorize|anonymous token/i,
  },
  {
    cause: "not_found",
    test: /ParameterNotFound|ResourceNotFoundException|NoSuchKey|NoSuchBucket|\bnot found\b|manifest unknown|does not exist|\bNotFound\b|\b404\b|can't find/i,
  },
  {
    cause: "timeout",
    test: /i\/o timeout|deadline exceeded|RequestCanceled|dial tcp|connection (refused|reset|issue)|no such host|network is unreachable|TLS handshake timeout|Client\.Timeout|send request failed|timed? ?out|context canceled/i,
  },
  {
    cause: "no_capacity",
    test: /RESOURCE:(CPU|MEMORY|PORTS|ENI|GPU)|insufficient (memory|cpu)|Capacity is unavailable|no container instance/i,
  },
];

/** Host of ECR's layer bucket, or any S3 host the failing request went to. */
const LAYER_HOST = /starport-layer-bucket|(^|\.)s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/i;

const first = (re: RegExp, text: string): string | undefined => re.exec(text)?.[1];

/** The innermost error: the part after the last "caused by:", else after the last "retried N time(s):". */
const innermost = (text: string): string => {
  const parts = text.split(/caused by:|retried \d+ time(?:s|\(s\))?:|\bReason: /i);
  return (parts.at(-1) ?? text).trim();
};

const resourceOf = (text: string, stage: FailureStage): string | undefined =>
  rawResourceOf(text, stage)?.replace(/[:.,]+$/, "");

const rawResourceOf = (text: string, stage: FailureStage): string | undefined =>
  first(/invalid ssm parameters?: (\S+)/i, text) ??
  first(/failed to fetch secret (arn:aws[\w-]*:secretsmanager:\S+?)(?: from|\s|$)/i, text) ??
  first(/(arn:aws[\w-]*:(?:ssm|secretsmanager|s3|logs|kms):[^\s"',]+)/i, text) ??
  (stage === "env_file" ? first(/failed to download file ([^\s:]+)/i, text) : undefined) ??
  first(/failed to resolve ref "?([^"\s]+)"?/i, text) ??
  first(/pull (?:access denied for|image) ([^\s,]+)/i, text) ??
  first(/\bexec: "([^"]+)"/i, text);

/** Structured failure for a stop reason, container reason or service event; never throws. */
export const parseFailure = (text: string): ParsedFailure => {
  const placement = /unable to place a task[\s\S]*?Reason: ([\s\S]*)$/i.exec(text);
  // "was unable to place a task. Reason: CannotPullContainerError: ..." is a start failure reported at placement.
  const wrapped = placement?.[1] && /^\s*\w+(Error|Exception)\b/.test(placement[1]) ? placement[1] : undefined;
  const body = wrapped ?? text;
  const errorType = first(/^\s*(?:\([^)]*\)\s*)?(\w+(?:Error|Exception))\b/, body) ?? first(/\b(\w+Error):/, body);
  const stageRule = STAGES.find((s) => s.test.test(body));
  const stage = stageRule?.stage ?? "unknown";
  const inner = innermost(body);
  const cause =
    CAUSES.find((c) => c.test.test(inner))?.cause ?? CAUSES.find((c) => c.test.test(body))?.cause ?? "unknown";
  const endpoint = first(/https?:\/\/([a-z0-9.-]+\.amazonaws\.com)/i, body);
  let service = stageRule?.service;
  if (stage === "image_pull") {
    const ref = resourceOf(body, stage) ?? "";
    service = /\.dkr\.ecr\.|\.amazonaws\.com|ecr/i.test(ref + (endpoint ?? "")) ? "ecr" : ref ? "registry" : undefined;
    // ECR serves layers from its S3 bucket (prod-<region>-starport-layer-bucket): a failure there is an S3 download.
    if (LAYER_HOST.test(endpoint ?? "") || /starport-layer-bucket|<Error><Code>/i.test(body)) service = "s3";
  }
  if (cause === "kms_denied") service = stage === "unknown" ? "kms" : service;
  const denied = first(DENIED_BY, body);
  return {
    raw: text,
    ...(errorType ? { errorType } : {}),
    stage,
    ...(service ? { service } : {}),
    cause,
    ...(resourceOf(body, stage) ? { resource: resourceOf(body, stage) } : {}),
    causeText: inner.length > 240 ? `${inner.slice(0, 237)}...` : inner,
    ...(endpoint ? { endpoint } : {}),
    ...(wrapped ? { viaPlacement: true } : {}),
    ...(first(/User: (arn:aws[\w-]*:(?:sts|iam)::\d+:[^\s]+)/, body)
      ? { principal: first(/User: (arn:aws[\w-]*:(?:sts|iam)::\d+:[^\s]+)/, body) }
      : {}),
    ...(denied ? { deniedBy: denied.toLowerCase().replace(/[ -]/g, "_") as DeniedBy } : {}),
    ...(first(/not authorized to perform:? ([\w-]+:\w+)/, body)
      ? { action: first(/not authorized to perform:? ([\w-]+:\w+)/, body) }
      : {}),
  };
};
