// Whether an HTTP(S) endpoint answers at all: any HTTP status counts as reachable, a network error or timeout does not.

/** Outcome of one probe. */
export type Probe =
  | { readonly reachable: true; readonly status: number; readonly ms: number }
  | { readonly reachable: false; readonly reason: string; readonly ms: number };

const reasonOf = (e: unknown, timeoutMs: number): string => {
  if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError"))
    return `no answer within ${timeoutMs} ms`;
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const code = (e as { code?: string })?.code ?? cause?.code;
  const message = cause?.message ?? (e instanceof Error ? e.message : String(e));
  return code && !message.includes(code) ? `${code}: ${message}` : message;
};

/** GETs `url` once without following redirects; the body is discarded. */
export const probeUrl = async (url: string, timeoutMs: number, fetchFn: typeof fetch = fetch): Promise<Probe> => {
  const started = performance.now();
  try {
    const r = await fetchFn(url, { method: "GET", redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    await r.body?.cancel().catch(() => {});
    return { reachable: true, status: r.status, ms: Math.round(performance.now() - started) };
  } catch (e) {
    return { reachable: false, reason: reasonOf(e, timeoutMs), ms: Math.round(performance.now() - started) };
  }
};
