// Streamable HTTP transport: loopback by default, Host/Origin checks against DNS rebinding, body limit, one MCP server per session.
import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { EcsAssistant, Logger } from "../lib/index.ts";
import { createMcpServer } from "./mcp.ts";

/** HTTP transport settings. */
export interface HttpSettings {
  readonly host: string;
  readonly port: number;
  readonly allowedHosts: readonly string[];
  readonly allowedOrigins: readonly string[];
  readonly maxBodyBytes?: number;
}

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];

/** Starts the HTTP server; resolves with it and the bound port. */
export const startHttp = async (
  assistant: EcsAssistant,
  log: Logger,
  s: HttpSettings,
): Promise<{ server: HttpServer; port: number; close(): Promise<void> }> => {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const maxBody = s.maxBodyBytes ?? 1_048_576;
  let boundPort = s.port;

  const hostOk = (h: string | undefined) => {
    if (!h) return false;
    const allowed = [...LOOPBACK.map((x) => `${x}:${boundPort}`), ...s.allowedHosts];
    if (!LOOPBACK.includes(s.host)) allowed.push(`${s.host}:${boundPort}`);
    return allowed.includes(h.toLowerCase());
  };
  const originOk = (o: string | undefined) => {
    if (!o) return true; // non-browser clients send no Origin
    try {
      const u = new URL(o);
      return LOOPBACK.includes(u.hostname === "::1" ? "[::1]" : u.hostname) || s.allowedOrigins.includes(o);
    } catch {
      return false;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname !== "/mcp") return send(res, 404, "Not found: the MCP endpoint is /mcp");
    if (!hostOk(req.headers.host))
      return send(
        res,
        403,
        `Forbidden Host header ${JSON.stringify(req.headers.host)} (DNS rebinding protection; add --allowed-host)`,
      );
    if (!originOk(req.headers.origin))
      return send(res, 403, `Forbidden Origin ${JSON.stringify(req.headers.origin)} (add --allowed-origin)`);
    const sid = req.headers["mcp-session-id"];
    const sessionId = Array.isArray(sid) ? sid[0] : sid;
    let body: unknown;
    if (req.method === "POST") {
      const raw = await readBody(req, maxBody);
      if (raw === null) return send(res, 413, `Request body larger than ${maxBody} bytes`);
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, "Request body is not JSON");
      }
    }
    let transport = sessionId ? sessions.get(sessionId) : undefined;
    if (!transport) {
      if (sessionId) return send(res, 404, "Unknown MCP session; initialize again");
      if (req.method !== "POST" || !isInitializeRequest(body))
        return send(res, 400, "No session: the first request must be initialize");
      const t = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          sessions.set(id, t);
        },
      });
      t.onclose = () => {
        if (t.sessionId) sessions.delete(t.sessionId);
      };
      await createMcpServer(assistant, log).connect(t);
      transport = t;
    }
    await transport.handleRequest(req, res, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log.error("HTTP request failed", { error: e });
      if (!res.headersSent) send(res, 500, "Internal error");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(s.port, s.host, () => resolve());
  });
  const addr = server.address();
  boundPort = typeof addr === "object" && addr ? addr.port : s.port;
  log.info(`Streamable HTTP on http://${s.host}:${boundPort}/mcp`);
  return {
    server,
    port: boundPort,
    close: async () => {
      await Promise.all([...sessions.values()].map((t) => t.close().catch(() => {})));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
};

const send = (res: ServerResponse, status: number, text: string) => {
  res.writeHead(status, { "content-type": "text/plain" }).end(text);
};

/** Reads the body up to `limit` bytes; null when larger. */
const readBody = (req: IncomingMessage, limit: number): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c); // past the limit keep draining, so a 413 can still be sent
    });
    req.on("end", () => resolve(size > limit ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
