// Policy: the explicit, frozen description of what the assistant may do; and the one gate check.
import { err, ok, type Result } from "neverthrow";
import { type EcsError, ecsError } from "./errors.ts";

/** What a call does to the account: read it, change it, or delete/stop something. */
export type Access = "read" | "write" | "destructive";

/** The assistant's permissions. Build it with `createPolicy`; it is frozen. */
export interface Policy {
  /** Allow calls that change AWS resources or local files. Default false (read-only). */
  readonly allowWrite: boolean;
  /** Allow results that can hold secrets (log lines, environment values, full task definitions). Default false: such values are redacted. */
  readonly allowSensitiveData: boolean;
  /** When set, only these operations/tools may run (names like `ListClusters`, `ecr:DescribeImages`, `delete_app`). */
  readonly allowOperations?: readonly string[];
  /** Operations/tools that never run, whatever else allows them. */
  readonly denyOperations?: readonly string[];
  /** Ask the user (MCP elicitation) before destructive actions when the client can. Default true. */
  readonly confirmDestructive: boolean;
  /** When set, local paths (app_path) must lie inside one of these absolute directories. */
  readonly allowedRoots?: readonly string[];
  /**
   * Why this call's policy is narrower than the assistant's (set by {@link narrowPolicy}, e.g. an access token without
   * the write scope): `write` / `sensitive` say why that permission was withdrawn for this caller.
   */
  readonly narrowedFor?: { readonly write?: string; readonly sensitive?: string };
}

/** Per-call limits on the assistant's policy (e.g. from an OAuth token's scopes); they can only take away. */
export interface PolicyLimits {
  /** false withdraws writes for this call. */
  readonly allowWrite?: boolean;
  /** false withdraws sensitive data (results are redacted) for this call. */
  readonly allowSensitiveData?: boolean;
  /** Why, in words a caller can act on (e.g. "the access token has no ecs:write scope"). */
  readonly reason: string;
}

/** The policy of one call under `limits`: each permission is the assistant's AND the limit's; never wider. */
export const narrowPolicy = (policy: Policy, limits: PolicyLimits): Policy => {
  const write = policy.allowWrite && limits.allowWrite === false ? limits.reason : undefined;
  const sensitive = policy.allowSensitiveData && limits.allowSensitiveData === false ? limits.reason : undefined;
  if (!write && !sensitive) return policy;
  return Object.freeze({
    ...policy,
    allowWrite: write ? false : policy.allowWrite,
    allowSensitiveData: sensitive ? false : policy.allowSensitiveData,
    narrowedFor: Object.freeze({ ...(write ? { write } : {}), ...(sensitive ? { sensitive } : {}) }),
  });
};

/** How hints name the policy switches: by their Policy field, as code sets them. */
const FLAG_NAMES = {
  allowWrite: "policy.allowWrite = true",
  allowSensitiveData: "policy.allowSensitiveData = true",
} as const;

/** The default policy: read-only, no sensitive data, confirm destructive actions. */
export const DEFAULT_POLICY: Policy = Object.freeze({
  allowWrite: false,
  allowSensitiveData: false,
  confirmDestructive: true,
});

/** Builds a frozen policy from partial settings (unset fields take the safe defaults). */
export const createPolicy = (settings: Partial<Policy> = {}): Policy => {
  const freezeList = (l?: readonly string[]) => (l ? Object.freeze([...l]) : undefined);
  const policy: Policy = {
    ...DEFAULT_POLICY,
    ...settings,
    allowOperations: freezeList(settings.allowOperations),
    denyOperations: freezeList(settings.denyOperations),
    allowedRoots: freezeList(settings.allowedRoots),
  };
  for (const k of Object.keys(policy) as (keyof Policy)[]) if (policy[k] === undefined) delete policy[k];
  return Object.freeze(policy);
};

/** What a gate check needs to know about the call. */
export interface AccessRequest {
  /** Tool or operation name, as the policy lists would name it. */
  readonly name: string;
  /** Other names the lists may use for the same call (e.g. `ecs:ListClusters` for `ListClusters`). */
  readonly aliases?: readonly string[];
  readonly access: Access;
  /** Whether the call needs allowSensitiveData outright (not merely redacted without it). */
  readonly requiresSensitive?: boolean;
}

/**
 * The single place where policy gates are enforced: deny list, allow list, write gate, sensitive gate.
 * Every tool call and every `ecs_resource_management` operation passes through here.
 */
export const checkAccess = (policy: Policy, req: AccessRequest): Result<void, EcsError> => {
  // Case-insensitive: `--deny deleteservice` must deny DeleteService, not silently nothing.
  const names = [req.name, ...(req.aliases ?? [])].map((n) => n.toLowerCase());
  const listed = (list?: readonly string[]) => list?.some((n) => names.includes(n.toLowerCase())) ?? false;
  if (listed(policy.denyOperations)) {
    return err(
      ecsError("policy_denied", {
        gate: "operation",
        message: `${req.name} is on the policy's deny list.`,
        hint: "Remove it from policy.denyOperations if it should run.",
      }),
    );
  }
  if (policy.allowOperations && !listed(policy.allowOperations)) {
    return err(
      ecsError("policy_denied", {
        gate: "operation",
        message: `${req.name} is not on the policy's allow list.`,
        hint: `Add ${req.name} to policy.allowOperations or remove the allow list.`,
      }),
    );
  }
  if (req.access !== "read" && !policy.allowWrite && policy.narrowedFor?.write) {
    return err(
      ecsError("policy_denied", {
        gate: "write",
        message: `${req.name} ${req.access === "destructive" ? "deletes or stops resources" : "changes resources"} and writes are not allowed for this caller.`,
        hint: `Writes are withdrawn for this call: ${policy.narrowedFor.write}.`,
      }),
    );
  }
  if (req.access !== "read" && !policy.allowWrite) {
    const flag = FLAG_NAMES.allowWrite;
    return err(
      ecsError("policy_denied", {
        gate: "write",
        flag,
        message: `${req.name} ${req.access === "destructive" ? "deletes or stops resources" : "changes resources"} and writes are disabled.`,
        hint: `Set ${flag} to enable write operations, aware that the assistant can then change your AWS account and write files in your app folders. Meanwhile ecs-assistant's own write tools take dry_run: true to show what a call would do without doing it.`,
      }),
    );
  }
  if (req.requiresSensitive && !policy.allowSensitiveData && policy.narrowedFor?.sensitive) {
    return err(
      ecsError("policy_denied", {
        gate: "sensitive",
        message: `${req.name} returns data that may hold secrets, which this caller may not see.`,
        hint: `Sensitive data is withdrawn for this call: ${policy.narrowedFor.sensitive}.`,
      }),
    );
  }
  if (req.requiresSensitive && !policy.allowSensitiveData) {
    const flag = FLAG_NAMES.allowSensitiveData;
    return err(
      ecsError("policy_denied", {
        gate: "sensitive",
        flag,
        message: `${req.name} returns data that may hold secrets and sensitive data is disabled.`,
        hint: `Set ${flag} to allow it, aware that logs and environment values may then reach the model.`,
      }),
    );
  }
  return ok(undefined);
};

/** The flag a hint should name for sensitive data (for redaction notices). */
export const sensitiveFlagName = (): string => FLAG_NAMES.allowSensitiveData;
