// valibot output schema of proxied remote tools: the remote's MCP content, kept as it came, plus its joined text.
import * as v from "valibot";

/** A proxied tool's result (`RemoteToolResult`): `content` blocks as the remote sent them, `text` joined. */
export const RemoteToolOutput = v.object({
  kind: v.literal("remote_mcp_content"),
  content: v.array(v.looseObject({ type: v.string() })),
  structuredContent: v.optional(v.record(v.string(), v.unknown())),
  text: v.string(),
});
