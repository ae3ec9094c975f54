// The 2026-07-28 serving core shared by stdio and HTTP: the SDK's per-request handler, and JSON-RPC ⇄ fetch glue.
import {
  createMcpHandler,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type McpHttpHandler,
} from "@modelcontextprotocol/server";
import type { EcsAssistant, Logger } from "../lib/index.ts";
import type { ConfirmStates } from "./confirmState.ts";
import { createMcpServer } from "./mcp.ts";
import { createTaskRunner, type TaskRunner } from "./tasks.ts";

/**
 * The SDK's 2026-07-28 handler: a fresh server per request, envelope, header and client-capability checks (-32020,
 * -32021), `server/discover`, `subscriptions/listen`. 2025-era traffic never reaches it (`legacy: "reject"`): the
 * callers route that to a 2025 session first, so it keeps server-initiated elicitation and its sessions.
 * A change of the tool list (a remote's schemas arriving) goes to every `subscriptions/listen` stream. Tasks are
 * served by `tasks` (one per process; its close cancels the work still running).
 */
export const createModernHandler = (
  assistant: EcsAssistant,
  log: Logger,
  states?: ConfirmStates,
  tasks: TaskRunner = createTaskRunner(assistant, log),
): McpHttpHandler => {
  const handler = createMcpHandler(() => createMcpServer(assistant, log, states, tasks), {
    legacy: "reject",
    onerror: (e) => log.debug("MCP 2026-07-28 request rejected or failed", { error: e.message }),
  });
  const stopWatching = assistant.onToolsChanged(() => handler.notify.toolsChanged());
  return {
    ...handler,
    close: async () => {
      stopWatching();
      tasks.close();
      await handler.close();
    },
  };
};

/** The `params` field each method names in `Mcp-Name` (the revision's standard headers). */
const NAME_FIELD: Record<string, string> = {
  "tools/call": "name",
  "prompts/get": "name",
  "resources/read": "uri",
  "tasks/get": "taskId",
  "tasks/update": "taskId",
  "tasks/cancel": "taskId",
};

/** A header value as the revision encodes it: plain when it is visible ASCII, else the `=?base64?…?=` form. */
const headerValue = (v: string): string =>
  /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(v) ? v : `=?base64?${Buffer.from(v, "utf8").toString("base64")}?=`;

/**
 * A JSON-RPC request from a non-HTTP transport (stdio) as the POST an HTTP client would send, standard headers
 * derived from the body, so the one modern code path serves both transports.
 */
export const asHttpRequest = (message: JSONRPCRequest, version: string, signal: AbortSignal): Request => {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": version,
    "mcp-method": message.method,
  };
  const field = NAME_FIELD[message.method];
  const name = field ? (message.params as Record<string, unknown> | undefined)?.[field] : undefined;
  if (typeof name === "string") headers["mcp-name"] = headerValue(name);
  return new Request("http://stdio.invalid/mcp", { method: "POST", headers, body: JSON.stringify(message), signal });
};

/** The JSON-RPC messages of a handler response, as they arrive: one JSON body, or each event of an SSE stream. */
export async function* messagesOf(res: Response): AsyncGenerator<JSONRPCMessage> {
  const type = res.headers.get("content-type") ?? "";
  if (!res.body) return;
  if (!type.includes("text/event-stream")) {
    const text = await res.text();
    if (!text) return;
    const parsed = JSON.parse(text) as JSONRPCMessage | JSONRPCMessage[];
    yield* Array.isArray(parsed) ? parsed : [parsed];
    return;
  }
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.search(/\r?\n\r?\n/); end >= 0; end = buffer.search(/\r?\n\r?\n/)) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
      const data = event
        .split(/\r?\n/)
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).replace(/^ /, ""))
        .join("\n");
      if (data) yield JSON.parse(data) as JSONRPCMessage;
    }
  }
}
