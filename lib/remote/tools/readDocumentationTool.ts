// The readDocumentation docs proxy tool (one tool, one file; lib/remote/tools/index.ts lists it).
import { knowledgeTool } from "../knowledgeTool.ts";
import { ReadDocumentationInput } from "../schemas.ts";

/** `aws_knowledge_aws___read_documentation`. */
export const readDocumentationTool = knowledgeTool(
  "aws___read_documentation",
  "awsKnowledgeReadDocumentation",
  "Read an AWS documentation page",
  `Fetch one AWS documentation page as markdown (remote AWS Knowledge MCP server).
Long pages come in parts: when the answer says the content was truncated, call again with start_index set to the next offset.`,
  ReadDocumentationInput,
);
