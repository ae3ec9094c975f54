// Signed MRTR confirmation state: what a 2026 client echoes back when it retries a confirmed destructive call.
import { err, ok, type Result } from "neverthrow";
import { createSigner, type Signer } from "./signedToken.ts";

const PURPOSE = "ecs-assistant/mrtr-confirmation";

/**
 * node:crypto, loaded on the first mint or check (~3 MB RSS in the compiled binary, bench/): most sessions never
 * confirm a destructive call, so start-up does not load it.
 */
const nodeCrypto = (): typeof import("node:crypto") => process.getBuiltinModule("node:crypto");

/** Why a state was refused; each says what the client should do. */
export type StateProblem = "malformed" | "tampered" | "expired" | "other_tool" | "other_arguments" | "replayed";

/** Mints and checks states with one key (shared by every replica that may receive the retry). */
export interface ConfirmStates {
  mint(tool: string, args: unknown): string;
  check(state: string, tool: string, args: unknown): Result<void, StateProblem>;
}

interface Payload {
  readonly t: string; // tool name
  readonly a: string; // SHA-256 of the canonical arguments
  readonly e: number; // expiry, ms since the epoch
  readonly n: string; // nonce
}

/** JSON with object keys sorted at every level, so equal arguments hash equally whatever their key order. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(",")}]`
    : v && typeof v === "object"
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : JSON.stringify(v ?? null);

/** SHA-256 of the canonical arguments, base64url. */
export const argsHash = (args: unknown): string =>
  nodeCrypto().createHash("sha256").update(canonical(args)).digest("base64url");

/**
 * HMAC-SHA256 over the payload (tool, arguments hash, expiry, nonce). A nonce is accepted once per process; across
 * replicas only the expiry bounds a replay of the same confirmed call (no shared store). `key` is the key, or the
 * signer that task handles share.
 */
export const createConfirmStates = (
  key: Uint8Array | Signer,
  ttlMs = 300_000,
  now: () => number = Date.now,
): ConfirmStates => {
  const used = new Map<string, number>();
  const signer = key instanceof Uint8Array ? createSigner(key) : key;
  return {
    mint: (tool, args) => {
      const payload: Payload = {
        t: tool,
        a: argsHash(args),
        e: now() + ttlMs,
        n: nodeCrypto().randomBytes(12).toString("base64url"),
      };
      return signer.seal(PURPOSE, payload);
    },
    check: (state, tool, args) => {
      const opened = signer.open(PURPOSE, state);
      if (opened.isErr()) return err(opened.error);
      const p = opened.value as unknown as Payload;
      const t = now();
      if (typeof p.e !== "number" || p.e < t) return err("expired");
      if (p.t !== tool) return err("other_tool");
      if (p.a !== argsHash(args)) return err("other_arguments");
      for (const [n, e] of used) if (e < t) used.delete(n);
      if (used.has(p.n)) return err("replayed");
      used.set(p.n, p.e);
      return ok(undefined);
    },
  };
};
