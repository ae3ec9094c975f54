// LangChain.js adapter: the registry's tools built with LangChain's own `tool()` factory (passed in, so no runtime dependency).
import { type AdapterOptions, type AgentAssistant, agentCall } from "./agentCall.ts";

/** The fields LangChain's `tool(func, fields)` needs; `schema` is JSON Schema, which LangChain validates itself. */
export interface LangChainToolFields {
  readonly name: string;
  readonly description: string;
  readonly schema: Record<string, unknown>;
}

/** What LangChain passes as the second argument of a tool function (the parts we use). */
export interface LangChainToolConfig {
  readonly signal?: AbortSignal;
}

/**
 * `tool` from `@langchain/core/tools`, or anything with its shape. Taking the factory as an argument keeps
 * `@langchain/core` out of our dependencies and gives you tools of the exact LangChain version you run.
 */
export type LangChainToolFactory<T> = (
  func: (input: Record<string, unknown>, config?: LangChainToolConfig) => Promise<string>,
  fields: LangChainToolFields,
) => T;

/**
 * The tools as LangChain structured tools: `toLangChainTools(assistant, tool)` with `import { tool } from
 * "@langchain/core/tools"`, ready for `model.bindTools(...)` or an agent. Each returns JSON text (the tool's
 * value, or `{status:"error", error}` with a hint), which becomes the ToolMessage content.
 */
export const toLangChainTools = <T>(
  assistant: AgentAssistant,
  tool: LangChainToolFactory<T>,
  options: AdapterOptions = {},
): T[] =>
  assistant
    .listTools(options.filter)
    .map((spec) =>
      tool(
        async (input, config) =>
          JSON.stringify(await agentCall(assistant, spec.name, input, { ...options, signal: config?.signal })),
        { name: spec.name, description: spec.description, schema: spec.inputSchema },
      ),
    );
