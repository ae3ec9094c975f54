// Descriptors for the tools of the AWS-managed ECS MCP server, built from its tools/list and exposed under a prefix.
import { ok } from "neverthrow";
import * as v from "valibot";
import type { AnyTool } from "../registry.ts";
import { defineTool } from "../tool.ts";
import type { RemoteMcp, RemoteTool } from "./remoteMcp.ts";

/** Free-form input: the remote server validates against its own schema, which is what tools/list shows. */
const PassThroughInput = v.looseObject({});

/**
 * One hosted tool as our descriptor. Its gate follows the remote's annotations (no readOnlyHint → a write, so the
 * policy's write gate applies), and its output is treated as sensitive (redacted unless allowSensitiveData).
 */
export const hostedDescriptor = (remote: RemoteMcp, tool: RemoteTool, prefix: string): AnyTool => {
  const readOnly = tool.annotations?.readOnlyHint === true;
  const destructive = !readOnly && tool.annotations?.destructiveHint !== false && tool.annotations?.destructiveHint;
  const name = `${prefix}${tool.name}`;
  return defineTool({
    name,
    title: tool.title ?? `ECS (AWS-managed server): ${tool.name}`,
    description: `[From the AWS-managed Amazon ECS MCP server, proxied with SigV4] ${tool.description ?? ""}`.trim(),
    input: PassThroughInput,
    annotations: {
      readOnlyHint: readOnly,
      destructiveHint: !!destructive,
      idempotentHint: readOnly,
      openWorldHint: true,
    },
    gate: readOnly ? "read" : "write",
    access: () =>
      ok({
        name,
        aliases: [tool.name],
        access: readOnly ? "read" : destructive ? "destructive" : "write",
        sensitive: true,
      }),
    run: (input, ctx) => remote.callTool(tool.name, input, { signal: ctx.signal, idempotent: readOnly }),
  });
};
