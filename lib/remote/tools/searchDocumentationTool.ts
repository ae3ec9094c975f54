// The searchDocumentation docs proxy tool (one tool, one file; lib/remote/tools/index.ts lists it).
import { knowledgeTool } from "../knowledgeTool.ts";
import { SearchDocumentationInput } from "../schemas.ts";

/** `aws_knowledge_aws___search_documentation`. */
export const searchDocumentationTool = knowledgeTool(
  "aws___search_documentation",
  "awsKnowledgeSearchDocumentation",
  "Search AWS documentation",
  `Search the AWS documentation, What's New posts, blogs and architecture guidance (remote AWS Knowledge MCP server).
Returns ranked results with title, URL and a short context; read a result with aws_knowledge_aws___read_documentation.`,
  SearchDocumentationInput,
);
