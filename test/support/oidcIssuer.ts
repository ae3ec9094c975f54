// A local OpenID issuer stand-in for OAuth tests: discovery document and JWKS on loopback, tokens minted in the test,
// key rotation on demand. Nothing leaves 127.0.0.1.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from "jose";

type Key = { kid: string; privateKey: CryptoKey; jwk: JWK };

export interface OidcIssuer {
  /** The issuer identifier (`iss`), `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** How many times the JWKS was fetched. */
  jwksFetches(): number;
  /** A signed access token: defaults sub/iat/exp (5 min), this issuer; `key: "foreign"` signs with an unpublished key. */
  mint(claims?: JWTPayload, opts?: { key?: "current" | "foreign"; ttlSec?: number }): Promise<string>;
  /** Replaces the published key by a new one (new kid); tokens signed before no longer verify. */
  rotate(): Promise<void>;
  close(): Promise<void>;
}

const newKey = async (kid: string): Promise<Key> => {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
};

export const startOidcIssuer = async (): Promise<OidcIssuer> => {
  let generation = 1;
  let current = await newKey("k1");
  const foreign = await newKey("k1"); // same kid, other key: the signature must fail
  let fetches = 0;
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === "/.well-known/openid-configuration") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(
        JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks`, id_token_signing_alg_values_supported: ["ES256"] }),
      );
    }
    if (req.url === "/jwks") {
      fetches++;
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ keys: [current.jwk] }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    jwksFetches: () => fetches,
    mint: async (claims = {}, opts = {}) => {
      const key = opts.key === "foreign" ? foreign : current;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: url, sub: "user-1", iat: now, exp: now + (opts.ttlSec ?? 300), ...claims })
        .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "at+jwt" })
        .sign(key.privateKey);
    },
    rotate: async () => {
      current = await newKey(`k${++generation}`);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};
