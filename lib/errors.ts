// EcsError: the one error type of the library, a discriminated union on `kind`, plus its constructors.
import { clip } from "./util/clip.ts";

/** One problem with an input value: where, what was expected, what came, and a likely fix. */
export interface ValidationIssue {
  /** Dotted path to the offending value, e.g. `api_params.cluster` ("" for the root). */
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly got?: string;
  /** A did-you-mean for misspelt names. */
  readonly suggestion?: string;
}

/** Situations an AWS error is recognised as (see `situation` on errors of kind aws). */
export type AwsSituation =
  | "express_managed_service"
  | "service_draining"
  | "service_linked_role_missing"
  | "iam_propagation"
  | "already_exists"
  | "access_denied"
  | "service_not_active"
  | "task_definition_inactive"
  | "target_group_unattached"
  | "platform_version"
  | "concurrent_update"
  | "role_invalid"
  | "repository_not_empty"
  | "limit_exceeded"
  | "capacity_provider"
  | "execution_role_required"
  | "launch_type_incompatible";

/**
 * How a deployment ended when it did not succeed: rolled back (circuit breaker or alarms), the rollback itself failed,
 * stopped, failed without rollback, ran but not with the requested configuration, its managed resources failed, or the
 * service went away.
 */
export type DeploymentOutcome =
  | "rolled_back"
  | "rollback_failed"
  | "stopped"
  | "failed"
  | "config_mismatch"
  | "resources_failed"
  | "service_gone";

/** Which policy gate refused a call. */
export type PolicyGate = "write" | "sensitive" | "operation" | "confirmation" | "path";

interface Base {
  readonly message: string;
  /** What to do about it, in words for a person or a model. */
  readonly hint: string;
}

/** Every failure the library reports. Programs switch on `kind`; people read `message` and `hint`. */
export type EcsError =
  | (Base & { readonly kind: "validation"; readonly issues: readonly ValidationIssue[] })
  | (Base & { readonly kind: "policy_denied"; readonly gate: PolicyGate; readonly flag?: string })
  | (Base & {
      readonly kind: "aws";
      readonly service: string;
      readonly operation: string;
      readonly code: string;
      readonly httpStatus?: number;
      readonly requestId?: string;
      readonly retryable: boolean;
      /**
       * A known situation recognised from (service, operation, code, message): an Express-managed service touched
       * with the classic API, a same-name service still draining, the ECS service-linked role missing, a role
       * IAM has not propagated yet, a name already taken, an access denial. Waits retry the transient ones.
       */
      readonly situation?: AwsSituation;
      /** The original exception, for logs only; never serialised to a client. */
      readonly cause?: unknown;
    })
  | (Base & { readonly kind: "not_found"; readonly resource?: string })
  | (Base & { readonly kind: "timeout"; readonly operation?: string; readonly afterMs?: number })
  | (Base & { readonly kind: "cancelled"; readonly operation?: string })
  | (Base & {
      readonly kind: "container_runtime";
      readonly command?: string;
      readonly exitCode?: number;
      readonly outputTail?: string;
    })
  | (Base & {
      /** A deployment that ran and did not reach its target: rolled back, stopped, failed, or not what was asked. */
      readonly kind: "deployment_failed";
      readonly outcome: DeploymentOutcome;
      readonly service?: string;
      readonly cluster?: string;
      /** The service deployment that failed (ListServiceDeployments ARN), when known. */
      readonly deploymentArn?: string;
      /** Why recent tasks stopped (stop codes, reasons, exit codes): usually the root cause. */
      readonly stoppedTasks?: readonly unknown[];
      /** Evidence and ranked findings (events, deployment status, troubleshooting). */
      readonly diagnosis?: Readonly<Record<string, unknown>>;
    })
  | (Base & {
      /**
       * The resource is busy with another operation (e.g. a rollout in progress; retry after it finishes), or a name
       * a create needs is already taken outside of what the tool manages (`resource` names it).
       */
      readonly kind: "conflict";
      readonly resource?: string;
    })
  | (Base & { readonly kind: "unavailable"; readonly service?: string; readonly cause?: unknown })
  | (Base & { readonly kind: "internal"; readonly cause?: unknown });

/** The discriminant of {@link EcsError}: what a program switches on. */
export type EcsErrorKind = EcsError["kind"];

type Fields<K extends EcsErrorKind> = Omit<Extract<EcsError, { kind: K }>, "kind">;

/** Builds an EcsError of the given kind (the single constructor; prose lives with the caller or in hints.ts). */
export const ecsError = <K extends EcsErrorKind>(kind: K, fields: Fields<K>): Extract<EcsError, { kind: K }> =>
  boundError({ kind, ...fields } as Extract<EcsError, { kind: K }>);

/**
 * The error with every text bounded: a bad value (a 120 kB operation name, a pasted document) shows as a short
 * prefix in the message, the hint and each issue, never whole. Applied by the constructor and again where tool
 * calls return, for errors assembled by spreading.
 */
export const boundError = <E extends EcsError>(e: E): E => {
  const issues =
    e.kind === "validation"
      ? e.issues.map((i) => ({
          ...i,
          path: clip(i.path),
          message: clip(i.message, 600),
          ...(i.expected !== undefined ? { expected: clip(i.expected, 1000) } : {}),
          ...(i.got !== undefined ? { got: clip(i.got) } : {}),
          ...(i.suggestion !== undefined ? { suggestion: clip(i.suggestion) } : {}),
        }))
      : undefined;
  return { ...e, message: clip(e.message, 2000), hint: clip(e.hint, 4000), ...(issues ? { issues } : {}) };
};

/** A validation error built from issues, with a message summarising the first ones. */
export const validationError = (issues: readonly ValidationIssue[], hint?: string): EcsError => {
  const summary = issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join("; ");
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  const suggestions = issues.filter((i) => i.suggestion).map((i) => `${i.path || "value"} → ${i.suggestion}`);
  return ecsError("validation", {
    message: `Invalid input: ${summary}${more}`,
    hint:
      hint ??
      (suggestions.length > 0
        ? `Did you mean: ${suggestions.join(", ")}?`
        : "Fix the listed fields and call again; each issue names the path, what was expected and what was received."),
    issues,
  });
};

/** Wraps an unexpected exception. Used only at the edges where third-party code may throw. */
export const internalError = (cause: unknown, where: string): EcsError =>
  ecsError("internal", {
    message: `Unexpected failure in ${where}: ${cause instanceof Error ? cause.message : String(cause)}`,
    hint: "This is a bug in ecs-assistant; retry, and report it with the server log if it persists.",
    cause,
  });

/** The error as a client may see it: no `cause`, no stack. */
export const publicError = (error: EcsError): EcsError => {
  const { cause: _cause, ...rest } = error as EcsError & { cause?: unknown };
  return rest as EcsError;
};

/** A failure that may pass on its own (throttling after the SDK's retries, 5xx, timeouts, connection problems): long waits poll on. */
export const isTransient = (e: EcsError): boolean =>
  e.kind === "unavailable" || e.kind === "timeout" || (e.kind === "aws" && e.retryable);
