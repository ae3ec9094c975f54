// A SERVER span for each MCP request the server handles, named and attributed by OpenTelemetry's MCP semantic
// conventions (mcp.method.name, gen_ai.tool.name, ...), child of the caller's trace: `_meta.traceparent` of the request
// (SEP-414), else the context already active (HTTP `traceparent` header, extracted by the HTTP transport). Only
// @opentelemetry/api: a no-op until server/telemetry.ts registers the SDK. Each request's metrics: requestMetrics.ts.
// https://opentelemetry.io/docs/specs/semconv/gen-ai/mcp/

import type { Server } from "@modelcontextprotocol/server";
import type { Attributes } from "@opentelemetry/api";
import { VERSION } from "../lib/index.ts";
import { recordRequest } from "./requestMetrics.ts";

type Handler = (req: unknown, ctx: unknown) => unknown;
interface RequestLike {
  readonly params?: { readonly name?: unknown; readonly uri?: unknown; readonly _meta?: Record<string, unknown> };
}
interface CtxLike {
  readonly mcpReq?: {
    readonly id?: string | number;
    readonly _meta?: Record<string, unknown>;
    readonly envelope?: Record<string, unknown>;
  };
  readonly sessionId?: string;
}

/** The request's target as the conventions name it: the tool or prompt name, or the resource URI. */
const targetOf = (method: string, req: RequestLike): string | undefined => {
  const p = req.params;
  if ((method === "tools/call" || method === "prompts/get") && typeof p?.name === "string") return p.name;
  if (method === "resources/read" && typeof p?.uri === "string") return p.uri;
  return undefined;
};

const carrierOf = (req: RequestLike, ctx: CtxLike): Record<string, string> => {
  const meta = { ...req.params?._meta, ...ctx.mcpReq?._meta };
  const carrier: Record<string, string> = {};
  if (typeof meta.traceparent === "string") carrier.traceparent = meta.traceparent;
  if (typeof meta.tracestate === "string") carrier.tracestate = meta.tracestate;
  return carrier;
};

/** The EcsError kind of a failed tool result (server/mcp.ts errorResult puts it in structuredContent). */
const kindOf = (result: unknown): string | undefined => {
  const kind = (result as { structuredContent?: { error?: { kind?: unknown } } }).structuredContent?.error?.kind;
  return typeof kind === "string" ? kind : undefined;
};

/** Runs `handler` inside the span of one MCP request, and records its duration and error metrics. */
const inSpan = async (method: string, req: RequestLike, ctx: CtxLike, handler: () => unknown) => {
  // Imported on the first request, not at start-up.
  const api = await import("@opentelemetry/api");
  const { context, propagation, SpanKind, SpanStatusCode, trace } = api;
  const started = performance.now();
  const carrier = carrierOf(req, ctx);
  const parent = carrier.traceparent ? propagation.extract(context.active(), carrier) : context.active();
  const target = targetOf(method, req);
  const version = ctx.mcpReq?.envelope?.["io.modelcontextprotocol/protocolVersion"];
  const attributes: Attributes = {
    "mcp.method.name": method,
    ...(ctx.mcpReq?.id !== undefined ? { "jsonrpc.request.id": String(ctx.mcpReq.id) } : {}),
    ...(typeof version === "string" ? { "mcp.protocol.version": version } : {}),
    ...(ctx.sessionId ? { "mcp.session.id": ctx.sessionId } : {}),
    ...(method === "tools/call" && target
      ? { "gen_ai.tool.name": target, "gen_ai.operation.name": "execute_tool" }
      : {}),
    ...(method === "prompts/get" && target ? { "gen_ai.prompt.name": target } : {}),
    ...(method === "resources/read" && target ? { "mcp.resource.uri": target } : {}),
  };
  const tracer = trace.getTracer("ecs-mcp-server", VERSION);
  const name = target ? `${method} ${target}` : method;
  return tracer.startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
    let outcome: { errorType?: string; errorKind?: string } = {};
    try {
      const result = await handler();
      if ((result as { isError?: boolean } | undefined)?.isError) {
        span.setAttribute("error.type", "tool_error");
        span.setStatus({ code: SpanStatusCode.ERROR });
        outcome = { errorType: "tool_error", errorKind: kindOf(result) };
      }
      return result;
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      outcome = { errorType: code !== undefined ? String(code) : "_OTHER" };
      span.setAttribute("error.type", outcome.errorType as string);
      span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.message.slice(0, 200) : undefined });
      throw e;
    } finally {
      span.end();
      recordRequest(api, attributes, { seconds: (performance.now() - started) / 1000, ...outcome });
    }
  });
};

/**
 * Makes every request handler registered on `server` from now on run in its own span. Call before registering
 * handlers.
 */
export const traceRequests = (server: Server): void => {
  const register = server.setRequestHandler.bind(server) as (...args: unknown[]) => void;
  (server as { setRequestHandler: (...args: unknown[]) => void }).setRequestHandler = (...args: unknown[]) => {
    const method = String(args[0]);
    const handler = args.at(-1) as Handler;
    const traced: Handler = (req, ctx) => inSpan(method, req as RequestLike, ctx as CtxLike, () => handler(req, ctx));
    register(...args.slice(0, -1), traced);
  };
};
