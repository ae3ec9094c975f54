// Loopback stand-in for a remote MCP server (AWS Knowledge, or the SigV4-protected ECS one), built with the MCP SDK.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import { createMcpHandler, type McpHttpHandler, Server as ModernServer, type Tool } from "@modelcontextprotocol/server";
import { sendWebResponse, toWebRequest } from "../../server/nodeBridge.ts";
import { KNOWLEDGE_TOOLS_FIXTURE } from "./fakeMcpTools.ts";
import { type SigV4Expectation, verifySigV4 } from "./sigv4Verify.ts";

/** A tool the fake offers; `handler` gets the arguments (already checked against `required`). */
export interface FakeRemoteTool {
  name: string;
  description: string;
  inputSchema: { type: "object"; properties: Record<string, unknown>; required?: string[] };
  annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean };
  handler: (args: Record<string, unknown>) => CallToolResult;
}

/**
 * How the fake answers tools/call: `ok`; `error` (isError result); `disconnect` (socket destroyed mid-call, every time);
 * `disconnect-once` (then ok); `http-500` (every request); `stall` (never answers anything, initialize included).
 */
export type FakeRemoteMode = "ok" | "error" | "disconnect" | "disconnect-once" | "http-500" | "stall";

export interface FakeMcpRemote {
  /** `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** Mutable: replace or edit to simulate a schema change on the remote. */
  tools: FakeRemoteTool[];
  mode: FakeRemoteMode;
  /** Delay before answering tools/call, ms. */
  delayMs: number;
  /** JSON-RPC methods received, in order (`initialize`, `tools/list`, `tools/call:<name>`, `notifications/cancelled`…). */
  readonly received: string[];
  /** With SigV4 checking: requests whose signature matched / was refused (403). */
  readonly signatures: { verified: number; rejected: number; lastError?: string };
  close(): Promise<void>;
}

/**
 * Starts the fake; pass `sigv4` to verify (and refuse with 403) the signature of every request. `era` "2026" makes it
 * a 2026-07-28-only server (SDK v2, `server/discover`, no initialize); the default is a 2025-only one (SDK v1).
 */
export const startFakeMcpRemote = async (
  o: { tools?: FakeRemoteTool[]; sigv4?: SigV4Expectation; era?: "2025" | "2026" } = {},
): Promise<FakeMcpRemote> => {
  const sockets = new Set<Socket>();
  const state: FakeMcpRemote = {
    url: "",
    tools: o.tools ?? KNOWLEDGE_TOOLS_FIXTURE(),
    mode: "ok",
    delayMs: 0,
    received: [],
    signatures: { verified: 0, rejected: 0 },
    close: async () => {},
  };
  const modern = o.era === "2026" ? modernHandler(state) : undefined;
  const http = createServer((req, res) => {
    handle(state, req, res, o.sigv4, modern).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    });
  });
  http.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const { port } = http.address() as AddressInfo;
  Object.assign(state, {
    url: `http://127.0.0.1:${port}/mcp`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => http.close(() => r()));
    },
  });
  return state;
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

const handle = async (
  state: FakeMcpRemote,
  req: IncomingMessage,
  res: ServerResponse,
  sigv4?: SigV4Expectation,
  modern?: McpHttpHandler,
) => {
  const raw = await readBody(req);
  if (state.mode === "stall") return; // keep the request open, answer nothing
  if (sigv4) {
    const problem = verifySigV4(req, raw, sigv4);
    if (problem) {
      state.signatures.rejected++;
      state.signatures.lastError = problem;
      res.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ message: problem }));
      return;
    }
    state.signatures.verified++;
  }
  if (state.mode === "http-500") return void res.writeHead(500).end("internal failure");
  if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
  const body = JSON.parse(raw) as { method?: string; params?: { name?: string } } | unknown[];
  for (const m of Array.isArray(body) ? body : [body]) {
    const msg = m as { method?: string; params?: { name?: string } };
    if (msg.method) state.received.push(msg.method === "tools/call" ? `tools/call:${msg.params?.name}` : msg.method);
  }
  if (modern)
    return sendWebResponse(
      res,
      await modern.fetch(toWebRequest(req, raw, new AbortController().signal), { parsedBody: body }),
    );
  const server = toolServer(state, res);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on("close", () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
};

/** One stateless MCP server per HTTP request, answering from the fake's current tools and mode. */
const toolServer = (state: FakeMcpRemote, res: ServerResponse): Server => {
  const server = new Server({ name: "fake-remote", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: state.tools.map(({ handler: _h, ...t }) => t),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (req) => {
    const tool = state.tools.find((t) => t.name === req.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${req.params.name}`);
    const args = (req.params.arguments ?? {}) as Record<string, unknown>;
    const missing = (tool.inputSchema.required ?? []).filter((k) => args[k] === undefined);
    if (missing.length > 0)
      throw new McpError(ErrorCode.InvalidParams, `Missing required argument(s): ${missing.join(", ")}`);
    if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
    if (state.mode === "disconnect" || state.mode === "disconnect-once") {
      if (state.mode === "disconnect-once") state.mode = "ok";
      res.socket?.destroy();
      return new Promise<never>(() => {});
    }
    if (state.mode === "error")
      return { isError: true, content: [{ type: "text", text: "Search backend failed: throttled" }] };
    return tool.handler(args);
  });
  return server;
};

/** The 2026-07-28 fake: the SDK v2 handler, modern requests only, same tools and `ok` / `error` modes. */
const modernHandler = (state: FakeMcpRemote): McpHttpHandler =>
  createMcpHandler(
    () => {
      const server = new ModernServer({ name: "fake-remote-2026", version: "1.0.0" }, { capabilities: { tools: {} } });
      server.setRequestHandler("tools/list", async () => ({
        tools: state.tools.map(({ handler: _h, ...t }) => t) as unknown as Tool[],
      }));
      server.setRequestHandler("tools/call", async (req) => {
        const tool = state.tools.find((t) => t.name === req.params.name);
        if (!tool) return { isError: true, content: [{ type: "text", text: `Unknown tool: ${req.params.name}` }] };
        if (state.mode === "error")
          return { isError: true, content: [{ type: "text", text: "Search backend failed: throttled" }] };
        return tool.handler((req.params.arguments ?? {}) as Record<string, unknown>);
      });
      return server;
    },
    { legacy: "reject" },
  );
