// Streamable HTTP transport: loopback by default, Host/Origin checks, optional bearer token, body limit, bounded
// concurrency, one MCP server per session, graceful shutdown.
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { EcsAssistant, Logger } from "../lib/index.ts";
import { createMcpServer } from "./mcp.ts";
import { cancelRunning, createCallTracker, toolCallIds } from "./shutdown.ts";

/** HTTP transport settings. */
export interface HttpSettings {
  readonly host: string;
  readonly port: number;
  readonly allowedHosts: readonly string[];
  readonly allowedOrigins: readonly string[];
  readonly maxBodyBytes?: number;
  /** Clients must send `Authorization: Bearer <authToken>` when set. */
  readonly authToken?: string;
  /** Tool calls in flight (all sessions) before new ones get 429. Default 64. */
  readonly maxConcurrentCalls?: number;
  /** Open sessions before a new initialize gets 503. Default 1000. */
  readonly maxSessions?: number;
}

/** A running HTTP transport. */
export interface HttpHandle {
  readonly server: HttpServer;
  readonly port: number;
  /** Tool calls running now. */
  inFlight(): number;
  /**
   * Stops accepting requests (503), lets in-flight calls finish for up to `graceMs`, then closes every session,
   * which cancels what still runs. Resolves with how many calls had to be cancelled.
   */
  close(graceMs?: number): Promise<{ cancelled: number }>;
}

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];
const sha256 = (s: string) => createHash("sha256").update(s).digest();

/** Constant-time token check: compares SHA-256 digests, so neither content nor length leaks through timing. */
export const tokenMatches = (header: string | undefined, token: string): boolean => {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
  return timingSafeEqual(sha256(m?.[1]?.trim() ?? ""), sha256(token)) && Boolean(m);
};

/** Starts the HTTP server; resolves once it listens. */
export const startHttp = async (assistant: EcsAssistant, log: Logger, s: HttpSettings): Promise<HttpHandle> => {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const tracker = createCallTracker();
  const maxBody = s.maxBodyBytes ?? 1_048_576;
  const maxCalls = s.maxConcurrentCalls ?? 64;
  const maxSessions = s.maxSessions ?? 1000;
  let boundPort = s.port;
  let draining = false;

  const hostOk = (h: string | undefined) => {
    if (!h) return false;
    const allowed = [...LOOPBACK.map((x) => `${x}:${boundPort}`), ...s.allowedHosts];
    // An IPv6 address arrives in brackets in the Host header ([fd00::2]:8080).
    const bound = s.host.includes(":") && !s.host.startsWith("[") ? `[${s.host}]` : s.host;
    if (!LOOPBACK.includes(bound)) allowed.push(`${bound.toLowerCase()}:${boundPort}`);
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
    if (s.authToken !== undefined && !tokenMatches(req.headers.authorization, s.authToken)) {
      res.setHeader("www-authenticate", 'Bearer realm="ecs-mcp-server"');
      return send(res, 401, "Unauthorized: send Authorization: Bearer <token> (the server's --auth-token)");
    }
    if (draining) {
      res.setHeader("retry-after", "5");
      res.setHeader("connection", "close");
      return send(res, 503, "Server is shutting down");
    }
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
      if (sessions.size >= maxSessions) {
        res.setHeader("retry-after", "10");
        return send(res, 503, `Too many open sessions (${maxSessions}); close idle sessions or retry later`);
      }
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
      tracker.track(t, () => t.sessionId ?? "");
      transport = t;
    }
    const calls = toolCallIds(body);
    if (calls.length > 0) {
      if (tracker.inFlight + calls.length > maxCalls) {
        res.setHeader("retry-after", "1");
        return sendJson(res, 429, {
          jsonrpc: "2.0",
          id: calls[0],
          error: {
            code: -32000,
            message: `Server busy: ${tracker.inFlight} tool calls in flight (limit ${maxCalls}). Retry after 1 second.`,
          },
        });
      }
      const releases = calls.map((id) => tracker.admit(transport?.sessionId ?? "", id));
      res.once("close", () => {
        for (const release of releases) release();
      });
    }
    await transport.handleRequest(req, res, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log.error("HTTP request failed", { error: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) send(res, 500, "Internal error");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(s.port, s.host, () => resolve());
  });
  const addr = server.address();
  boundPort = typeof addr === "object" && addr ? addr.port : s.port;
  log.info(`Streamable HTTP on http://${s.host}:${boundPort}/mcp`, {
    auth: s.authToken ? "bearer token" : "none",
    maxConcurrentCalls: maxCalls,
  });
  return {
    server,
    port: boundPort,
    inFlight: () => tracker.inFlight,
    close: async (graceMs = 0) => {
      draining = true;
      const closed = new Promise<void>((r) => server.close(() => r()));
      const finished = await tracker.idle(graceMs);
      const cancelled = finished ? 0 : tracker.inFlight;
      if (!finished)
        log.warn(`Cancelling ${cancelled} tool call(s) still running after the ${graceMs} ms grace period`);
      await Promise.all([...sessions.values()].map((t) => cancelRunning(t, tracker, t.sessionId ?? "")));
      server.closeAllConnections();
      await closed;
      return { cancelled };
    },
  };
};

const send = (res: ServerResponse, status: number, text: string) => {
  res.writeHead(status, { "content-type": "text/plain" }).end(text);
};
const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
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
