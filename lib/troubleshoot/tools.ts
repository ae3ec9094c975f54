// The troubleshooting capability: its instructions and prompts; its tools are the files in tools/ (tools/index.ts).
import { defineCapability } from "../capability.ts";
import { PROMPTS } from "./prompts.ts";
import { TOOLS } from "./tools/index.ts";

/** The troubleshooting capability. */
export const TROUBLESHOOT = defineCapability({
  id: "troubleshoot",
  settings: [],
  instructions: `When something fails, use ecs_troubleshooting_tool (start with action "diagnose" or "get_ecs_troubleshooting_guidance"). Results that can hold secrets are redacted unless policy.allowSensitiveData = true.`,
  prompts: PROMPTS,
  tools: TOOLS,
});
