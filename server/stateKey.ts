// The key that signs what 2026 clients carry between requests (MRTR states, task handles): configured and shared by
// every replica (ECS_MCP_STATE_KEY), or one random key per process (stdio, a single replica).
import { createSigner, type Signer } from "./signedToken.ts";

let processSigner: Signer | undefined;

/** The signer of `key`, or this process's own when none is configured. */
export const stateSigner = (key?: string): Signer => {
  if (key !== undefined) return createSigner(Buffer.from(key, "utf8"));
  processSigner ??= createSigner(process.getBuiltinModule("node:crypto").randomBytes(32));
  return processSigner;
};
