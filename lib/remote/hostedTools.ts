// Descriptors for the tools of the AWS-managed ECS MCP server, built from its tools/list and exposed under a prefix.
import * as v from "valibot";
import { defineTool } from "../defineTool.ts";
import type { AnyTool } from "../registry.ts";
import { RemoteStructuredContent, RemoteToolOutput } from "./outputs.ts";
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
  const access = readOnly ? "read" : destructive ? "destructive" : "write";
  return defineTool({
    name,
    title: tool.title ?? `ECS (AWS-managed server): ${tool.name}`,
    description: `[From the AWS-managed Amazon ECS MCP server, proxied with SigV4] ${tool.description ?? ""}`.trim(),
    input: PassThroughInput,
    output: RemoteToolOutput,
    structuredOutput: RemoteStructuredContent,
    access,
    // The policy lists may name the remote's own tool name too.
    aliases: [tool.name],
    idempotent: readOnly,
    sensitive: true,
    proxied: true,
    // The AWS-managed server is called with SigV4; the AWS calls it makes are its own. ecs-mcp defines two actions,
    // UseMcp and InvokeReadOnlyTools, and none for other tools: https://docs.aws.amazon.com/service-authorization/latest/reference/list_ecs-mcp.html
    iamActions: { read: readOnly ? ["ecs-mcp:UseMcp", "ecs-mcp:InvokeReadOnlyTools"] : ["ecs-mcp:UseMcp"] },
    run: (input, ctx) => remote.callTool(tool.name, input, { signal: ctx.signal, idempotent: readOnly }),
  });
};
