// knowledgeTool: declares one AWS Knowledge proxy tool: built in (tools/list never depends on the network), run remotely.
import { errAsync, type ResultAsync } from "neverthrow";
import type * as v from "valibot";
import { defineTool } from "../defineTool.ts";
import { type EcsError, ecsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { KNOWLEDGE_TOOL_NAMES, withEcsGuidance } from "./guidance.ts";
import { RemoteStructuredContent, RemoteToolOutput } from "./outputs.ts";

const disabled = (): EcsError =>
  ecsError("unavailable", {
    service: "AWS Knowledge MCP server",
    message: "The AWS Knowledge documentation proxy is disabled in this assistant.",
    hint: "Enable it: options.knowledge.enabled = true.",
  });

/** Forwards the validated input to the remote tool; docs lookups are idempotent, so one reconnect-and-retry is safe. */
const forward =
  (remoteName: string) =>
  (input: unknown, ctx: ToolContext): ResultAsync<v.InferOutput<typeof RemoteToolOutput>, EcsError> =>
    ctx.knowledge
      ? ctx.knowledge.callTool(remoteName, input, { signal: ctx.signal, idempotent: true })
      : errAsync(disabled());

/** One proxied docs tool: read-only, no IAM action, forwarded to the remote tool of the same (unprefixed) name. */
export const knowledgeTool = <
  const R extends keyof typeof KNOWLEDGE_TOOL_NAMES,
  S extends v.GenericSchema,
  const M extends string,
>(
  remoteName: R,
  method: M,
  title: string,
  description: string,
  input: S,
) =>
  defineTool({
    name: KNOWLEDGE_TOOL_NAMES[remoteName],
    method,
    title,
    description: withEcsGuidance(description),
    input,
    output: RemoteToolOutput,
    structuredOutput: RemoteStructuredContent,
    access: "read",
    proxied: true,
    // The AWS Knowledge MCP server is public and unauthenticated: no IAM action.
    iamActions: { read: [] },
    run: forward(remoteName),
  });
