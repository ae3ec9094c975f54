// A fetch that signs every request with AWS SigV4 (for the AWS-managed ECS MCP server, service `ecs-mcp`).
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Checksum, SourceData } from "@smithy/types";

/** SHA-256 / HMAC-SHA-256 on node:crypto, in the shape the smithy signer expects. */
class Sha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", toBytes(this.secret));
  }
  update(data: Uint8Array | string): void {
    this.hash.update(toBytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

const toBytes = (d: SourceData): Uint8Array =>
  typeof d === "string"
    ? new TextEncoder().encode(d)
    : d instanceof ArrayBuffer
      ? new Uint8Array(d)
      : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

/** What signing needs: region, service and credentials (or a provider such as the Node default chain). */
export interface SigV4Settings {
  readonly region: string;
  readonly service: string;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly fetch?: typeof fetch;
}

/** Builds the signer used by the fetch wrapper and by tests that verify signatures. */
export const createSigner = (s: Omit<SigV4Settings, "fetch">): SignatureV4 =>
  new SignatureV4({ region: s.region, service: s.service, credentials: s.credentials, sha256: Sha256 });

/**
 * A fetch for the MCP client transport that signs each request (POST, GET, DELETE) just before sending it,
 * so credentials from a refreshing provider (SSO, roles) stay current.
 */
export const createSigV4Fetch = (s: SigV4Settings): typeof fetch => {
  const signer = createSigner(s);
  const base = s.fetch ?? globalThis.fetch;
  const signed = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== "string")
      throw new TypeError("SigV4 fetch signs string bodies only (MCP sends JSON text)");
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    headers.host = url.host;
    const query: Record<string, string> = {};
    url.searchParams.forEach((value, key) => {
      query[key] = value;
    });
    const request = await signer.sign({
      method: (init?.method ?? "GET").toUpperCase(),
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query,
      headers,
      ...(typeof body === "string" ? { body } : {}),
    });
    // fetch derives Host from the URL (same value as signed); it may not be set by hand.
    const { host: _host, ...out } = request.headers;
    return base(url, { ...init, headers: out });
  };
  return signed as typeof fetch;
};
