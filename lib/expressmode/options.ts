// Options of the Express Mode pipeline: which container runtime runs with what environment, and how often to poll.

/** Container CLIs the pipeline can drive; all accept the docker command syntax used here. */
export type ContainerRuntimeName = "docker" | "finch" | "podman";

/** How build/push commands run. The library never reads the environment itself: the caller passes the child environment. */
export interface ContainerOptions {
  /** Runtime to use; default: the first of docker, finch, podman that answers `<runtime> version`. */
  readonly runtime?: ContainerRuntimeName;
  /** Environment of the child processes (PATH, HOME, DOCKER_HOST, CONTAINERS_*…); default: inherited. */
  readonly env?: Readonly<Record<string, string>>;
  /** Target platform of builds; default `linux/amd64` (Fargate's default architecture). */
  readonly platform?: string;
  /** Longest a build or push may take, ms; default 30 minutes. */
  readonly commandTimeoutMs?: number;
}

/** Poll intervals and bounds of the waits (tests make them small). */
export interface PollingOptions {
  /** Between service polls in wait_for_service_ready; default 10 000 ms. */
  readonly serviceIntervalMs?: number;
  /** First CloudFormation poll interval; doubles up to `stackMaxIntervalMs`; default 2 000 ms. */
  readonly stackIntervalMs?: number;
  /** Upper bound of the CloudFormation poll interval; default 15 000 ms. */
  readonly stackMaxIntervalMs?: number;
  /** Longest wait for a stack operation; default 30 minutes. */
  readonly stackTimeoutMs?: number;
  /**
   * Longest wait for an Express service to drain before its ECR stack is deleted, and for a same-name service to
   * leave DRAINING before one is created; default 10 minutes.
   */
  readonly drainTimeoutMs?: number;
  /** Longest wait, after a service is ready, for ECS to assign its public endpoint; default 2 minutes. */
  readonly endpointTimeoutMs?: number;
  /**
   * How long writes retry while IAM has not propagated a role ECS must assume (a role created moments ago, the
   * service-linked role just created); default 2 minutes, the budget AWS's Terraform provider uses
   * (hashicorp/terraform-provider-aws internal/service/iam/wait.go `propagationTimeout`). A real denial is not retried.
   */
  readonly iamPropagationTimeoutMs?: number;
  /** Between retries of a write refused for a transient reason (IAM propagation); default 5 000 ms. */
  readonly retryIntervalMs?: number;
}

/** What the Express tools receive in the ToolContext (`ctx.express`). */
export interface ExpressSettings {
  readonly container?: ContainerOptions;
  readonly polling?: PollingOptions;
}

/** Defaults of the polling options. */
export const POLLING_DEFAULTS: Required<PollingOptions> = Object.freeze({
  serviceIntervalMs: 10_000,
  stackIntervalMs: 2_000,
  stackMaxIntervalMs: 15_000,
  stackTimeoutMs: 30 * 60_000,
  drainTimeoutMs: 10 * 60_000,
  endpointTimeoutMs: 2 * 60_000,
  iamPropagationTimeoutMs: 2 * 60_000,
  retryIntervalMs: 5_000,
});

/** The polling options with defaults filled in. */
export const pollingOf = (s?: ExpressSettings): Required<PollingOptions> => ({ ...POLLING_DEFAULTS, ...s?.polling });
