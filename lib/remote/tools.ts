// Tool descriptors of the AWS Knowledge proxy: built-in (so tools/list never depends on the network), run remotely.
import { errAsync, type ResultAsync } from "neverthrow";
import type * as v from "valibot";
import { defineCapability } from "../capability.ts";
import { defineTool } from "../defineTool.ts";
import { type EcsError, ecsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { KNOWLEDGE_TOOL_NAMES, withEcsGuidance } from "./guidance.ts";
import { RemoteToolOutput } from "./outputs.ts";
import { PROMPTS } from "./prompts.ts";
import { ReadDocumentationInput, RecommendInput, SearchDocumentationInput } from "./schemas.ts";

const disabled = (): EcsError =>
  ecsError("unavailable", {
    service: "AWS Knowledge MCP server",
    message: "The AWS Knowledge documentation proxy is disabled in this assistant.",
    hint: "Enable it with options.knowledge.enabled (server: drop --no-knowledge).",
  });

/** Forwards the validated input to the remote tool; docs lookups are idempotent, so one reconnect-and-retry is safe. */
const forward =
  (remoteName: string) =>
  (input: unknown, ctx: ToolContext): ResultAsync<v.InferOutput<typeof RemoteToolOutput>, EcsError> =>
    ctx.knowledge
      ? ctx.knowledge
          .callTool(remoteName, input, { signal: ctx.signal, idempotent: true })
          .map((r) => r as unknown as v.InferOutput<typeof RemoteToolOutput>)
      : errAsync(disabled());

const knowledgeTool = <
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
    access: "read",
    proxied: true,
    // The AWS Knowledge MCP server is public and unauthenticated: no IAM action.
    iamActions: { read: [] },
    run: forward(remoteName),
  });

/** `aws_knowledge_aws___search_documentation`. */
export const searchDocumentationTool = knowledgeTool(
  "aws___search_documentation",
  "awsKnowledgeSearchDocumentation",
  "Search AWS documentation",
  `Search the AWS documentation, What's New posts, blogs and architecture guidance (remote AWS Knowledge MCP server).
Returns ranked results with title, URL and a short context; read a result with aws_knowledge_aws___read_documentation.`,
  SearchDocumentationInput,
);

/** `aws_knowledge_aws___read_documentation`. */
export const readDocumentationTool = knowledgeTool(
  "aws___read_documentation",
  "awsKnowledgeReadDocumentation",
  "Read an AWS documentation page",
  `Fetch one AWS documentation page as markdown (remote AWS Knowledge MCP server).
Long pages come in parts: when the answer says the content was truncated, call again with start_index set to the next offset.`,
  ReadDocumentationInput,
);

/** `aws_knowledge_aws___recommend`. */
export const recommendTool = knowledgeTool(
  "aws___recommend",
  "awsKnowledgeRecommend",
  "Related AWS documentation",
  `Recommend documentation pages related to a given page: highly rated, new, similar and commonly viewed next (remote AWS Knowledge MCP server).
Use the "new" recommendations to discover recently released features around a topic.`,
  RecommendInput,
);

/** The remote capability: the AWS Knowledge docs proxy (three tools in the reference's order); hosted tools join at run time. */
export const REMOTE = defineCapability({
  id: "remote",
  settings: ["knowledge", "hosted"],
  instructions: `For ECS features newer than your training data (Express Mode, native blue/green, Managed Instances) use the aws_knowledge_* documentation tools.`,
  prompts: PROMPTS,
  tools: [searchDocumentationTool, readDocumentationTool, recommendTool],
});
