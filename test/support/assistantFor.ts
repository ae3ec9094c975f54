// Test helper: an assistant wired to the loopback fake AWS endpoint with fake credentials (see useFakeAws.ts).
import type { EcsAssistant } from "../../lib/assistant.ts";
import type { Policy } from "../../lib/policy.ts";
import { fakeAssistant } from "./useFakeAws.ts";

/** An assistant whose AWS calls go to `url` (the fake endpoint) with fake credentials. */
export const assistantFor = (url: string, policy: Partial<Policy> = {}): EcsAssistant => fakeAssistant({ url }, policy);
