// createEcsAssistant: wires options, policy, lazy AWS clients and the tool registry into one object.
import type { ResultAsync } from "neverthrow";
import type { AuditSink } from "./audit/auditEntry.ts";
import { type CallObserver, createAwsCall, type RawAwsCall } from "./aws/call.ts";
import { type AwsOptions, createClientFactory } from "./aws/clients.ts";
import type { ServiceName } from "./aws/services.ts";
import type { EcsError } from "./errors.ts";
import type { ContainerOptions, PollingOptions } from "./expressmode/options.ts";
import { type Logger, silentLogger } from "./log.ts";
import { createPolicy, narrowPolicy, type Policy, type PolicyLimits } from "./policy.ts";
import {
  type AnyTool,
  type CallResult,
  checkWork,
  findTool,
  invokeTool,
  selectTools,
  type ToolFilter,
  type ToolSpec,
  toolSpecs,
} from "./registry.ts";
import { createRemoteBridges } from "./remote/createRemoteBridges.ts";
import type { HostedOptions, KnowledgeOptions } from "./remote/options.ts";
import type { Caller, Progress, ToolContext, WorkStatus } from "./tool.ts";
import { methodNameOf, type ToolMethods } from "./toolMethods.ts";
import { ALL_TOOLS } from "./tools.ts";
import { VERSION } from "./version.ts";

/** Everything the assistant needs; all optional. */
export interface EcsAssistantOptions {
  /** Permissions; default read-only without sensitive data. A plain object is frozen into a Policy. */
  readonly policy?: Partial<Policy>;
  readonly aws?: AwsOptions;
  readonly logger?: Logger;
  /** Restrict the tools this assistant offers. */
  readonly tools?: ToolFilter;
  /** Called after every AWS call (metrics). */
  readonly onAwsCall?: CallObserver;
  /** Container runtime for build/push (runtime, child environment, platform); the library never reads the environment itself. */
  readonly container?: ContainerOptions;
  /** Poll intervals and bounds of the Express Mode waits. */
  readonly polling?: PollingOptions;
  /** Receives one entry per write the assistant performs (e.g. `createFileAuditSink(path)`); none by default. */
  readonly audit?: AuditSink;
  /** The AWS Knowledge docs proxy (remote MCP server): URL, timeouts, or `enabled: false` to hide its tools. */
  readonly knowledge?: KnowledgeOptions;
  /** Opt-in bridge to the AWS-managed ECS MCP server (SigV4); its tools appear as `hosted_<name>` once it answers. */
  readonly hosted?: HostedOptions;
}

/** Per-call options. */
export interface InvokeOptions {
  readonly signal?: AbortSignal;
  /** Progress of long steps (build, push, stack and service waits); the server turns it into MCP notifications. */
  readonly onProgress?: (p: Progress) => void;
  /** Asks the user to confirm destructive actions (MCP elicitation); omit when nobody can be asked. */
  readonly confirm?: (message: string) => Promise<boolean>;
  /** Narrows the assistant's policy for this call only (e.g. an OAuth token without the write scope); never widens it. */
  readonly limits?: PolicyLimits;
  /** Who is calling (e.g. the token's `sub` and `email`), recorded in audit entries. */
  readonly caller?: Caller;
  /**
   * Called once the call passed validation, the policy and the confirmation and its work starts (not for dry runs):
   * a host can then hand back a task handle instead of waiting for the result.
   */
  readonly onStart?: () => void;
}

/**
 * The assistant: one typed method per tool (`deployApp`, `ecsTroubleshootingTool`, ...: see {@link ToolMethods};
 * inputs and results from the tools' schemas) plus a generic tool registry. Nothing here throws.
 */
export type EcsAssistant = EcsAssistantCore & ToolMethods;

/** The part of {@link EcsAssistant} that is not one method per tool. */
export interface EcsAssistantCore {
  readonly policy: Policy;
  readonly version: string;
  /** The descriptors this assistant offers (after the tools filter). */
  readonly tools: readonly AnyTool[];
  /** Tool specs with JSON Schema inputs, for MCP or other agent frameworks. */
  listTools(filter?: ToolFilter): ToolSpec[];
  /** Validates, gates and runs a tool by name. */
  callTool(name: string, args: unknown, options?: InvokeOptions): ResultAsync<CallResult, EcsError>;
  /**
   * One read-only look, from AWS alone, at the work `callTool(name, args)` started at `startedAt` (ms since the
   * epoch): still under way, or finished with the value the call returns. Any process can answer it.
   */
  checkTool(name: string, args: unknown, startedAt: number, options?: InvokeOptions): ResultAsync<WorkStatus, EcsError>;
  /** Whether `checkTool` can answer for this tool (its work lives in AWS, not in the process running it). */
  checkable(name: string): boolean;
  /** Called when listTools() may have changed (a remote server answered or changed its tools). Returns unsubscribe. */
  onToolsChanged(listener: () => void): () => void;
  /** The raw typed AWS call, for scripts that need an operation the tools do not wrap (pass `{ signal }` to cancel). */
  readonly aws: RawAwsCall;
  /** AWS services whose SDK client has been created so far. */
  loadedServices(): ServiceName[];
  /** Releases the AWS clients' sockets. */
  close(): void;
}

/** Creates an assistant. Cheap: no AWS SDK module is loaded until the first call that needs it. */
export const createEcsAssistant = (options: EcsAssistantOptions = {}): EcsAssistant => {
  const policy = createPolicy(options.policy);
  const log = options.logger ?? silentLogger;
  const awsOptions = options.aws ?? {};
  const clients = createClientFactory(awsOptions, VERSION);
  const aws = createAwsCall(clients, {
    region: awsOptions.region,
    profile: awsOptions.profile,
    observe: options.onAwsCall,
    maxConcurrency: awsOptions.maxConcurrency,
  });
  const remote = createRemoteBridges({ knowledge: options.knowledge, hosted: options.hosted, aws: awsOptions, log });
  const tools = remote.offered(selectTools(ALL_TOOLS, options.tools));
  const withHosted = () => [...tools, ...selectTools(remote.hostedTools(), options.tools)];

  const context = (o: InvokeOptions = {}): ToolContext => ({
    aws,
    policy: o.limits ? narrowPolicy(policy, o.limits) : policy,
    ...(awsOptions.region ? { region: awsOptions.region } : {}),
    ...(o.caller ? { caller: o.caller } : {}),
    log,
    signal: o.signal,
    progress: o.onProgress ?? (() => {}),
    confirm: o.confirm,
    express: { container: options.container, polling: options.polling },
    knowledge: remote.knowledge,
  });
  const callTool = (name: string, args: unknown, o?: InvokeOptions) =>
    findTool(withHosted(), name).andThen((tool) =>
      invokeTool(tool, args, context(o), { audit: options.audit, ...(o?.onStart ? { onStart: o.onStart } : {}) }),
    );
  const checkTool = (name: string, args: unknown, startedAt: number, o?: InvokeOptions) =>
    findTool(withHosted(), name).andThen((tool) => checkWork(tool, args, context(o), startedAt));
  const methods = Object.fromEntries(
    ALL_TOOLS.map((t) => [
      methodNameOf(t),
      (input: unknown, o?: InvokeOptions) => callTool(t.name, input, o).map((r) => r.value),
    ]),
  ) as unknown as ToolMethods;

  return Object.freeze({
    ...methods,
    policy,
    version: VERSION,
    tools,
    listTools: (filter?: ToolFilter) => remote.overlay(toolSpecs(selectTools(withHosted(), filter))),
    callTool,
    checkTool,
    checkable: (name: string) => tools.some((t) => t.name === name && t.status !== undefined),
    onToolsChanged: remote.onToolsChanged,
    aws,
    loadedServices: () => clients.loaded(),
    close: () => {
      clients.destroy();
      void remote.close();
    },
  });
};
