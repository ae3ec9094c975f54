// In-flight tool calls per MCP transport: bounds HTTP concurrency and lets a shutdown drain calls, then cancel them.
import type { JSONRPCMessage, Transport } from "@modelcontextprotocol/server";

type Id = string | number;

/** Counts tool calls from request to response (or cancellation, or the transport closing). */
export interface CallTracker {
  /** Tool calls running now, over all transports. */
  readonly inFlight: number;
  /**
   * Counts a call before its transport sees it (HTTP admission), so concurrent requests cannot overshoot a limit.
   * Returns a release for when the HTTP exchange ends without a response (rejected request, client gone).
   */
  admit(scope: string, id: Id): () => void;
  /** Follows `transport` (call after `server.connect`): requests in, responses and cancellations, close. */
  track(transport: Transport, scope: () => string): void;
  /** Request ids still running in `scope`. */
  running(scope: string): Id[];
  /** Resolves true once nothing is in flight, false when `timeoutMs` passed first. */
  idle(timeoutMs: number): Promise<boolean>;
}

const isToolCall = (m: JSONRPCMessage): m is JSONRPCMessage & { id: Id; method: string } =>
  "method" in m && m.method === "tools/call" && "id" in m;

/** The tool-call request ids in a JSON-RPC body (a message or a batch). */
export const toolCallIds = (body: unknown): Id[] =>
  (Array.isArray(body) ? body : [body]).flatMap((m) =>
    m && typeof m === "object" && (m as { method?: unknown }).method === "tools/call" && "id" in m
      ? [(m as { id: Id }).id]
      : [],
  );

/**
 * Answers every call still running on `transport` with a JSON-RPC error (so clients do not wait for a timeout), then
 * closes it, which aborts the handlers: the tools see their signal abort.
 */
export const cancelRunning = async (transport: Transport, tracker: CallTracker, scope: string): Promise<void> => {
  for (const id of tracker.running(scope))
    await transport
      .send(
        {
          jsonrpc: "2.0",
          id,
          error: { code: -32000, message: "Server shutting down: the call was cancelled. Retry later." },
        },
        { relatedRequestId: id },
      )
      .catch(() => {});
  await transport.close().catch(() => {});
};

/** Creates a tracker. */
export const createCallTracker = (): CallTracker => {
  const open = new Map<string, Set<Id>>();
  let count = 0;
  let waiters: (() => void)[] = [];
  const changed = () => {
    count = [...open.values()].reduce((n, s) => n + s.size, 0);
    if (count === 0) {
      for (const w of waiters) w();
      waiters = [];
    }
  };
  const add = (scope: string, id: Id) => {
    const s = open.get(scope) ?? new Set<Id>();
    open.set(scope, s);
    s.add(id);
    changed();
  };
  const remove = (scope: string, id?: Id) => {
    if (id === undefined) open.delete(scope);
    else open.get(scope)?.delete(id);
    changed();
  };
  return {
    get inFlight() {
      return count;
    },
    admit: (scope, id) => {
      add(scope, id);
      return () => remove(scope, id);
    },
    running: (scope) => [...(open.get(scope) ?? [])],
    track: (transport, scope) => {
      const onmessage = transport.onmessage;
      transport.onmessage = (m, extra) => {
        if (isToolCall(m)) add(scope(), m.id);
        if ("method" in m && m.method === "notifications/cancelled") {
          const id = (m.params as { requestId?: Id } | undefined)?.requestId;
          if (id !== undefined) remove(scope(), id);
        }
        onmessage?.(m, extra);
      };
      const send = transport.send.bind(transport);
      transport.send = (m, options) => {
        if (("result" in m || "error" in m) && "id" in m && m.id !== undefined) remove(scope(), m.id as Id);
        return send(m, options);
      };
      const onclose = transport.onclose;
      transport.onclose = () => {
        remove(scope());
        onclose?.();
      };
    },
    idle: (timeoutMs) =>
      count === 0
        ? Promise.resolve(true)
        : new Promise((resolve) => {
            const timer = setTimeout(() => {
              waiters = waiters.filter((w) => w !== done);
              resolve(false);
            }, timeoutMs);
            const done = () => {
              clearTimeout(timer);
              resolve(true);
            };
            waiters.push(done);
          }),
  };
};
