// Every tool the assistant offers, in tools/list order. Capabilities add their descriptors here.
import { EXPRESS_TOOLS } from "./expressmode/tools.ts";
import { ecsResourceManagementTool } from "./operations/tools.ts";
import type { AnyTool } from "./registry.ts";
import { KNOWLEDGE_TOOLS } from "./remote/tools.ts";
import { ecsTroubleshootingToolDescriptor } from "./troubleshoot/tools.ts";

/** All tool descriptors. Filter with `selectTools`; never mutate. */
export const ALL_TOOLS: readonly AnyTool[] = Object.freeze([
  ...EXPRESS_TOOLS,
  ecsResourceManagementTool,
  ecsTroubleshootingToolDescriptor,
  ...KNOWLEDGE_TOOLS,
]);
