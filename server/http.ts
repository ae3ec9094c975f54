// Streamable HTTP transport for both eras: loopback by default, Host/Origin checks, optional bearer token, body limit,
// bounded concurrency, graceful shutdown. 2026-07-28 requests are stateless (any replica answers them); 2025-era
// clients get a session in this process.
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AuthInfo, isLegacyRequest } from "@modelcontextprotocol/server";
import { context, propagation } from "@opentelemetry/api";
import { type EcsAssistant, type Logger, VERSION } from "../lib/index.ts";
import type { OAuthGate } from "./auth/oauth.ts";
import { callerOf } from "./auth/scopes.ts";
import type { ConfirmStates } from "./confirmState.ts";
import { hostAllowed } from "./hostCheck.ts";
import { createLegacySessions, type Refusal } from "./httpLegacy.ts";
import { withLogFields } from "./log.ts";
import { createModernHandler } from "./modern.ts";
import { createModernExchanges } from "./modernExchanges.ts";
import { sendWebResponse, toWebRequest } from "./nodeBridge.ts";
import { claimedVersion, MODERN_VERSIONS, unsupportedVersion } from "./protocol.ts";
import { createCallTracker, toolCallIds } from "./shutdown.ts";
import type { TaskRunner } from "./tasks.ts";

/** HTTP transport settings. */
export interface HttpSettings {
  readonly host: string;
  readonly port: number;
  readonly allowedHosts: readonly string[];
  readonly allowedOrigins: readonly string[];
  readonly maxBodyBytes?: number;
  /** Clients must send `Authorization: Bearer <authToken>` when set. */
  readonly authToken?: string;
  /** OAuth 2.1 resource server: JWT access tokens, scopes narrowing the policy per request (server/auth/oauth.ts). */
  readonly oauth?: OAuthGate;
  /** Tool calls in flight (all sessions) before new ones get 429. Default 64. */
  readonly maxConcurrentCalls?: number;
  /** Open sessions before a new initialize gets 503. Default 1000. */
  readonly maxSessions?: number;
  /** Signs and checks MRTR confirmation states; replicas must share its key. Default: a per-process key. */
  readonly confirmStates?: ConfirmStates;
  /** Serves long calls as tasks (handles signed with the replicas' shared key). Default: a per-process key. */
  readonly tasks?: TaskRunner;
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
  const tracker = createCallTracker();
  const maxBody = s.maxBodyBytes ?? 1_048_576;
  const maxCalls = s.maxConcurrentCalls ?? 64;
  const legacy = createLegacySessions(assistant, log, tracker, s.maxSessions ?? 1000, s.confirmStates);
  const modern = createModernHandler(assistant, log, s.confirmStates, s.tasks);
  const exchanges = createModernExchanges();
  let boundPort = s.port;
  let draining = false;
  let exchangeCount = 0;

  const originOk = (o: string | undefined) => {
    if (!o) return true; // non-browser clients send no Origin
    try {
      const u = new URL(o);
      return LOOPBACK.includes(u.hostname === "::1" ? "[::1]" : u.hostname) || s.allowedOrigins.includes(o);
    } catch {
      return false;
    }
  };

  /**
   * The one place a request is let in or turned away before any MCP handling: DNS-rebinding checks, then the
   * caller's credentials (the static token, or an OAuth access token whose verified claims come back as `auth`).
   */
  const authorise = async (req: IncomingMessage): Promise<Refusal | { auth?: AuthInfo }> => {
    if (!hostAllowed(req.headers.host, { host: s.host, port: boundPort }, s.allowedHosts))
      return {
        status: 403,
        text: `Forbidden Host header ${JSON.stringify(req.headers.host)} (DNS rebinding protection; add --allowed-host)`,
      };
    if (!originOk(req.headers.origin))
      return { status: 403, text: `Forbidden Origin ${JSON.stringify(req.headers.origin)} (add --allowed-origin)` };
    // The static token (single-user set-ups) is accepted beside OAuth when both are configured.
    if (s.authToken !== undefined && tokenMatches(req.headers.authorization, s.authToken)) return {};
    if (s.oauth) {
      const verdict = await s.oauth.authenticate(req.headers.authorization);
      return "token" in verdict ? { auth: verdict } : verdict;
    }
    if (s.authToken !== undefined)
      return {
        status: 401,
        text: "Unauthorized: send Authorization: Bearer <token> (the server's --auth-token)",
        headers: { "www-authenticate": 'Bearer realm="ecs-mcp-server"' },
      };
    return {};
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://x");
    // Load balancer health checks: no token, any Host (targets are probed by IP); says nothing beyond "up".
    if (url.pathname === "/healthz")
      return sendJson(res, draining ? 503 : 200, { status: draining ? "draining" : "ok", version: VERSION });
    if (s.oauth?.metadataPaths.includes(url.pathname)) return sendJson(res, 200, s.oauth.metadata);
    if (url.pathname !== "/mcp") return send(res, { status: 404, text: "Not found: the MCP endpoint is /mcp" });
    const verdict = await authorise(req);
    if ("status" in verdict) return send(res, verdict);
    const { auth } = verdict;
    // W3C trace context from the HTTP headers: the MCP request's span (server/requestSpans.ts) becomes its child.
    const traced = propagation.extract(context.active(), req.headers);
    const serve = () => context.with(traced, () => serveMcp(req, res, auth));
    return auth ? withLogFields(callerFields(auth), serve) : serve();
  };

  const serveMcp = async (req: IncomingMessage, res: ServerResponse, authInfo: AuthInfo | undefined) => {
    if (draining)
      return send(res, {
        status: 503,
        text: "Server is shutting down",
        headers: { "retry-after": "5", connection: "close" },
      });
    let raw: string | undefined;
    let body: unknown;
    if (req.method === "POST") {
      raw = (await readBody(req, maxBody)) ?? undefined;
      if (raw === undefined) return send(res, { status: 413, text: `Request body larger than ${maxBody} bytes` });
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, { status: 400, text: "Request body is not JSON" });
      }
    }
    const gone = new AbortController();
    res.once("close", () => gone.abort());
    const request = toWebRequest(req, raw, gone.signal);
    const version = claimedVersion(body);
    if (version !== undefined && !MODERN_VERSIONS.includes(version))
      return sendJson(res, 400, unsupportedVersion((body as { id?: string | number }).id ?? null, version));
    const isLegacy = await isLegacyRequest(request, body);
    const sid = req.headers["mcp-session-id"];
    const transport = isLegacy ? await legacy.open(Array.isArray(sid) ? sid[0] : sid, body) : undefined;
    if (transport && "status" in transport) return send(res, transport);
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
      const scope = transport ? (transport.sessionId ?? "") : `2026-07-28#${++exchangeCount}`;
      const releases = calls.map((id) => tracker.admit(scope, id));
      res.once("close", () => {
        for (const release of releases) release();
      });
    }
    const options = { parsedBody: body, ...(authInfo ? { authInfo } : {}) };
    if (transport) return sendWebResponse(res, await transport.handleRequest(request, options));
    return exchanges.serve(res, calls, gone, () => modern.fetch(request, options));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log.error("HTTP request failed", { error: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) send(res, { status: 500, text: "Internal error" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(s.port, s.host, () => resolve());
  });
  const addr = server.address();
  boundPort = typeof addr === "object" && addr ? addr.port : s.port;
  log.info(`Streamable HTTP on http://${s.host}:${boundPort}/mcp`, {
    auth: [s.authToken ? "bearer token" : "", s.oauth ? "oauth" : ""].filter(Boolean).join(" + ") || "none",
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
      exchanges.cancelAll();
      await Promise.all([legacy.closeAll(), modern.close()]);
      server.closeAllConnections();
      await closed;
      return { cancelled };
    },
  };
};

const send = (res: ServerResponse, r: Refusal) => {
  res.writeHead(r.status, { "content-type": "text/plain", ...r.headers }).end(r.text);
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

/** Log fields naming the caller of one request (every log line of the request carries them). */
const callerFields = (auth: AuthInfo): Record<string, unknown> => {
  const c = callerOf(auth);
  return { caller: c.subject, ...(c.email ? { caller_email: c.email } : {}) };
};
