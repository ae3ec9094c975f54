// Vercel AI SDK adapter: the registry's tools as an AI SDK `ToolSet`, without a runtime dependency on the `ai` package.
import type { ToolSpec } from "../registry.ts";
import { type AdapterOptions, type AgentAssistant, agentCall } from "./agentCall.ts";

/**
 * A Standard Schema (validation) that is also a Standard JSON Schema (conversion): the interface the AI SDK
 * reads through `asSchema`, so our JSON Schema reaches the model unchanged and inputs are checked before `execute`.
 */
export interface StandardJsonInputSchema {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    /** Accepts any JSON object; the registry validates in detail when the tool runs. */
    readonly validate: (
      value: unknown,
    ) =>
      | { readonly value: Record<string, unknown>; readonly issues?: undefined }
      | { readonly issues: readonly { readonly message: string; readonly path?: readonly PropertyKey[] }[] };
    readonly jsonSchema: {
      /** The tool's input JSON Schema (draft-07 or draft-2020-12 requested). */
      readonly input: (options: { readonly target: string }) => Record<string, unknown>;
      /** Same as `input` (tools take their input unchanged). */
      readonly output: (options: { readonly target: string }) => Record<string, unknown>;
    };
  };
}

/** One tool in the AI SDK's shape (assignable to its `Tool`; pass the record as `tools` to `generateText`). */
export interface AiSdkTool {
  readonly description: string;
  /** Not sent to the model; the AI SDK copies it onto tool-call parts (where the tool came from, its gate). */
  readonly metadata: { readonly source: "ecs-assistant"; readonly title: string; readonly gate: string };
  readonly inputSchema: StandardJsonInputSchema;
  /** Runs the tool through the assistant; resolves to its value or an `AgentToolError`. */
  readonly execute: (
    input: Record<string, unknown>,
    options: { readonly abortSignal?: AbortSignal },
  ) => Promise<unknown>;
}

const TARGETS = new Set(["draft-07", "draft-2020-12"]);

/** JSON objects pass; the registry does the real validation (with paths and did-you-mean) inside `execute`. */
const inputSchemaOf = (spec: ToolSpec): StandardJsonInputSchema => {
  const schema = (options: { readonly target: string }) => {
    if (!TARGETS.has(options.target))
      throw new Error(`ecs-assistant: JSON Schema target ${options.target} unsupported`);
    return spec.inputSchema;
  };
  return {
    "~standard": {
      version: 1,
      vendor: "ecs-assistant",
      validate: (value) =>
        typeof value === "object" && value !== null && !Array.isArray(value)
          ? { value: value as Record<string, unknown> }
          : { issues: [{ message: `${spec.name} expects a JSON object of arguments` }] },
      jsonSchema: { input: schema, output: schema },
    },
  };
};

/**
 * The tools as a Vercel AI SDK `ToolSet`: `generateText({ model, tools: toAiSdkTools(assistant) })`.
 * Calls go through the assistant, so its policy applies; a failed call returns `{status:"error", error}`
 * to the model (kind, message, hint) instead of ending the agent loop.
 */
export const toAiSdkTools = (assistant: AgentAssistant, options: AdapterOptions = {}): Record<string, AiSdkTool> =>
  Object.fromEntries(
    assistant.listTools(options.filter).map((spec) => [
      spec.name,
      {
        description: spec.description,
        metadata: { source: "ecs-assistant", title: spec.title, gate: spec.gate },
        inputSchema: inputSchemaOf(spec),
        execute: (input: Record<string, unknown>, o: { readonly abortSignal?: AbortSignal }) =>
          agentCall(assistant, spec.name, input, { ...options, signal: o?.abortSignal }),
      } satisfies AiSdkTool,
    ]),
  );
