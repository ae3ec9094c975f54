// The MCP adapter: registry descriptors → MCP tools; results → text + structuredContent; EcsError → isError result.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, type CallToolResult, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
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
import { INSTRUCTIONS } from "./instructions.ts";
import { installPrompts } from "./prompts.ts";
import { installResources } from "./resources.ts";

/** Tool as MCP lists it (annotations with a title; our gate stays out of the wire format but in the description). */
const toMcpTool = (t: ToolSpec) => ({
  name: t.name,
  title: t.title,
  description: t.description,
  inputSchema: t.inputSchema as { type: "object" },
  ...(t.outputSchema ? { outputSchema: t.outputSchema as { type: "object" } } : {}),
  annotations: { title: t.title, ...t.annotations },
});

/** Formats an EcsError for the client: kind, message, hint; never a stack trace. */
export const errorResult = (e: EcsError): CallToolResult => ({
  isError: true,
  content: [{ type: "text", text: `${e.kind} error: ${e.message}\nHint: ${e.hint}` }],
  structuredContent: { status: "error", error: publicError(e) },
});

/** A successful result: compact JSON text plus the same object as structuredContent. */
export const okResult = (value: unknown): CallToolResult => {
  const structured =
    value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { result: value };
  return { content: [{ type: "text", text: JSON.stringify(value) }], structuredContent: structured };
};

/** Builds one MCP server (one per client session) over a shared assistant. */
export const createMcpServer = (assistant: EcsAssistant, log: Logger): Server => {
  const server = new Server(
    { name: "ecs-assistant", title: "ECS Assistant (AWS ECS MCP Server compatible)", version: VERSION },
    {
      capabilities: { tools: { listChanged: true }, prompts: {}, resources: {}, logging: {} },
      instructions: INSTRUCTIONS,
    },
  );
  // Listed per request: remote tools (docs schemas, hosted ECS tools) can arrive after start-up.
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: assistant.listTools().map(toMcpTool) }));
  const stopWatching = assistant.onToolsChanged(() => {
    server.sendToolListChanged().catch((e: unknown) => log.debug("tools/list_changed not sent", { error: String(e) }));
  });
  const previousOnClose = server.onclose;
  server.onclose = () => {
    stopWatching();
    previousOnClose?.();
  };
  installPrompts(server);
  installResources(server);
  server.setRequestHandler(CallToolRequestSchema, async (req, extra) => {
    const { name, arguments: args } = req.params;
    const token = req.params._meta?.progressToken;
    const started = Date.now();
    // Progress notifications go out in order and all before the result: a client drops progress for a finished call.
    let progressSent: Promise<void> | undefined;
    try {
      const result = await assistant.callTool(name, args ?? {}, {
        signal: extra.signal,
        onProgress:
          token === undefined
            ? undefined
            : (p) => {
                progressSent = (progressSent ?? Promise.resolve())
                  .then(() =>
                    extra.sendNotification({
                      method: "notifications/progress",
                      params: { progressToken: token, ...p },
                    }),
                  )
                  .catch((e: unknown) => log.debug("progress notification failed", { error: String(e) }));
              },
        confirm: server.getClientCapabilities()?.elicitation
          ? (message) => confirmWithUser(server, message)
          : undefined,
      });
      if (progressSent) {
        await progressSent;
        // The SDK client handles notifications a microtask late but responses at once: a result in the same read as
        // the last progress would drop that progress. A short pause lets the transport deliver them separately.
        await new Promise((r) => setTimeout(r, 10));
      }
      return result.match(
        (r) => {
          log.info(`tool ${name} ok`, { ms: Date.now() - started, redactions: r.redactions });
          return isRemoteToolResult(r.value) ? remoteCallResult(r.value) : okResult(r.value);
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
  });
  return server;
};

/** Asks the user to accept a destructive action through MCP elicitation; only an explicit accept counts. */
const confirmWithUser = async (server: Server, message: string): Promise<boolean> => {
  const r = await server.elicitInput({
    message,
    requestedSchema: {
      type: "object",
      properties: { confirm: { type: "boolean", title: "Proceed?" } },
      required: ["confirm"],
    },
  });
  return r.action === "accept" && r.content?.confirm === true;
};
