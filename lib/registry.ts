// The tool registry: lists descriptors, validates and gates every call in one place, and runs it.

import { toJsonSchema } from "@valibot/to-json-schema";
import { err, errAsync, okAsync, ResultAsync } from "neverthrow";
import type { AuditAwsCall, AuditSink } from "./audit/auditEntry.ts";
import { recordAwsCalls } from "./audit/recordAwsCalls.ts";
import { forTool } from "./aws/forTool.ts";
import { boundError, type EcsError, ecsError, internalError } from "./errors.ts";
import { type Access, checkAccess, type Policy, sensitiveFlagName } from "./policy.ts";
import { readOnlyAws } from "./security/readOnlyAws.ts";
import { redact, redactText } from "./security/redact.ts";
import type { CallAccess, ToolAnnotations, ToolContext, ToolDescriptor, ToolGate, WorkStatus } from "./tool.ts";
import { accessLabel, annotationsOf, callAccessOf, gateOf, plansOnly, readActionsOf } from "./toolFacts.ts";
import { didYouMean } from "./util/didYouMean.ts";
import { parseInput } from "./validate.ts";

/** A descriptor of any input and output type, as lists of tools hold them. */
// biome-ignore lint/suspicious/noExplicitAny: descriptors of different input types live in one list.
export type AnyTool = ToolDescriptor<any, any>;

/** A tool as other agent frameworks want it: name, description, JSON Schema of the input. */
export interface ToolSpec {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: Record<string, unknown>;
  /** JSON Schema of the MCP structuredContent (every tool has one). */
  readonly outputSchema: Record<string, unknown>;
  readonly annotations: ToolAnnotations;
  readonly gate: ToolGate;
  /** What a call does: a fixed class, or `per_call` when the input decides (e.g. the AWS operation). */
  readonly access: Access | "per_call";
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
      (!filter.gates || filter.gates.includes(gateOf(t))) &&
      (!filter.readOnly || annotationsOf(t).readOnlyHint),
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

const openCache = new WeakMap<object, Record<string, unknown>>();
/**
 * JSON Schema of an output schema, with objects left open: a result may carry more than its schema names (the
 * registry's `redaction` note, an AWS operation's own fields), as valibot's `object` also accepts.
 */
export const openJsonSchemaOf = (schema: object): Record<string, unknown> => {
  let s = openCache.get(schema);
  if (!s) {
    const { $schema: _ignored, ...rest } = toJsonSchema(schema as Parameters<typeof toJsonSchema>[0], {
      errorMode: "ignore",
      overrideSchema: ({ valibotSchema, jsonSchema }) => {
        if (valibotSchema.type === "custom") return { type: "object" };
        if (jsonSchema.type !== "object" || jsonSchema.additionalProperties !== false) return undefined;
        const { additionalProperties: _closed, ...open } = jsonSchema;
        return open;
      },
    }) as Record<string, unknown>;
    // MCP wants an object at the root: a union of objects says so too.
    s = rest.type ? rest : { type: "object", ...rest };
    openCache.set(schema, s);
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
    outputSchema: openJsonSchemaOf(t.structuredOutput ?? t.output),
    annotations: annotationsOf(t),
    gate: gateOf(t),
    access: accessLabel(t),
  }));

/** The result of a call: the value, plus whether the policy redacted parts of it. */
export interface CallResult<O = unknown> {
  readonly value: O;
  readonly redactions: number;
}

/** Per-assistant hooks of `invokeTool` (not per call, not visible to tools). */
export interface InvokeHooks {
  /** Receives one entry per write/destructive call that passed the policy (not for dry runs). */
  readonly audit?: AuditSink;
  /**
   * Called once the call passed validation, the policy, the preflight and the confirmation and its work starts
   * (not for dry runs, which only plan): a host may then answer with a task handle instead of waiting.
   */
  readonly onStart?: () => void;
}

/**
 * Validates `args`, enforces the policy (deny/allow lists, write gate, sensitive gate, confirmation of destructive
 * calls), runs the tool, audits writes, redacts sensitive output, and never throws. A dry run passes the write gate
 * (it changes nothing) but its AWS calls are limited to read operations.
 */
export const invokeTool = (
  tool: AnyTool,
  args: unknown,
  ctx: ToolContext,
  hooks: InvokeHooks = {},
): ResultAsync<CallResult, EcsError> => {
  try {
    // AWS error messages can echo input values (a password in an ARN, a token in a parameter): scrub them too.
    return gateAndRun(tool, args, ctx, hooks).mapErr((e) =>
      boundError(ctx.policy.allowSensitiveData ? e : scrubError(e)),
    );
  } catch (e) {
    // A schema or access function that throws (a bug) must not escape as an exception.
    ctx.log.error(`tool ${tool.name} threw before running`, { error: e instanceof Error ? e.message : String(e) });
    return errAsync(internalError(e, tool.name));
  }
};

const gateAndRun = (
  tool: AnyTool,
  args: unknown,
  ctx: ToolContext,
  hooks: InvokeHooks,
): ResultAsync<CallResult, EcsError> => {
  // Tool arguments cross the MCP boundary here: JSON text for objects and numbers is decoded once, for every tool.
  const parsed = parseInput(tool.input, args ?? {}, "", { decodeJsonText: true });
  if (parsed.isErr()) return errAsync(parsed.error);
  const input = parsed.value;
  const access = callAccessOf(tool, input);
  if (access.isErr()) return errAsync(access.error);
  const dryRun = plansOnly(tool, input);
  const gate = checkAccess(ctx.policy, {
    ...access.value,
    access: dryRun ? "read" : access.value.access,
    aliases: [...(access.value.aliases ?? []), tool.name],
  });
  if (gate.isErr()) return errAsync(gate.error);
  const done = (value: unknown) => finish(value, access.value, ctx.policy);
  const aws = forTool(ctx.aws, tool.name, ctx.signal);
  if (dryRun) return safeRun(tool, input, { ...ctx, aws: readOnlyAws(aws, tool.name, readActionsOf(tool)) }).map(done);
  if (access.value.access === "read") {
    hooks.onStart?.();
    return safeRun(tool, input, { ...ctx, aws }).map(done);
  }

  const started = Date.now();
  const calls: AuditAwsCall[] = [];
  const audit = (status: "ok" | "error" | "declined", e?: EcsError) => {
    if (!hooks.audit) return;
    try {
      hooks.audit({
        time: new Date().toISOString(),
        tool: tool.name,
        operation: access.value.name,
        access: access.value.access as "write" | "destructive",
        parameters: redact(input).value,
        status,
        ...(e ? { error: { kind: e.kind, ...(e.kind === "aws" ? { code: e.code } : {}), message: e.message } } : {}),
        aws_calls: calls,
        request_ids: calls.flatMap((c) => (c.requestId ? [c.requestId] : [])),
        duration_ms: Date.now() - started,
        ...(ctx.caller
          ? {
              caller: {
                sub: ctx.caller.subject,
                ...(ctx.caller.email ? { email: ctx.caller.email } : {}),
                ...(ctx.caller.clientId ? { client_id: ctx.caller.clientId } : {}),
              },
            }
          : {}),
      });
    } catch (auditError) {
      ctx.log.error("audit sink failed", { tool: tool.name, error: String(auditError) });
    }
  };
  const runCtx = { ...ctx, aws: hooks.audit ? recordAwsCalls(aws, calls) : aws };
  return preflight(tool, input, { ...ctx, aws })
    .andThen(() => confirmDestructive(tool, access.value, input, ctx))
    .andThen(() => {
      hooks.onStart?.();
      return safeRun(tool, input, runCtx);
    })
    .map((value) => {
      audit("ok");
      return done(value);
    })
    .mapErr((e) => {
      audit(e.kind === "policy_denied" && e.gate === "confirmation" ? "declined" : "error", e);
      return e;
    });
};

/**
 * Asks the user before a destructive call when the policy wants it and the client can be asked (MCP elicitation);
 * only an explicit yes proceeds. Without a way to ask, the write gate (allowWrite) already decided.
 */
const confirmDestructive = (
  tool: AnyTool,
  access: CallAccess,
  input: unknown,
  ctx: ToolContext,
): ResultAsync<void, EcsError> => {
  const confirm = ctx.confirm;
  if (access.access !== "destructive" || !ctx.policy.confirmDestructive || !confirm) return okAsync(undefined);
  const params = JSON.stringify(redact(input).value) ?? "{}";
  const message = `Confirm a destructive action: ${access.name}${access.name === tool.name ? "" : ` (tool ${tool.name})`} deletes or stops AWS resources.\nParameters: ${params.length > 600 ? `${params.slice(0, 597)}...` : params}`;
  const denied = (why: string) =>
    ecsError("policy_denied", {
      gate: "confirmation",
      message: `${access.name} was not run: ${why}.`,
      hint: "Destructive actions run only after the user accepts the confirmation. Ask the user, then call again.",
    });
  return ResultAsync.fromPromise(
    Promise.resolve().then(() => confirm(message)),
    (e) => denied(`the confirmation could not be obtained (${e instanceof Error ? e.message : String(e)})`),
  ).andThen((yes) => (yes === true ? okAsync(undefined) : errAsync(denied("the user declined"))));
};

/** The tool's checks before a write, with read-only AWS access; a throw becomes an `internal` error. */
const preflight = (tool: AnyTool, input: unknown, ctx: ToolContext): ResultAsync<void, EcsError> => {
  if (!tool.preflight) return okAsync(undefined);
  const check = tool.preflight;
  return new ResultAsync(
    (async () => {
      try {
        return await check(input, { ...ctx, aws: readOnlyAws(ctx.aws, tool.name, readActionsOf(tool)) });
      } catch (e) {
        return err(internalError(e, `${tool.name} preflight`));
      }
    })(),
  );
};

/** Runs the handler; a synchronous throw or a rejected promise becomes an `internal` error instead of escaping. */
const safeRun = (tool: AnyTool, input: unknown, ctx: ToolContext): ResultAsync<unknown, EcsError> =>
  new ResultAsync(
    (async () => {
      try {
        return await tool.run(input, ctx);
      } catch (e) {
        ctx.log.error(`tool ${tool.name} threw`, { error: e instanceof Error ? e.message : String(e) });
        return err(internalError(e, tool.name));
      }
    })(),
  );

const finish = (value: unknown, access: { sensitive: boolean }, policy: Policy): CallResult => {
  if (policy.allowSensitiveData) return { value, redactions: 0 };
  // Sensitive results lose env values and secret references too; every other result still loses credential-looking
  // text (a password echoed in a failure reason or an event message).
  const { value: clean, report } = redact(value, { structural: access.sensitive });
  if (report.count === 0 || !clean || typeof clean !== "object" || Array.isArray(clean)) {
    return { value: clean, redactions: report.count };
  }
  return {
    value: {
      ...(clean as Record<string, unknown>),
      redaction: {
        redacted_values: report.count,
        note: `Secret-like values (environment values, secret references, credentials) were replaced by [REDACTED]. Set ${sensitiveFlagName()} to see them.`,
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

/** The error with credential-looking text removed from its message and hint (structure and codes kept). */
const scrubError = (e: EcsError): EcsError => {
  const message = redactText(e.message).text;
  const hint = redactText(e.hint).text;
  return message === e.message && hint === e.hint ? e : { ...e, message, hint };
};

/**
 * One read-only look at work a call with `args` started at `startedAt` (the tool's `status`): validated and gated
 * like a read call, with read-only AWS access, the final value redacted as the call's would be. A tool without a
 * `status` (its work lives in the process that runs it) is a validation error.
 */
export const checkWork = (
  tool: AnyTool,
  args: unknown,
  ctx: ToolContext,
  startedAt: number,
): ResultAsync<WorkStatus, EcsError> => {
  const status = tool.status;
  if (!status)
    return errAsync(
      ecsError("validation", {
        message: `${tool.name} has no status from AWS: its work lives in the process that runs it.`,
        hint: "Ask the process that started the work.",
        issues: [],
      }),
    );
  const parsed = parseInput(tool.input, args ?? {}, "", { decodeJsonText: true });
  if (parsed.isErr()) return errAsync(parsed.error);
  const access = callAccessOf(tool, parsed.value);
  if (access.isErr()) return errAsync(access.error);
  const gate = checkAccess(ctx.policy, {
    ...access.value,
    access: "read",
    aliases: [...(access.value.aliases ?? []), tool.name],
  });
  if (gate.isErr()) return errAsync(gate.error);
  const aws = readOnlyAws(forTool(ctx.aws, tool.name, ctx.signal), tool.name, readActionsOf(tool));
  return new ResultAsync<WorkStatus, EcsError>(
    (async () => {
      try {
        return await status(parsed.value, { ...ctx, aws }, startedAt);
      } catch (e) {
        return err(internalError(e, `${tool.name} status`));
      }
    })(),
  )
    .map((s): WorkStatus => (s.done ? { done: true, value: finish(s.value, access.value, ctx.policy).value } : s))
    .mapErr((e) => boundError(ctx.policy.allowSensitiveData ? e : scrubError(e)));
};
