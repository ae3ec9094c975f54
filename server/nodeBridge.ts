// node:http ⇄ web-standard fetch: the SDK's handlers take a Request and return a Response; node gives us streams.
import type { IncomingMessage, ServerResponse } from "node:http";

/** The request as a web Request with its already-read body; `signal` aborts when the client goes away. */
export const toWebRequest = (req: IncomingMessage, body: string | undefined, signal: AbortSignal): Request => {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  }
  const method = req.method ?? "GET";
  return new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`).href, {
    method,
    headers,
    ...(body !== undefined && method !== "GET" && method !== "HEAD" ? { body } : {}),
    signal,
  });
};

/**
 * Writes a web Response to node, streaming its body (SSE) until it ends, the client disconnects or `stop` aborts;
 * `trailer` is written last (an SSE response cut short can still end with a JSON-RPC error event).
 */
export const sendWebResponse = async (
  res: ServerResponse,
  response: Response,
  stop?: AbortSignal,
  trailer?: () => string,
): Promise<void> => {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => {
    headers[k] = v;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const cut = () => {
    reader.cancel().catch(() => {});
  };
  res.once("close", cut);
  stop?.addEventListener("abort", cut);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((r) => res.once("drain", () => r()));
    }
  } catch {
    // the client went away, or the stream was cancelled: nothing more to send
  } finally {
    res.off("close", cut);
    stop?.removeEventListener("abort", cut);
    const tail = trailer?.();
    if (tail && !res.writableEnded && !res.destroyed) res.write(tail);
    res.end();
  }
};
