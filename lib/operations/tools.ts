// The operations capability: its instructions and prompts; its tools are the files in tools/ (listed in tools/index.ts).
import { defineCapability } from "../capability.ts";
import { PROMPTS } from "./prompts.ts";
import { TOOLS } from "./tools/index.ts";

/** The operations capability. */
export const OPERATIONS = defineCapability({
  id: "operations",
  settings: [],
  instructions: `ecs_resource_management runs one ECS or ECR API operation with validated parameters: reads always run, writes need policy.allowWrite = true, dry_run: true shows the exact call.`,
  prompts: PROMPTS,
  tools: TOOLS,
});
