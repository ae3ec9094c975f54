// Every tool the assistant offers, in tools/list order: the capabilities' tools, flattened.
import { CAPABILITIES } from "./capabilities.ts";
import type { AnyTool } from "./registry.ts";

/** All tool descriptors. Filter with `selectTools`; never mutate. */
export const ALL_TOOLS: readonly AnyTool[] = Object.freeze(CAPABILITIES.flatMap((c): readonly AnyTool[] => c.tools));
