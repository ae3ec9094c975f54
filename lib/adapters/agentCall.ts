// Runs one tool on behalf of an agent framework: the registry's validation, policy and redaction, errors as readable data.
import type { EcsAssistant, InvokeOptions } from "../assistant.ts";
import { type EcsError, publicError } from "../errors.ts";
import type { ToolFilter } from "../registry.ts";
import type { Progress } from "../tool.ts";

/** The part of an assistant the adapters use, so a test or a wrapper can stand in for it. */
export type AgentAssistant = Pick<EcsAssistant, "listTools" | "callTool">;

/** Options shared by every framework adapter. */
export interface AdapterOptions {
  /** Which tools to hand over, e.g. `{ readOnly: true }` or `{ names: ["ecs_troubleshooting_tool"] }`. */
  readonly filter?: ToolFilter;
  /** Progress of long calls (build, push, stack waits), with the tool's name. */
  readonly onProgress?: (tool: string, progress: Progress) => void;
}

/**
 * What the model sees when a call fails: the error's kind, message and hint, so it can correct itself
 * (frameworks would otherwise show a bare exception, or abort the agent loop).
 */
export interface AgentToolError {
  readonly status: "error";
  readonly error: EcsError;
}

/** Calls `name` through the assistant (never throws); resolves to the tool's value or an {@link AgentToolError}. */
export const agentCall = async (
  assistant: AgentAssistant,
  name: string,
  args: unknown,
  options: AdapterOptions & { readonly signal?: AbortSignal } = {},
): Promise<unknown> => {
  const invoke: InvokeOptions = {
    signal: options.signal,
    onProgress: options.onProgress ? (p) => options.onProgress?.(name, p) : undefined,
  };
  const result = await assistant.callTool(name, args, invoke);
  return result.match(
    (r) => r.value,
    (e): AgentToolError => ({ status: "error", error: publicError(e) }),
  );
};

/** True when an adapter's result is an {@link AgentToolError}. */
export const isAgentToolError = (value: unknown): value is AgentToolError =>
  typeof value === "object" && value !== null && (value as { status?: unknown }).status === "error" && "error" in value;
