// Maps what a remote MCP call can throw (network, HTTP status, JSON-RPC error, timeout, abort) to EcsError.
import { type EcsError, ecsError } from "../errors.ts";

/** Which remote, for messages: a label ("AWS Knowledge MCP server") and its URL. */
export interface RemoteRef {
  readonly label: string;
  readonly url: string;
  /** What to do when the remote is unreachable (differs for the public docs server and the signed ECS server). */
  readonly unreachableHint: string;
}

const reasonOf = (e: unknown): string => {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  const code = cause && typeof cause === "object" ? (cause as { code?: unknown }).code : undefined;
  return code ? `${e.message} (${String(code)})` : e.message;
};

/** The remote could not be reached or dropped the connection: the call may be retried after reconnecting. */
export const unavailableError = (ref: RemoteRef, reason: string, cause?: unknown): EcsError =>
  ecsError("unavailable", {
    service: ref.label,
    message: `${ref.label} at ${ref.url} is unavailable: ${reason}`,
    hint: ref.unreachableHint,
    cause,
  });

/** Whether an error means the connection is gone (so one reconnect is worth trying). */
export const isConnectionFailure = (e: EcsError): boolean => e.kind === "unavailable";

/** Converts an exception from connect/listTools/callTool. `timeoutMs` names the deadline that applied. */
export const remoteError = (
  ref: RemoteRef,
  e: unknown,
  what: { operation: string; timeoutMs: number; signal?: AbortSignal },
): EcsError => {
  if (what.signal?.aborted)
    return ecsError("cancelled", {
      operation: what.operation,
      message: `${what.operation} on the ${ref.label} was cancelled.`,
      hint: "The request was cancelled by the client; call again if still needed.",
    });
  if (sdkCode(e) === "REQUEST_TIMEOUT")
    return ecsError("timeout", {
      operation: what.operation,
      afterMs: what.timeoutMs,
      message: `${ref.label} did not answer ${what.operation} within ${what.timeoutMs} ms.`,
      hint: "The remote server is slow or stalled; retry later, or raise the timeout (knowledge.callTimeoutMs / connectTimeoutMs).",
    });
  const rpc = jsonRpcCode(e);
  if (rpc === INVALID_PARAMS)
    return ecsError("validation", {
      message: `${ref.label} rejected the arguments of ${what.operation}: ${(e as Error).message}`,
      hint: "The remote tool's parameters may have changed; list the tools again and use the current input schema.",
      issues: [{ path: "", message: (e as Error).message }],
    });
  if (rpc !== undefined)
    return ecsError("aws", {
      service: ref.label,
      operation: what.operation,
      code: `McpError${rpc}`,
      retryable: false,
      message: `${ref.label} answered ${what.operation} with an error: ${(e as Error).message}`,
      hint: "The remote server refused the request; check the tool name and arguments.",
      cause: e,
    });
  const reason = reasonOf(e);
  // The SDK's SdkHttpError carries the HTTP status in `data.status`.
  const data = (e as { data?: { status?: unknown } } | undefined)?.data;
  const status = typeof data?.status === "number" ? data.status : /HTTP (\d{3})/.exec(reason)?.[1];
  return unavailableError(ref, status ? `HTTP ${status}: ${reason}` : reason, e);
};

const INVALID_PARAMS = -32602;

/**
 * The MCP client's errors told apart without loading it (it loads on the first remote call): a JSON-RPC error from
 * the remote (ProtocolError) has a negative numeric code; the client's own failures (SdkError) a string code.
 */
const jsonRpcCode = (e: unknown): number | undefined => {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === "number" && code < 0 ? code : undefined;
};
const sdkCode = (e: unknown): string | undefined => {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
};
