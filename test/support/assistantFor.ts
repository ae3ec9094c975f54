// Test helper: an assistant wired to the loopback fake AWS endpoint with fake credentials.
import { createEcsAssistant, type EcsAssistant } from "../../lib/assistant.ts";
import type { Policy } from "../../lib/policy.ts";

/** An assistant whose AWS calls go to `url` (the fake endpoint) with fake credentials. */
export const assistantFor = (url: string, policy: Partial<Policy> = {}): EcsAssistant =>
  createEcsAssistant({
    policy,
    aws: {
      region: "us-east-1",
      endpoints: { default: url },
      credentials: { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" },
      maxAttempts: 1,
    },
  });
