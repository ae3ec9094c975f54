// 2026-07-28 HTTP exchanges in flight: at shutdown each still-running call gets a JSON-RPC "shutting down" error.
import type { ServerResponse } from "node:http";
import { sendWebResponse } from "./nodeBridge.ts";

type Id = string | number;

const shuttingDown = (id: Id) => ({
  jsonrpc: "2.0" as const,
  id,
  error: { code: -32000, message: "Server shutting down: the call was cancelled. Retry later." },
});

/** The exchanges with tool calls still running, so a shutdown can answer and abort them. */
export const createModernExchanges = () => {
  const open = new Set<() => void>();
  return {
    /**
     * Streams `run()`'s response to `res`. When cancelled by a shutdown, the handler's request signal (`gone`)
     * aborts, which cancels the tool, and the client gets an error for each call instead of a cut stream.
     */
    serve: async (res: ServerResponse, calls: readonly Id[], gone: AbortController, run: () => Promise<Response>) => {
      let cancelled = false;
      let wake: () => void = () => {};
      const cancelledNow = new Promise<undefined>((r) => {
        wake = () => r(undefined);
      });
      const cancel = () => {
        cancelled = true;
        wake();
        gone.abort();
      };
      if (calls.length > 0) open.add(cancel);
      try {
        const response = await Promise.race([run(), cancelledNow]);
        if (response && !cancelled) {
          await sendWebResponse(res, response, gone.signal, () =>
            cancelled
              ? calls.map((id) => `event: message\ndata: ${JSON.stringify(shuttingDown(id))}\n\n`).join("")
              : "",
          );
          return;
        }
        if (res.headersSent) return;
        const body = calls.length === 1 ? shuttingDown(calls[0] as Id) : calls.map(shuttingDown);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      } finally {
        open.delete(cancel);
      }
    },
    /** Cancels every exchange that still runs a tool call. */
    cancelAll: () => {
      for (const cancel of open) cancel();
    },
  };
};
