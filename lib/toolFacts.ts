// Facts derived from a tool's declaration (annotations, gate, per-call access, dry run): no other code re-derives them.
import { ok, type Result } from "neverthrow";
import type { EcsError } from "./errors.ts";
import type { Access } from "./policy.ts";
import type { CallAccess, ToolAnnotations, ToolDescriptor, ToolGate } from "./tool.ts";

// biome-ignore lint/suspicious/noExplicitAny: any descriptor
type Any = ToolDescriptor<any, any>;

/** The most a call of the tool can do. */
export const maxAccess = (t: Any): Access => (typeof t.access === "string" ? t.access : t.access.upTo);

/** MCP annotations: hints derived from the declared access (the policy is what enforces). */
export const annotationsOf = (t: Any): ToolAnnotations => ({
  readOnlyHint: maxAccess(t) === "read",
  destructiveHint: maxAccess(t) === "destructive",
  idempotentHint: t.idempotent,
  openWorldHint: !t.localOnly,
});

/** The gate listings show: writes need allowWrite; per-call tools list as read (their reads always run). */
export const gateOf = (t: Any): ToolGate => (typeof t.access === "string" && t.access !== "read" ? "write" : "read");

/** How listings describe access: a fixed class, or `per_call` when the input decides whether it writes. */
export const accessLabel = (t: Any): Access | "per_call" =>
  typeof t.access === "string" || t.access.upTo === "read" ? maxAccess(t) : "per_call";

/** The policy view of one call of the tool, from its declaration. */
export const callAccessOf = (t: Any, input: unknown): Result<CallAccess, EcsError> =>
  typeof t.access === "string"
    ? ok({ name: t.name, ...(t.aliases ? { aliases: t.aliases } : {}), access: t.access, sensitive: t.sensitive })
    : t.access.of(input);

/**
 * Whether validated input asks for a plan only. Only tools that declare `dryRun` plan: a free-form input (a proxied
 * remote tool) passes `dry_run` through to a handler that may ignore it and act.
 */
export const plansOnly = (t: Any, input: unknown): boolean =>
  t.dryRun && Boolean(input && typeof input === "object" && (input as { dry_run?: unknown }).dry_run === true);

/** IAM actions a dry run of the tool may call (its declared read and sensitive-read actions). */
export const readActionsOf = (t: Any): ReadonlySet<string> =>
  new Set([...t.iamActions.read, ...(t.iamActions.sensitive ?? [])].map((a) => a.toLowerCase()));
