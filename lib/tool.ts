// A tool as one declared value: name, schemas, access, sensitivity, dry-run, IAM actions and the function that runs it.
import type { Result, ResultAsync } from "neverthrow";
import type * as v from "valibot";
import type { AwsCall } from "./aws/call.ts";
import type { EcsError } from "./errors.ts";
import type { ExpressSettings } from "./expressmode/options.ts";
import type { Logger } from "./log.ts";
import type { Access, AccessRequest, Policy } from "./policy.ts";
import type { RemoteMcp } from "./remote/remoteMcp.ts";

/** MCP tool annotations (hints for clients; the policy is what enforces). Derived from the declaration. */
export interface ToolAnnotations {
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

/** Gate of a tool as listings show it: read tools always run; write tools need allowWrite. Derived from `access`. */
export type ToolGate = "read" | "write" | "sensitive";

/** Progress of a long call (build, push, stack wait, service wait). */
export interface Progress {
  readonly progress: number;
  readonly total?: number;
  readonly message: string;
}

/** The identity of a caller, as an authenticated host (e.g. the HTTP server with OAuth) knows it. */
export interface Caller {
  /** Stable subject id (the token's `sub`). */
  readonly subject: string;
  readonly email?: string;
  /** The OAuth client the token was issued to, when known. */
  readonly clientId?: string;
}

/**
 * Work started earlier, looked at once: still under way (what it waits for), or finished with the value the tool
 * returns. What a task's status check answers on any replica.
 */
export type WorkStatus<O = unknown> =
  | { readonly done: false; readonly message: string; readonly progress?: number; readonly total?: number }
  | { readonly done: true; readonly value: O };

/** What a running tool may use. Built per call by the assistant. */
export interface ToolContext {
  /** AWS calls of this tool call: they carry the call's abort signal (the registry binds it); never pass one by hand. */
  readonly aws: AwsCall;
  readonly policy: Policy;
  /** The region the assistant's AWS calls go to, when configured (ARNs without a region are judged against it). */
  readonly region?: string;
  readonly log: Logger;
  /** The call's abort signal, for what is not an AWS call: sleeps, child processes, the remote MCP servers. */
  readonly signal?: AbortSignal;
  /** Reports progress (MCP progress notifications, CLI stderr). */
  readonly progress: (p: Progress) => void;
  /** Asks the user to confirm a destructive action; undefined when nobody can be asked. */
  readonly confirm?: (message: string) => Promise<boolean>;
  /** Container runtime and polling settings of the Express Mode pipeline. */
  readonly express?: ExpressSettings;
  /** The AWS Knowledge MCP client, when the docs proxy is enabled (used by the aws_knowledge_* tools). */
  readonly knowledge?: Pick<RemoteMcp, "callTool">;
  /** Who is calling, when the host knows (an OAuth token's subject); recorded in audit entries. */
  readonly caller?: Caller;
}

/** The policy view of one call: what it does and whether its result can hold secrets. */
export interface CallAccess extends AccessRequest {
  /** Whether the output can hold secrets (then it is redacted unless allowSensitiveData). */
  readonly sensitive: boolean;
}

/** Access decided per call from the validated input (e.g. by the AWS operation it names). */
export interface PerCallAccess<I> {
  /** The most any call can do: annotations and listings use it. */
  readonly upTo: Access;
  /** The access of the call with this validated input. */
  readonly of: (input: I) => Result<CallAccess, EcsError>;
}

/**
 * IAM actions (`service:Action`) a tool's AWS calls need, by the policy level that needs them: `read` always,
 * `sensitive` only for results that need allowSensitiveData, `write` only with allowWrite. A dry run may call only
 * `read` and `sensitive` actions. Actions made by other programs on the tool's behalf (docker push) count too.
 */
export interface IamActions {
  readonly read: readonly string[];
  readonly sensitive?: readonly string[];
  readonly write?: readonly string[];
}

/** One tool: everything a registry, an MCP server or another agent framework needs. Build it with `defineTool`. */
export interface ToolDescriptor<I = unknown, O = unknown, N extends string = string> {
  readonly name: N;
  readonly title: string;
  readonly description: string;
  readonly input: v.GenericSchema<unknown, I>;
  /** Output schema: MCP `outputSchema` and the typed result of the assistant's method. */
  readonly output: v.GenericSchema<O, O>;
  /** What the tool does to the account: a fixed class or decided per call. The only place access is described. */
  readonly access: Access | PerCallAccess<I>;
  /** Whether results can hold secrets (redacted unless allowSensitiveData); per-call access may refine it. */
  readonly sensitive: boolean;
  /** Whether `dry_run: true` in the input plans without changing anything (then it passes the write gate). */
  readonly dryRun: boolean;
  /** Whether repeating a call with the same input has no further effect (MCP idempotentHint). */
  readonly idempotent: boolean;
  /** Whether the tool touches only local files (no AWS, no network): MCP openWorldHint false. */
  readonly localOnly: boolean;
  readonly iamActions: IamActions;
  /** Other names the policy's allow/deny lists may use for the tool. */
  readonly aliases?: readonly string[];
  /** Results are another MCP server's content passed through (MCP sends its content and structured result as is). */
  readonly proxied?: boolean;
  /**
   * The MCP `structuredContent` when it is not the value itself: a proxied tool passes the remote's structured result
   * through. MCP lists this as the tool's `outputSchema` (the remote's own, once it lists one); default `output`.
   */
  readonly structuredOutput?: v.GenericSchema;
  /**
   * Cheap read-only checks of a write before it is confirmed and sent (the target is an Express-managed service, a
   * name is taken…). The registry runs it with read-only AWS access after validation and the policy check, before
   * asking for confirmation; an error stops the call. Dry runs do not call it: tools report such findings in their plan.
   */
  readonly preflight?: (input: I, ctx: ToolContext) => ResultAsync<void, EcsError>;
  /** Example inputs: run by the IAM-coverage test over the fake AWS (and fine to show to users). */
  readonly examples?: readonly unknown[];
  /** Method name on EcsAssistant (default: the tool name in camelCase). */
  readonly method?: string;
  /**
   * One read-only look, from AWS alone, at the work a call with this input started at `startedAt` (ms since the
   * epoch): lets any process (a replica without the caller's earlier state) report its status and final result.
   * Only for tools whose work lives in AWS; the registry runs it with read-only AWS access.
   */
  readonly status?: (input: I, ctx: ToolContext, startedAt: number) => ResultAsync<WorkStatus<O>, EcsError>;
  /** Does the work; called by the registry only after validation and the policy check. Never throws. */
  readonly run: (input: I, ctx: ToolContext) => ResultAsync<O, EcsError>;
}
