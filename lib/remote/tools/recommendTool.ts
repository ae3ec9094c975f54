// The recommend docs proxy tool (one tool, one file; lib/remote/tools/index.ts lists it).
import { knowledgeTool } from "../knowledgeTool.ts";
import { RecommendInput } from "../schemas.ts";

/** `aws_knowledge_aws___recommend`. */
export const recommendTool = knowledgeTool(
  "aws___recommend",
  "awsKnowledgeRecommend",
  "Related AWS documentation",
  `Recommend documentation pages related to a given page: highly rated, new, similar and commonly viewed next (remote AWS Knowledge MCP server).
Use the "new" recommendations to discover recently released features around a topic.`,
  RecommendInput,
);
