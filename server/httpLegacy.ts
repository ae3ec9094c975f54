// 2025-era Streamable HTTP: one MCP server per session (Mcp-Session-Id), as before 2026-07-28. Needs sticky routing.
import { randomUUID } from "node:crypto";
import { isInitializeRequest, WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/server";
import type { EcsAssistant, Logger } from "../lib/index.ts";
import type { ConfirmStates } from "./confirmState.ts";
import { createMcpServer } from "./mcp.ts";
import { type CallTracker, cancelRunning } from "./shutdown.ts";

/** What the pipeline needs from the 2025 sessions. */
export interface LegacySessions {
  /** The session's transport, a new one for an initialize, or the plain-text refusal to send instead. */
  open(sessionId: string | undefined, body: unknown): Promise<WebStandardStreamableHTTPServerTransport | Refusal>;
  /** Answers what still runs with a "shutting down" error and closes every session. */
  closeAll(): Promise<void>;
}

/** An HTTP refusal before any MCP handling. */
export interface Refusal {
  readonly status: number;
  readonly text: string;
  readonly headers?: Record<string, string>;
}

/** Sessions live in this process only: a 2025 client must keep reaching the replica that initialized it. */
export const createLegacySessions = (
  assistant: EcsAssistant,
  log: Logger,
  tracker: CallTracker,
  maxSessions: number,
  states?: ConfirmStates,
): LegacySessions => {
  const sessions = new Map<string, WebStandardStreamableHTTPServerTransport>();
  return {
    open: async (sessionId, body) => {
      const existing = sessionId ? sessions.get(sessionId) : undefined;
      if (existing) return existing;
      if (sessionId) return { status: 404, text: "Unknown MCP session; initialize again" };
      if (!isInitializeRequest(body)) return { status: 400, text: "No session: the first request must be initialize" };
      if (sessions.size >= maxSessions)
        return {
          status: 503,
          text: `Too many open sessions (${maxSessions}); close idle sessions or retry later`,
          headers: { "retry-after": "10" },
        };
      const t = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          sessions.set(id, t);
        },
      });
      t.onclose = () => {
        if (t.sessionId) sessions.delete(t.sessionId);
      };
      await createMcpServer(assistant, log, states).connect(t);
      tracker.track(t, () => t.sessionId ?? "");
      return t;
    },
    closeAll: async () => {
      await Promise.all([...sessions.values()].map((t) => cancelRunning(t, tracker, t.sessionId ?? "")));
    },
  };
};
