// The audit record of one write the assistant performed (or was asked to perform), and the sink that stores it.
import type { Access } from "../policy.ts";

/** One AWS call made while a write ran: enough to find it in CloudTrail. */
export interface AuditAwsCall {
  readonly service: string;
  readonly operation: string;
  readonly ok: boolean;
  /** `x-amzn-RequestId` of the call, when AWS answered. */
  readonly requestId?: string;
  /** AWS error code (or error kind) when the call failed. */
  readonly code?: string;
}

/** One JSON line of the audit log. Parameters are redacted before they get here. */
export interface AuditEntry {
  /** ISO time the call finished. */
  readonly time: string;
  readonly tool: string;
  /** The operation the policy saw (tool name, or the AWS operation for ecs_resource_management). */
  readonly operation: string;
  readonly access: Exclude<Access, "read">;
  /** Input with secret-looking values replaced by [REDACTED]. */
  readonly parameters: unknown;
  /** ok: the tool succeeded; error: it failed (maybe after changing something); declined: the user said no. */
  readonly status: "ok" | "error" | "declined";
  readonly error?: { readonly kind: string; readonly code?: string; readonly message: string };
  readonly aws_calls: readonly AuditAwsCall[];
  /** Request ids of every AWS call, for CloudTrail lookups. */
  readonly request_ids: readonly string[];
  readonly duration_ms: number;
  /** Who called, when the host authenticated the caller (OAuth `sub`, `email`, client id). */
  readonly caller?: { readonly sub: string; readonly email?: string; readonly client_id?: string };
}

/**
 * Receives audit entries. Called once per write, after it finished; must not throw (the registry guards it anyway)
 * and should persist the entry before returning, so that a crash right after loses nothing.
 */
export type AuditSink = (entry: AuditEntry) => void;
