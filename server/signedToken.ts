// HMAC-signed tokens: what a 2026 client carries between requests (MRTR confirmation state, task handles) so that
// any replica sharing the key can trust it without a shared store. Signed, not encrypted: never put secrets in one.
import { err, ok, type Result } from "neverthrow";

/** node:crypto on first use: start-up does not load it (bench/: idle RSS). */
const nodeCrypto = (): typeof import("node:crypto") => process.getBuiltinModule("node:crypto");

/** Why a token was refused before its content was read. */
export type TokenProblem = "malformed" | "tampered";

/** Seals and opens tokens with one key; `purpose` separates kinds (a confirmation state is never a task handle). */
export interface Signer {
  seal(purpose: string, payload: object): string;
  open(purpose: string, token: string): Result<Record<string, unknown>, TokenProblem>;
}

/** `<base64url JSON>.<base64url HMAC-SHA256(purpose, body)>`, checked in constant time. */
export const createSigner = (key: Uint8Array): Signer => {
  const mac = (purpose: string, body: string) =>
    nodeCrypto().createHmac("sha256", key).update(`${purpose}\n${body}`).digest();
  return {
    seal: (purpose, payload) => {
      const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
      return `${body}.${mac(purpose, body).toString("base64url")}`;
    },
    open: (purpose, token) => {
      const [body, given, extra] = token.split(".");
      if (!body || !given || extra !== undefined) return err("malformed");
      const g = Buffer.from(given, "base64url");
      const expected = mac(purpose, body);
      if (g.length !== expected.length || !nodeCrypto().timingSafeEqual(g, expected)) return err("tampered");
      try {
        const p = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown;
        return p && typeof p === "object" && !Array.isArray(p) ? ok(p as Record<string, unknown>) : err("malformed");
      } catch {
        return err("malformed");
      }
    },
  };
};
