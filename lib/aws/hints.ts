// Turns AWS SDK exceptions into EcsError values with a hint that says how to fix the problem.
import { type EcsError, ecsError } from "../errors.ts";
import { denialHint } from "./accessDenied.ts";
import { knownError } from "./knownErrors.ts";
import { IAM_PREFIX, type ServiceName } from "./services.ts";

interface SdkErrorLike {
  name?: string;
  /** Wire error code of query-protocol services (IAM `NoSuchEntity` arrives as name `NoSuchEntityException`). */
  Code?: string;
  code?: string;
  message?: string;
  $fault?: "client" | "server";
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string; attempts?: number };
}

const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RateExceeded",
  "SlowDown",
]);
const CREDENTIALS = new Set([
  "ExpiredTokenException",
  "ExpiredToken",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "CredentialsProviderError",
  "TokenProviderError",
  "AuthFailure",
]);
const ACCESS_DENIED = new Set([
  "AccessDeniedException",
  "AccessDenied",
  "UnauthorizedOperation",
  "UnauthorizedException",
]);
const NETWORK = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNRESET",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

export interface CallContext {
  readonly service: ServiceName;
  readonly operation: string;
  readonly region?: string;
  readonly profile?: string;
}

/** Maps any exception thrown by an SDK call to an EcsError (kind aws, timeout, cancelled or unavailable). */
export const mapAwsError = (e: unknown, ctx: CallContext): EcsError => {
  const x = (e ?? {}) as SdkErrorLike;
  const code = x.Code ?? (x.name && x.name !== "Error" ? x.name : (x.code ?? "UnknownError"));
  const message = x.message || code;
  const where = `${ctx.service}:${ctx.operation}`;
  if (code === "AbortError") {
    return ecsError("cancelled", {
      operation: where,
      message: `${where} was cancelled.`,
      hint: "The caller cancelled the request.",
    });
  }
  if (NETWORK.has(x.code ?? "") || NETWORK.has(code) || /getaddrinfo|ECONNREFUSED|socket hang up/.test(message)) {
    return ecsError("unavailable", {
      service: ctx.service,
      message: `Could not reach the ${ctx.service} endpoint for ${where} (connection failed or was reset): ${message}`,
      hint: `Check the region${ctx.region ? ` (${ctx.region})` : ""}, any endpoint override (AWS_ENDPOINT_URL*), proxies and network access.`,
      cause: e,
    });
  }
  if (code === "TimeoutError" || x.code === "ETIMEDOUT" || code === "RequestTimeout") {
    return ecsError("timeout", {
      operation: where,
      message: `${where} timed out: ${message}`,
      hint: "AWS did not answer in time. Check network access to the endpoint, or raise requestTimeoutMs.",
    });
  }
  const status = x.$metadata?.httpStatusCode;
  const known = ACCESS_DENIED.has(code) ? undefined : knownError(code, message, ctx);
  const retryable =
    THROTTLING.has(code) ||
    x.$fault === "server" ||
    Boolean(x.$retryable) ||
    (status ?? 0) >= 500 ||
    known?.retryable === true;
  return ecsError("aws", {
    service: ctx.service,
    operation: ctx.operation,
    code,
    httpStatus: status,
    requestId: x.$metadata?.requestId,
    retryable,
    message: `${where} failed: ${code}: ${message}`,
    hint: known?.hint ?? hintFor(code, message, ctx, retryable),
    ...(known
      ? { situation: known.situation }
      : ACCESS_DENIED.has(code)
        ? { situation: "access_denied" as const }
        : {}),
    cause: e,
  });
};

const hintFor = (code: string, message: string, ctx: CallContext, retryable: boolean): string => {
  const action = `${IAM_PREFIX[ctx.service]}:${ctx.operation}`;
  const region = ctx.region ? `region ${ctx.region}` : "this region";
  if (ACCESS_DENIED.has(code)) return denialHint(message, action);
  // A request signed for another region than the endpoint's ("Credential should be scoped to a valid region").
  if (/scoped to (a )?(valid|correct) region|region .* is wrong|expecting '?[a-z]{2}-[a-z]+-\d/i.test(message))
    return `The request was signed for ${region} but the endpoint expects another region. Set AWS_REGION (or --region) to the endpoint's region.`;
  if (CREDENTIALS.has(code)) {
    const sso = ctx.profile ? `aws sso login --profile ${ctx.profile}` : "aws sso login (or aws configure)";
    return `The AWS credentials are missing, invalid or expired. Refresh them (e.g. \`${sso}\`) and retry.`;
  }
  if (THROTTLING.has(code))
    return "AWS throttled the request even after retries with backoff. Wait a little and retry, or reduce parallel calls.";
  if (code === "ClusterNotFoundException")
    return `The cluster does not exist in ${region}. Call ecs_resource_management with ListClusters to see the clusters, or check AWS_REGION.`;
  if (code === "ServiceNotFoundException")
    return `The service does not exist in that cluster (${region}). List the services with ListServices (api_params: {cluster}), or check AWS_REGION.`;
  if (code === "RepositoryNotEmptyException")
    return "The repository still holds images. Delete them with ecr:BatchDeleteImage, or pass force: true to ecr:DeleteRepository.";
  if (code === "ImageNotFoundException" || code === "LifecyclePolicyNotFoundException")
    return "Not found in that repository. List its images with ecr:ListImages, or read the policy with ecr:GetLifecyclePolicy.";
  if (/^ClusterContains(Services|Tasks|ContainerInstances|CapacityProvider)Exception$/.test(code))
    return "The cluster is not empty. Delete its services (DeleteService), stop its tasks (StopTask) and deregister its instances first.";
  if (code === "ServiceDeploymentNotFoundException")
    return "No such service deployment. List a service's deployments with ListServiceDeployments (api_params: {service, cluster}).";
  if (code === "RepositoryNotFoundException")
    return `The ECR repository does not exist in this account in ${region}. List repositories with ecr:DescribeRepositories, or check AWS_REGION.`;
  if (code === "InvalidParameterException" || code === "ValidationError" || code === "ValidationException")
    return "AWS rejected a parameter; the message names it. Check the value against the AWS API reference for this operation.";
  if (code === "UnknownEndpoint" || code === "UnknownOperationException")
    return "The endpoint does not support this operation: check the region and any endpoint override.";
  if (retryable) return "AWS had a transient server-side problem. Retry the call in a few seconds.";
  return `See the AWS API reference for ${ctx.operation} and error code ${code}.`;
};
