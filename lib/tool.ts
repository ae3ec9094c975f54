// ToolDescriptor: a tool as plain data (name, schemas, annotations, gate) plus the function that runs it.
import type { Result, ResultAsync } from "neverthrow";
import type * as v from "valibot";
import type { AwsCall } from "./aws/call.ts";
import type { EcsError } from "./errors.ts";
import type { ExpressSettings } from "./expressmode/options.ts";
import type { Logger } from "./log.ts";
import type { Access, AccessRequest, FlagNaming, Policy } from "./policy.ts";
import type { RemoteMcp } from "./remote/remoteMcp.ts";

/** MCP tool annotations (hints for clients; the policy is what enforces). */
export interface ToolAnnotations {
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

/** Gate of a tool: read tools always run; write tools need allowWrite; sensitive tools get redacted output without allowSensitiveData. */
export type ToolGate = "read" | "write" | "sensitive";

/** Progress of a long call (build, push, stack wait, service wait). */
export interface Progress {
  readonly progress: number;
  readonly total?: number;
  readonly message: string;
}

/** What a running tool may use. Built per call by the assistant. */
export interface ToolContext {
  readonly aws: AwsCall;
  readonly policy: Policy;
  readonly naming: FlagNaming;
  readonly log: Logger;
  readonly signal?: AbortSignal;
  /** Reports progress (MCP progress notifications, CLI stderr). */
  readonly progress: (p: Progress) => void;
  /** Asks the user to confirm a destructive action; undefined when nobody can be asked. */
  readonly confirm?: (message: string) => Promise<boolean>;
  /** Container runtime and polling settings of the Express Mode pipeline. */
  readonly express?: ExpressSettings;
  /** The AWS Knowledge MCP client, when the docs proxy is enabled (used by the aws_knowledge_* tools). */
  readonly knowledge?: Pick<RemoteMcp, "callTool">;
}

/** Per-call refinement of the gate, for tools whose access depends on the input (e.g. the AWS operation). */
export interface CallAccess extends AccessRequest {
  /** Whether the output can hold secrets (then it is redacted unless allowSensitiveData). */
  readonly sensitive: boolean;
}

/** One tool: everything a registry, an MCP server or another agent framework needs. */
export interface ToolDescriptor<I = unknown, O = unknown> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: v.GenericSchema<unknown, I>;
  /** Optional output schema (JSON Schema is generated from it for MCP `outputSchema`). */
  readonly output?: v.GenericSchema<unknown, O>;
  readonly annotations: ToolAnnotations;
  readonly gate: ToolGate;
  /** Access of this particular call; default derives from `gate`. */
  readonly access?: (input: I) => Result<CallAccess, EcsError>;
  /**
   * Cheap read-only checks of a write before it is confirmed and sent (the target is an Express-managed service, a
   * name is taken…). The registry runs it with read-only AWS access after validation and the policy check, before
   * asking for confirmation; an error stops the call. Dry runs do not call it: tools report such findings in their plan.
   */
  readonly preflight?: (input: I, ctx: ToolContext) => ResultAsync<void, EcsError>;
  /** Does the work; called by the registry only after validation and the policy check. Never throws. */
  readonly run: (input: I, ctx: ToolContext) => ResultAsync<O, EcsError>;
}

/** Annotation presets. */
export const READ_ONLY: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
};
export const WRITES: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: true,
};
export const DESTRUCTIVE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: true,
};

/** Access of a call when the descriptor has no `access` function. */
// biome-ignore lint/suspicious/noExplicitAny: any descriptor
export const defaultAccess = (tool: ToolDescriptor<any, unknown>): CallAccess => {
  const access: Access = tool.annotations.destructiveHint ? "destructive" : tool.gate === "write" ? "write" : "read";
  return { name: tool.name, access, sensitive: tool.gate === "sensitive" };
};

/** Identity helper that keeps the descriptor's input type (use with `satisfies`-free literals). */
export const defineTool = <I, O>(tool: ToolDescriptor<I, O>): ToolDescriptor<I, O> => tool;
