// Runs the tool calls an OpenAI model asked for (Chat Completions or Responses API) and builds the reply messages.
import { publicError } from "../errors.ts";
import { type AdapterOptions, type AgentAssistant, agentCall } from "./agentCall.ts";

/** A tool call from a Chat Completions response (`message.tool_calls[i]`). */
export interface OpenAiToolCall {
  readonly id: string;
  readonly type?: string;
  readonly function: { readonly name: string; readonly arguments: string };
}

/** A function call item from a Responses API output (`response.output[i]` with `type: "function_call"`). */
export interface OpenAiFunctionCall {
  readonly type: "function_call";
  readonly call_id: string;
  readonly name: string;
  readonly arguments: string;
}

/** Arguments arrive as a JSON string written by the model; bad JSON becomes a validation error it can fix. */
const run = async (
  assistant: AgentAssistant,
  name: string,
  json: string,
  options: AdapterOptions & { readonly signal?: AbortSignal },
): Promise<string> => {
  let args: unknown;
  try {
    args = json.trim() === "" ? {} : JSON.parse(json);
  } catch (e) {
    const error = {
      kind: "validation",
      message: `Arguments of ${name} are not valid JSON: ${(e as Error).message}`,
      hint: "Send the arguments as one JSON object.",
      issues: [],
    } as const;
    return JSON.stringify({ status: "error", error: publicError(error) });
  }
  return JSON.stringify(await agentCall(assistant, name, args, options));
};

/**
 * Runs a Chat Completions message's `tool_calls` in parallel (through the assistant's policy) and returns the
 * `{role:"tool"}` messages to append before the next request. Failures come back as error JSON, never as throws.
 */
export const runOpenAiToolCalls = (
  assistant: AgentAssistant,
  calls: readonly OpenAiToolCall[],
  options: AdapterOptions & { readonly signal?: AbortSignal } = {},
): Promise<{ role: "tool"; tool_call_id: string; content: string }[]> =>
  Promise.all(
    calls.map(async (c) => ({
      role: "tool" as const,
      tool_call_id: c.id,
      content: await run(assistant, c.function.name, c.function.arguments, options),
    })),
  );

/** Same for the Responses API: `function_call` items in, `function_call_output` items (for `input`) out. */
export const runOpenAiFunctionCalls = (
  assistant: AgentAssistant,
  calls: readonly OpenAiFunctionCall[],
  options: AdapterOptions & { readonly signal?: AbortSignal } = {},
): Promise<{ type: "function_call_output"; call_id: string; output: string }[]> =>
  Promise.all(
    calls.map(async (c) => ({
      type: "function_call_output" as const,
      call_id: c.call_id,
      output: await run(assistant, c.name, c.arguments, options),
    })),
  );
