// Independent SigV4 verification for the fake remote (hand-written with node:crypto, not the signer under test).
import { createHash, createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** What the fake expects: the key pair it shares with the test, and the scope. */
export interface SigV4Expectation {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  readonly service: string;
}

const sha256hex = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const hmac = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s, "utf8").digest();
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Returns why the request's signature is wrong, or undefined when it is valid. */
export const verifySigV4 = (req: IncomingMessage, body: string, x: SigV4Expectation): string | undefined => {
  const auth = req.headers.authorization;
  const m =
    auth && /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return "Missing or malformed Authorization header";
  const [, credential, signedHeaders, signature] = m as unknown as [string, string, string, string];
  const [akid, date, region, service, term] = credential.split("/");
  if (akid !== x.accessKeyId) return `Unknown access key ${akid}`;
  if (region !== x.region || service !== x.service || term !== "aws4_request")
    return `Wrong credential scope ${credential}`;
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  if (!amzDate.startsWith(date ?? "-")) return "X-Amz-Date does not match the credential date";
  const names = signedHeaders.split(";");
  if (!names.includes("host") || !names.includes("x-amz-date")) return "host and x-amz-date must be signed";
  const url = new URL(req.url ?? "/", "http://x");
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const headers = names
    .map(
      (n) =>
        `${n}:${String(req.headers[n] ?? "")
          .trim()
          .replace(/\s+/g, " ")}\n`,
    )
    .join("");
  const payloadHash = sha256hex(body);
  const claimed = req.headers["x-amz-content-sha256"];
  if (claimed !== undefined && claimed !== payloadHash) return "x-amz-content-sha256 does not match the body";
  const canonical = [req.method, url.pathname, query, headers, signedHeaders, payloadHash].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256hex(canonical)].join("\n");
  const key = hmac(
    hmac(hmac(hmac(`AWS4${x.secretAccessKey}`, date ?? ""), region ?? ""), service ?? ""),
    "aws4_request",
  );
  const expected = createHmac("sha256", key).update(toSign, "utf8").digest("hex");
  return expected === signature
    ? undefined
    : "The request signature we calculated does not match the signature you provided";
};
