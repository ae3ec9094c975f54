// The remote capability (AWS Knowledge docs proxy): instructions and prompts; its tools are the files in tools/.
import { defineCapability } from "../capability.ts";
import { PROMPTS } from "./prompts.ts";
import { TOOLS } from "./tools/index.ts";

/** The remote capability: the AWS Knowledge docs proxy (three tools in the reference's order); hosted tools join at run time. */
export const REMOTE = defineCapability({
  id: "remote",
  settings: ["knowledge", "hosted"],
  instructions: `For ECS features newer than your training data (Express Mode, native blue/green, Managed Instances) use the aws_knowledge_* documentation tools.`,
  prompts: PROMPTS,
  tools: TOOLS,
});
