// stdio serving for both eras: each message is routed on its own (2026-07-28 envelope → per-request handler,
// anything else → the one 2025 session), so a request's protocol version is accepted or rejected by itself.
import type { Readable, Writable } from "node:stream";
import {
  isJSONRPCNotification,
  isJSONRPCRequest,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type RequestId,
  type Transport,
} from "@modelcontextprotocol/server";
import { StdioServerTransport } from "@modelcontextprotocol/server/stdio";
import type { EcsAssistant, Logger } from "../lib/index.ts";
import { createMcpServer } from "./mcp.ts";
import { asHttpRequest, createModernHandler, messagesOf } from "./modern.ts";
import { claimedVersion, MODERN_VERSIONS, unsupportedVersion } from "./protocol.ts";

/** The stdio server: its wire (for call tracking and shutdown) and how it ends. */
export interface StdioHandle {
  /** The stdio transport every response goes through. */
  readonly wire: Transport;
  /** Resolves when stdin closes. */
  readonly closed: Promise<string>;
  /** Aborts 2026-era requests still running and closes both eras' servers. */
  close(): Promise<void>;
}

/**
 * Why not the SDK's `serveStdio`: it fixes the era at the first message, so after a 2026 request a 2025 client on
 * the same pipe (or a request naming another version) is answered by the wrong era. Here nothing is pinned.
 */
export const serveStdio = async (
  assistant: EcsAssistant,
  log: Logger,
  io: { stdin?: Readable; stdout?: Writable } = {},
): Promise<StdioHandle> => {
  const wire = new StdioServerTransport(io.stdin, io.stdout);
  // Built on the first 2026-07-28 message: a 2025 client (and the start-up before any request) never pays for it.
  let modern: ReturnType<typeof createModernHandler> | undefined;
  const modernHandler = () => {
    modern ??= createModernHandler(assistant, log);
    return modern;
  };
  const running = new Map<RequestId, AbortController>();
  const legacyChannel = channelTo(wire);
  const legacy = createMcpServer(assistant, log);

  const serveModern = async (m: JSONRPCRequest, version: string) => {
    const abort = new AbortController();
    running.set(m.id, abort);
    try {
      const res = await modernHandler().fetch(asHttpRequest(m, version, abort.signal));
      for await (const out of messagesOf(res)) await wire.send(out);
    } catch (e) {
      if (!abort.signal.aborted) {
        log.error("stdio: 2026-07-28 request failed", { method: m.method, error: String(e) });
        await wire.send({ jsonrpc: "2.0", id: m.id, error: { code: -32603, message: "Internal error" } });
      }
    } finally {
      running.delete(m.id);
    }
  };

  const route = (m: JSONRPCMessage) => {
    if (isJSONRPCNotification(m) && m.method === "notifications/cancelled") {
      const id = (m.params as { requestId?: RequestId } | undefined)?.requestId;
      const abort = id === undefined ? undefined : running.get(id);
      if (abort) return abort.abort(); // a 2026 request: closing its exchange is the cancellation
    }
    const version = claimedVersion(m);
    if (version === undefined) return legacyChannel.deliver(m); // initialize, 2025 requests, answers to elicitation
    if (!MODERN_VERSIONS.includes(version)) {
      if (isJSONRPCRequest(m)) wire.send(unsupportedVersion(m.id, version)).catch(() => {});
      return;
    }
    if (isJSONRPCRequest(m))
      serveModern(m, version).catch((e: unknown) => log.error("stdio: send failed", { error: String(e) }));
  };

  const closed = new Promise<string>((resolve) => {
    wire.onclose = () => {
      legacyChannel.close().catch(() => {});
      resolve("stdin closed");
    };
  });
  wire.onerror = (e) => log.debug("stdio transport error", { error: e.message });
  await legacy.connect(legacyChannel);
  wire.onmessage = route;
  await wire.start();
  return {
    wire,
    closed,
    close: async () => {
      for (const abort of running.values()) abort.abort();
      await Promise.all([modern?.close(), legacy.close().catch(() => {})]);
    },
  };
};

/** A transport for the 2025 server that shares the stdio wire: messages are handed in by the router. */
const channelTo = (wire: Transport) => {
  let open = true;
  const channel: Transport & { deliver(m: JSONRPCMessage): void } = {
    start: async () => {},
    send: (m, options) => (open ? wire.send(m, options) : Promise.resolve()),
    close: async () => {
      if (!open) return;
      open = false;
      channel.onclose?.();
    },
    deliver: (m) => {
      if (open) channel.onmessage?.(m);
    },
  };
  return channel;
};
