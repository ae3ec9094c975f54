// valibot output schemas of proxied remote tools: the remote's MCP content as it came, its joined text, and the
// structuredContent MCP clients receive.
import * as v from "valibot";

/** A proxied tool's result (`RemoteToolResult`): `content` blocks as the remote sent them, `text` joined. */
export const RemoteToolOutput = v.object({
  kind: v.literal("remote_mcp_content"),
  content: v.pipe(v.array(v.looseObject({ type: v.string() })), v.readonly()),
  structuredContent: v.optional(v.record(v.string(), v.unknown())),
  text: v.string(),
});

/**
 * What a proxied tool's MCP result carries as `structuredContent`: the remote's own structured result, passed through
 * unchanged, when it sent one (any object: tools/list shows the remote's outputSchema instead once the remote lists
 * one), else `{ text }`, its text blocks joined.
 */
export const RemoteStructuredContent = v.pipe(
  v.looseObject({ text: v.optional(v.string()) }),
  v.description(
    "The remote tool's structured result as it sent it; when it sent none, { text } with its text content joined.",
  ),
);
