// The tool registry: lists descriptors, validates and gates every call in one place, and runs it.

import { toJsonSchema } from "@valibot/to-json-schema";
import { errAsync, ok, okAsync, type ResultAsync } from "neverthrow";
import { type EcsError, ecsError, internalError } from "./errors.ts";
import { checkAccess, type Policy, sensitiveFlagName } from "./policy.ts";
import { redact } from "./security/redact.ts";
import { defaultAccess, type ToolContext, type ToolDescriptor, type ToolGate } from "./tool.ts";
import { didYouMean } from "./util/didYouMean.ts";
import { parseInput } from "./validate.ts";

// biome-ignore lint/suspicious/noExplicitAny: descriptors of different input types live in one list.
export type AnyTool = ToolDescriptor<any, any>;

/** A tool as other agent frameworks want it: name, description, JSON Schema of the input. */
export interface ToolSpec {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: Record<string, unknown>;
  readonly outputSchema?: Record<string, unknown>;
  readonly annotations: AnyTool["annotations"];
  readonly gate: ToolGate;
}

/** Filter for `selectTools`: by names, by gate, or read-only only. */
export interface ToolFilter {
  readonly names?: readonly string[];
  readonly gates?: readonly ToolGate[];
  readonly readOnly?: boolean;
}

/** The ONLY tool filter: picks tools by name/gate; `readOnly` keeps tools that never change anything. */
export const selectTools = (tools: readonly AnyTool[], filter: ToolFilter = {}): AnyTool[] =>
  tools.filter(
    (t) =>
      (!filter.names || filter.names.includes(t.name)) &&
      (!filter.gates || filter.gates.includes(t.gate)) &&
      (!filter.readOnly || t.annotations.readOnlyHint),
  );

const schemaCache = new WeakMap<object, Record<string, unknown>>();
/** JSON Schema (draft-07) of a valibot schema, cached. */
export const jsonSchemaOf = (schema: object): Record<string, unknown> => {
  let s = schemaCache.get(schema);
  if (!s) {
    const { $schema: _ignored, ...rest } = toJsonSchema(schema as Parameters<typeof toJsonSchema>[0], {
      errorMode: "ignore",
    }) as Record<string, unknown>;
    s = rest;
    schemaCache.set(schema, s);
  }
  return s;
};

/** Converts descriptors to specs (JSON Schema inputs) for MCP tools/list or other registries. */
export const toolSpecs = (tools: readonly AnyTool[]): ToolSpec[] =>
  tools.map((t) => ({
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: jsonSchemaOf(t.input),
    ...(t.output ? { outputSchema: jsonSchemaOf(t.output) } : {}),
    annotations: t.annotations,
    gate: t.gate,
  }));

/** The result of a call: the value, plus whether the policy redacted parts of it. */
export interface CallResult<O = unknown> {
  readonly value: O;
  readonly redactions: number;
}

/**
 * Validates `args`, enforces the policy (deny/allow lists, write gate, sensitive gate), runs the tool,
 * redacts sensitive output, and never throws.
 */
export const invokeTool = (tool: AnyTool, args: unknown, ctx: ToolContext): ResultAsync<CallResult, EcsError> => {
  const parsed = parseInput(tool.input, args ?? {});
  if (parsed.isErr()) return errAsync(parsed.error);
  const input = parsed.value;
  const access = tool.access ? tool.access(input) : ok(defaultAccess(tool));
  if (access.isErr()) return errAsync(access.error);
  const gate = checkAccess(
    ctx.policy,
    { ...access.value, aliases: [...(access.value.aliases ?? []), tool.name] },
    ctx.naming,
  );
  if (gate.isErr()) return errAsync(gate.error);
  return safeRun(tool, input, ctx).map((value) => finish(value, access.value, ctx.policy, ctx.naming));
};

const safeRun = (tool: AnyTool, input: unknown, ctx: ToolContext): ResultAsync<unknown, EcsError> => {
  try {
    return tool.run(input, ctx).orElse((e) => errAsync(e));
  } catch (e) {
    return errAsync(internalError(e, tool.name));
  }
};

const finish = (
  value: unknown,
  access: { sensitive: boolean },
  policy: Policy,
  naming: ToolContext["naming"],
): CallResult => {
  if (!access.sensitive || policy.allowSensitiveData) return { value, redactions: 0 };
  const { value: clean, report } = redact(value);
  if (report.count === 0 || !clean || typeof clean !== "object" || Array.isArray(clean)) {
    return { value: clean, redactions: report.count };
  }
  return {
    value: {
      ...(clean as Record<string, unknown>),
      redaction: {
        redacted_values: report.count,
        note: `Secret-like values (environment values, secret references, credentials) were replaced by [REDACTED]. Set ${sensitiveFlagName(naming)} to see them.`,
      },
    },
    redactions: report.count,
  };
};

/** Finds a tool by name, or a validation error with the closest names. */
export const findTool = (tools: readonly AnyTool[], name: string): ResultAsync<AnyTool, EcsError> => {
  const tool = tools.find((t) => t.name === name);
  if (tool) return okAsync(tool);
  const names = tools.map((t) => t.name);
  const close = didYouMean(name, names);
  return errAsync(
    ecsError("validation", {
      message: `Unknown tool "${name}".`,
      hint:
        close.length > 0
          ? `Did you mean ${close.join(" or ")}? Tools: ${names.join(", ")}.`
          : `Tools: ${names.join(", ")}.`,
      issues: [
        {
          path: "name",
          message: "unknown tool",
          expected: `one of ${names.join(", ")}`,
          got: name,
          suggestion: close[0],
        },
      ],
    }),
  );
};
