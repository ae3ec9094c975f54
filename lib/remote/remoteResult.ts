// The result of a proxied remote tool: the remote's MCP content as is, so the client sees what the remote sent.
import type { CallToolResult } from "@modelcontextprotocol/client";

/** One content block of a remote result (text, image, resource link…), unchanged. */
export type RemoteContent = CallToolResult["content"][number];

/**
 * What a proxied tool returns. `kind` marks it so the MCP adapter passes `content` through instead of
 * serialising the object; `text` joins the text blocks for library callers.
 */
export interface RemoteToolResult {
  readonly kind: "remote_mcp_content";
  readonly content: readonly RemoteContent[];
  readonly structuredContent?: Record<string, unknown>;
  readonly text: string;
}

/** Wraps a remote CallToolResult (already known not to be an error). */
export const fromCallToolResult = (r: Pick<CallToolResult, "content" | "structuredContent">): RemoteToolResult => ({
  kind: "remote_mcp_content",
  content: r.content,
  ...(r.structuredContent ? { structuredContent: r.structuredContent as Record<string, unknown> } : {}),
  text: r.content
    .filter((c): c is Extract<RemoteContent, { type: "text" }> => c.type === "text")
    .map((c) => c.text)
    .join("\n"),
});

/** Whether a tool value is a proxied remote result (the MCP adapter then forwards its content). */
export const isRemoteToolResult = (value: unknown): value is RemoteToolResult =>
  !!value &&
  typeof value === "object" &&
  (value as { kind?: unknown }).kind === "remote_mcp_content" &&
  Array.isArray((value as { content?: unknown }).content);

/**
 * The MCP result for a proxied value: the remote content, plus a text note when the policy redacted parts of it
 * (the registry adds `redaction` to the value).
 */
export const remoteCallResult = (value: RemoteToolResult): CallToolResult => {
  const redaction = (value as { redaction?: { note?: string } }).redaction;
  return {
    content: [...value.content, ...(redaction?.note ? [{ type: "text" as const, text: redaction.note }] : [])],
    // Clients validate structuredContent against the listed outputSchema (RemoteStructuredContent, or the remote's).
    structuredContent: value.structuredContent ?? { text: value.text },
  };
};
