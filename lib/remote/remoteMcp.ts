// A lazy, time-bounded MCP client of one remote server (Streamable HTTP): connect on demand, one reconnect, fail fast.
// It speaks whichever era the remote does: 2026-07-28 when `server/discover` answers, else the 2025 `initialize`.
import type { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { errAsync, okAsync, ResultAsync } from "neverthrow";
import { type EcsError, ecsError } from "../errors.ts";
import { type Logger, silentLogger } from "../log.ts";
import { VERSION } from "../version.ts";
import { REMOTE_DEFAULTS } from "./options.ts";
import { isConnectionFailure, type RemoteRef, remoteError, unavailableError } from "./remoteErrors.ts";
import { fromCallToolResult, type RemoteToolResult } from "./remoteResult.ts";

/** A tool as the remote lists it (JSON Schema input, optional annotations). */
export interface RemoteTool {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly inputSchema: Record<string, unknown>;
  /** The remote's JSON Schema of its structuredContent, when it lists one. */
  readonly outputSchema?: Record<string, unknown>;
  readonly annotations?: { readonly readOnlyHint?: boolean; readonly destructiveHint?: boolean };
}

/** Settings of one remote connection. */
export interface RemoteMcpSettings extends RemoteRef {
  readonly connectTimeoutMs?: number;
  readonly callTimeoutMs?: number;
  readonly retryAfterMs?: number;
  readonly fetch?: typeof fetch;
  readonly log?: Logger;
}

/** Per-call options: cancellation, and whether the call may be repeated after a dropped connection. */
export interface RemoteCallOptions {
  readonly signal?: AbortSignal;
  readonly idempotent?: boolean;
}

/** The client side of one remote MCP server. Nothing here throws or waits on the network until asked. */
export interface RemoteMcp {
  readonly ref: RemoteRef;
  /** The remote's tools from the last successful listing; undefined until then. */
  tools(): readonly RemoteTool[] | undefined;
  /** Connects (if needed) and lists the tools. Used by callers and for background warm-up. */
  connect(signal?: AbortSignal): ResultAsync<readonly RemoteTool[], EcsError>;
  /** Calls a remote tool with the call timeout; failures are `unavailable` errors, never throws. */
  callTool(name: string, args: unknown, options?: RemoteCallOptions): ResultAsync<RemoteToolResult, EcsError>;
  /** Called when the remote's tool list changed (first listing included). Returns an unsubscribe function. */
  onToolsChanged(listener: () => void): () => void;
  /** Closes the remote session (idempotent). */
  close(): Promise<void>;
}

interface Session {
  readonly client: Client;
  readonly transport: StreamableHTTPClientTransport;
}

/** Creates the client; the first connection happens on the first `connect` or `callTool`. */
export const createRemoteMcp = (settings: RemoteMcpSettings): RemoteMcp => {
  const connectTimeoutMs = settings.connectTimeoutMs ?? REMOTE_DEFAULTS.connectTimeoutMs;
  const callTimeoutMs = settings.callTimeoutMs ?? REMOTE_DEFAULTS.callTimeoutMs;
  const retryAfterMs = settings.retryAfterMs ?? REMOTE_DEFAULTS.retryAfterMs;
  const log = settings.log ?? silentLogger;
  const ref: RemoteRef = { label: settings.label, url: settings.url, unreachableHint: settings.unreachableHint };
  const listeners = new Set<() => void>();
  let session: Promise<Session> | undefined;
  let failure: { error: EcsError; at: number } | undefined;
  let tools: readonly RemoteTool[] | undefined;
  let closed = false;
  let current: Session | undefined;

  const setTools = (next: readonly RemoteTool[]) => {
    const changed = JSON.stringify(next) !== JSON.stringify(tools);
    tools = next;
    if (changed) for (const l of listeners) l();
  };

  const refreshTools = async (s: Session): Promise<void> => {
    const listed = await s.client.listTools(undefined, { timeout: connectTimeoutMs });
    setTools(listed.tools as RemoteTool[]);
  };

  const open = async (signal?: AbortSignal): Promise<Session> => {
    // The MCP client stack loads on the first remote call, not at start-up (cold start and idle memory).
    const { Client, StreamableHTTPClientTransport } = await import("@modelcontextprotocol/client");
    const client = new Client(
      { name: "ecs-assistant", version: VERSION },
      { capabilities: {}, versionNegotiation: { mode: "auto", probe: { timeoutMs: connectTimeoutMs } } },
    );
    const transport = new StreamableHTTPClientTransport(new URL(settings.url), {
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
    });
    const s = { client, transport };
    client.setNotificationHandler("notifications/tools/list_changed", () => {
      refreshTools(s).catch((e: unknown) => log.warn(`${ref.label}: tool list refresh failed`, { error: String(e) }));
    });
    client.onclose = () => {
      if (session && current === s) session = undefined;
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The SDK's own request timeout covers initialize; this deadline also covers a stalled TCP connect or listTools.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(remoteTimeout(connectTimeoutMs)), connectTimeoutMs * 2 + 100);
    });
    try {
      await Promise.race([
        (async () => {
          await client.connect(transport, { timeout: connectTimeoutMs, signal });
          await refreshTools(s);
        })(),
        deadline,
      ]);
      return s;
    } catch (e) {
      await transport.close().catch(() => {});
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };

  const ensure = (signal?: AbortSignal): ResultAsync<Session, EcsError> => {
    if (closed) return errAsync(unavailableError(ref, "the bridge was closed"));
    if (!session && failure && Date.now() - failure.at < retryAfterMs) {
      const ago = Math.round((Date.now() - failure.at) / 1000);
      return errAsync({
        ...failure.error,
        message: `${failure.error.message} (last attempt ${ago}s ago; next attempt after ${Math.round(retryAfterMs / 1000)}s)`,
      });
    }
    if (!session) {
      const started = Date.now();
      const p = open(signal);
      session = p;
      p.then(
        (s) => {
          current = s;
          failure = undefined;
          log.info(`${ref.label}: connected`, { url: ref.url, ms: Date.now() - started, tools: tools?.length });
        },
        () => {
          if (session === p) session = undefined;
        },
      );
    }
    const pending = session;
    return ResultAsync.fromPromise(pending, (e) => {
      const mapped = remoteError(ref, e, { operation: "connect", timeoutMs: connectTimeoutMs, signal });
      // A connection that cannot be opened in time is an unreachable remote, not a slow call.
      const error =
        mapped.kind === "timeout" || mapped.kind === "aws"
          ? unavailableError(ref, `no working MCP session within ${connectTimeoutMs} ms (${mapped.message})`, e)
          : mapped;
      if (error.kind !== "cancelled") {
        failure = { error, at: Date.now() };
        log.warn(`${ref.label}: connection failed: ${error.message}`);
      }
      return error;
    });
  };

  const drop = (s: Session) => {
    if (current === s) current = undefined;
    session = undefined;
    s.transport.close().catch(() => {});
  };

  const invoke = (s: Session, name: string, args: unknown, signal?: AbortSignal) =>
    ResultAsync.fromPromise(
      s.client.callTool(
        { name, arguments: (args ?? {}) as Record<string, unknown> },
        { signal, timeout: callTimeoutMs },
      ),
      (e) => remoteError(ref, e, { operation: name, timeoutMs: callTimeoutMs, signal }),
    ).andThen((r) => {
      const result = fromCallToolResult(r as Parameters<typeof fromCallToolResult>[0]);
      if (!r.isError) return okAsync(result);
      return errAsync(
        ecsError("aws", {
          service: ref.label,
          operation: name,
          code: "RemoteToolError",
          retryable: false,
          message: `${ref.label} tool ${name} failed: ${result.text || "(no message)"}`,
          hint: "The remote tool reported an error; check the arguments (for example the URL or search phrase) and retry.",
        }),
      );
    });

  const callTool = (name: string, args: unknown, o: RemoteCallOptions = {}): ResultAsync<RemoteToolResult, EcsError> =>
    ensure(o.signal).andThen((s) =>
      invoke(s, name, args, o.signal).orElse((e) => {
        if (e.kind === "validation") refreshTools(s).catch(() => {}); // the remote schema may have changed
        if (!isConnectionFailure(e) || o.signal?.aborted) return errAsync(e);
        drop(s);
        if (!o.idempotent) return errAsync(e);
        log.info(`${ref.label}: connection lost during ${name}; reconnecting once`, { reason: e.message });
        return ensure(o.signal).andThen((s2) => invoke(s2, name, args, o.signal));
      }),
    );

  return {
    ref,
    tools: () => tools,
    connect: (signal) => ensure(signal).map(() => tools ?? []),
    callTool,
    onToolsChanged: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => {
      closed = true;
      const s = session;
      session = undefined;
      if (s) await s.then((x) => x.client.close()).catch(() => {});
    },
  };
};

const remoteTimeout = (ms: number) => Object.assign(new Error(`no answer within ${ms} ms`), { code: "ETIMEDOUT" });
