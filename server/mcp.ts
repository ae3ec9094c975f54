// The MCP adapter: registry descriptors → MCP tools; results → text + structuredContent; EcsError → isError result.
import { type CallToolResult, Server } from "@modelcontextprotocol/server";
import {
  type EcsAssistant,
  type EcsError,
  isRemoteToolResult,
  type Logger,
  publicError,
  remoteCallResult,
  type ToolSpec,
  VERSION,
} from "../lib/index.ts";
import { callerOf, limitsOf } from "./auth/scopes.ts";
import { CACHE_HINTS } from "./cacheHints.ts";
import { planConfirmation, processConfirmStates } from "./confirmations.ts";
import type { ConfirmStates } from "./confirmState.ts";
import { INSTRUCTIONS } from "./instructions.ts";
import { renderPolicyNames, renderPolicyNamesIn } from "./policyNames.ts";
import { installPrompts } from "./prompts.ts";
import { discoverAllVersions } from "./protocol.ts";
import { traceRequests } from "./requestSpans.ts";
import { installResources } from "./resources.ts";
import { type RunCall, TASKS_EXTENSION, type TaskRunner } from "./tasks.ts";

/** structuredContent of an error result (errorResult): clients validate it against the tool's outputSchema too. */
const ERROR_OUTPUT = {
  type: "object",
  properties: {
    status: { const: "error" },
    error: { type: "object", properties: { kind: { type: "string" }, message: { type: "string" } } },
  },
  required: ["status", "error"],
};

/**
 * Tool as MCP lists it (annotations with a title; our gate stays out of the wire format but in the description;
 * policy fields named as the server's flags).
 */
export const toMcpTool = (spec: ToolSpec) => {
  const t = renderPolicyNamesIn(spec);
  return {
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: t.inputSchema as { type: "object" },
    outputSchema: { type: "object" as const, anyOf: [t.outputSchema, ERROR_OUTPUT] },
    annotations: { title: t.title, ...t.annotations },
  };
};

/** Formats an EcsError for the client: kind, message, hint; never a stack trace. */
export const errorResult = (error: EcsError): CallToolResult => {
  const e = renderPolicyNamesIn(error);
  return {
    isError: true,
    content: [{ type: "text", text: `${e.kind} error: ${e.message}\nHint: ${e.hint}` }],
    structuredContent: { status: "error", error: publicError(e) },
  };
};

/** A successful result: compact JSON text plus the same object as structuredContent. */
export const okResult = (result: unknown): CallToolResult => {
  // One serialisation: policy fields are renamed in the text, and only then is the value re-read from it.
  const raw = JSON.stringify(result);
  const text = raw === undefined ? raw : renderPolicyNames(raw);
  const value = text === raw ? result : JSON.parse(text as string);
  const structured =
    value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { result: value };
  return { content: [{ type: "text", text: text as string }], structuredContent: structured };
};

/**
 * Builds one MCP server over a shared assistant: one per 2025-era session, or one per 2026-07-28 request (the SDK's
 * serving entries build a fresh instance for each), so building it is cheap and it holds no state of its own.
 */
export const createMcpServer = (
  assistant: EcsAssistant,
  log: Logger,
  states: ConfirmStates = processConfirmStates(),
  tasks?: TaskRunner,
): Server => {
  const server = new Server(
    { name: "ecs-assistant", title: "ECS Assistant (AWS ECS MCP Server compatible)", version: VERSION },
    {
      capabilities: {
        tools: { listChanged: true },
        prompts: {},
        resources: {},
        logging: {},
        // Only where tasks are served (2026-07-28 requests): a 2025 session never gets a task handle.
        ...(tasks ? { extensions: { [TASKS_EXTENSION]: {} } } : {}),
      },
      instructions: INSTRUCTIONS,
      cacheHints: CACHE_HINTS,
    },
  );
  traceRequests(server);
  // Listed per request: remote tools (docs schemas, hosted ECS tools) can arrive after start-up.
  server.setRequestHandler("tools/list", async () => ({ tools: assistant.listTools().map(toMcpTool) }));
  const stopWatching = assistant.onToolsChanged(() => {
    // Only a session that completed initialize is told: on stdio the 2025 server shares the pipe with 2026 requests,
    // whose clients learn of the change on subscriptions/listen and would otherwise hear it twice.
    if (server.getClientVersion() === undefined) return;
    server.sendToolListChanged().catch((e: unknown) => log.debug("tools/list_changed not sent", { error: String(e) }));
  });
  const previousOnClose = server.onclose;
  server.onclose = () => {
    stopWatching();
    previousOnClose?.();
  };
  installPrompts(server);
  installResources(server);
  tasks?.install(server);
  server.setRequestHandler("tools/call", async (req, ctx) => {
    const { name, arguments: args } = req.params;
    const token = req.params._meta?.progressToken ?? ctx.mcpReq._meta?.progressToken;
    const started = Date.now();
    const plan = planConfirmation(server, ctx, name, args ?? {}, states);
    if (plan.refused) {
      log.warn(`tool ${name} refused: invalid confirmation state`);
      return plan.refused;
    }
    const run: RunCall = async ({ signal, onProgress, onStart }) => {
      try {
        // OAuth (HTTP): the token's scopes narrow the policy for this call, and its subject is the audited caller.
        const auth = ctx.http?.authInfo;
        const limits = auth ? limitsOf(auth) : undefined;
        const result = await assistant.callTool(name, args ?? {}, {
          signal,
          ...(limits ? { limits } : {}),
          ...(auth ? { caller: callerOf(auth) } : {}),
          onProgress,
          onStart,
          confirm: plan.confirm,
        });
        await flushProgress();
        const ask = plan.pending();
        if (ask) return ask;
        return result.match(
          (r) => {
            log.info(`tool ${name} ok`, { ms: Date.now() - started, redactions: r.redactions });
            return isRemoteToolResult(r.value) ? remoteCallResult(renderPolicyNamesIn(r.value)) : okResult(r.value);
          },
          (e) => {
            log.warn(`tool ${name} failed: ${e.kind}: ${e.message}`, { ms: Date.now() - started });
            return errorResult(e);
          },
        );
      } catch (e) {
        // Defence in depth: the library never throws, but a bug must not take the server down.
        log.error(`tool ${name} crashed`, { error: e });
        return errorResult({
          kind: "internal",
          message: `Internal error in ${name}.`,
          hint: "Retry; if it persists, report it with the server log.",
        });
      }
    };
    // Progress notifications go out in order and all before the result: a client drops progress for a finished call.
    let progressSent: Promise<void> | undefined;
    const flushProgress = async () => {
      if (!progressSent) return;
      await progressSent;
      // The SDK client handles notifications a microtask late but responses at once: a result in the same read as
      // the last progress would drop that progress. A short pause lets the transport deliver them separately.
      await new Promise((r) => setTimeout(r, 10));
    };
    // A 2026 client that declared the tasks extension gets a task handle once the work starts (MRTR settled first).
    if (tasks?.wants(ctx, name)) return (await tasks.start(name, args ?? {}, ctx, run)) as CallToolResult;
    return (await run({
      signal: ctx.mcpReq.signal,
      onStart: () => {},
      onProgress: (p) => {
        if (token === undefined) return;
        progressSent = (progressSent ?? Promise.resolve())
          .then(() => ctx.mcpReq.notify({ method: "notifications/progress", params: { progressToken: token, ...p } }))
          .catch((e: unknown) => log.debug("progress notification failed", { error: String(e) }));
      },
    })) as CallToolResult;
  });
  return discoverAllVersions(server);
};
