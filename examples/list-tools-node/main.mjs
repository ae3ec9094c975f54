// Plain Node 22 (ESM, no TypeScript, no Bun): import the built library and list its tools with their gates.
import { createEcsAssistant } from "ecs-assistant";

const assistant = createEcsAssistant({ policy: { allowWrite: false } });
for (const tool of assistant.listTools()) {
  console.log(`${tool.name}\t${tool.gate}\t${tool.annotations.readOnlyHint ? "read-only" : "may write"}`);
}
console.log(
  `ecs-assistant ${assistant.version}: ${assistant.listTools().length} tools; AWS clients loaded: ${assistant.loadedServices().length}`,
);
