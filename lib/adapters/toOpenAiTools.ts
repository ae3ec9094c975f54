// OpenAI adapter: the registry's tools as function-calling tool specs (Chat Completions and Responses API shapes).
import type { ToolSpec } from "../registry.ts";
import type { AdapterOptions, AgentAssistant } from "./agentCall.ts";

/** A Chat Completions tool (`ChatCompletionFunctionTool` in the `openai` package). */
export interface OpenAiChatTool {
  readonly type: "function";
  readonly function: {
    readonly name: string;
    readonly description: string;
    readonly parameters: Record<string, unknown>;
    readonly strict: false;
  };
}

/** A Responses API tool (`FunctionTool` in the `openai` package). */
export interface OpenAiResponsesTool {
  readonly type: "function";
  readonly name: string;
  readonly description: string;
  readonly parameters: Record<string, unknown>;
  readonly strict: false;
}

/**
 * `parameters` must be an object schema. `strict` is false because strict mode demands every property be
 * required and closed, which would make the model invent values for our optional parameters.
 */
const parametersOf = (spec: ToolSpec): Record<string, unknown> =>
  spec.inputSchema.type === "object" ? spec.inputSchema : { type: "object", properties: {} };

/** Tool specs for `openai.chat.completions.create({ tools })`; run the model's calls with `runOpenAiToolCalls`. */
export const toOpenAiTools = (assistant: AgentAssistant, options: AdapterOptions = {}): OpenAiChatTool[] =>
  assistant.listTools(options.filter).map((spec) => ({
    type: "function",
    function: { name: spec.name, description: spec.description, parameters: parametersOf(spec), strict: false },
  }));

/** Tool specs for `openai.responses.create({ tools })`; run the model's calls with `runOpenAiFunctionCalls`. */
export const toOpenAiResponsesTools = (
  assistant: AgentAssistant,
  options: AdapterOptions = {},
): OpenAiResponsesTool[] =>
  assistant.listTools(options.filter).map((spec) => ({
    type: "function",
    name: spec.name,
    description: spec.description,
    parameters: parametersOf(spec),
    strict: false,
  }));
