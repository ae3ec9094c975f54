// Validates JWT access tokens for the HTTP transport as an OAuth 2.1 resource server (MCP authorization): signature
// against the issuer's JWKS, issuer allow-list, audience = this server's resource URI, exp/nbf with bounded skew.
// https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization (RFC 9068 JWT access tokens, RFC 8707)
import { type AuthInfo, OAuthError, OAuthErrorCode, type OAuthTokenVerifier } from "@modelcontextprotocol/server";
import { createRemoteJWKSet, decodeJwt, type JWTPayload, jwtVerify } from "jose";

/** What the verifier checks tokens against. */
export interface JwtVerifierSettings {
  /** Issuers whose tokens are accepted (exact `iss` values). */
  readonly issuers: readonly string[];
  /** This server's resource URI: a token's `aud` must contain it. */
  readonly audience: string;
  /** Clock skew allowed on exp/nbf/iat, seconds (the config caps it at 300). */
  readonly clockToleranceSec: number;
  /** JWKS URL per issuer, when the issuer publishes no discovery document. */
  readonly jwksUris?: Readonly<Record<string, string>>;
  /** Minimum time between JWKS refetches when a token names an unknown key id (key rotation), ms. Default 30 s. */
  readonly jwksCooldownMs?: number;
  /** Timeout of discovery and JWKS requests, ms. Default 5 s. */
  readonly fetchTimeoutMs?: number;
}

// Asymmetric algorithms only: a shared-secret (HS*) or unsigned (`none`) token is never accepted.
const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

const invalid = (why: string) => new OAuthError(OAuthErrorCode.InvalidToken, why);

/** The token's scopes: the `scope` claim (space-separated, RFC 9068) or `scp` (a list, as some issuers send). */
export const scopesOf = (p: JWTPayload): string[] => {
  if (typeof p.scope === "string") return p.scope.split(" ").filter(Boolean);
  if (Array.isArray(p.scp)) return p.scp.filter((s): s is string => typeof s === "string");
  if (typeof p.scp === "string") return p.scp.split(" ").filter(Boolean);
  return [];
};

/** Finds the issuer's JWKS URL: configured, or from its OpenID / RFC 8414 discovery document. */
const discoverJwksUri = async (issuer: string, timeoutMs: number): Promise<string> => {
  const base = issuer.replace(/\/$/, "");
  const u = new URL(issuer);
  const candidates = [
    `${base}/.well-known/openid-configuration`,
    `${u.origin}/.well-known/oauth-authorization-server${u.pathname === "/" ? "" : u.pathname.replace(/\/$/, "")}`,
  ];
  for (const url of candidates) {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => undefined);
    if (!res?.ok) continue;
    const doc = (await res.json().catch(() => ({}))) as { issuer?: string; jwks_uri?: string };
    // RFC 8414 §3.3: the document's issuer must be the one it was fetched for.
    if (doc.issuer?.replace(/\/$/, "") === base && typeof doc.jwks_uri === "string") return doc.jwks_uri;
  }
  throw new Error(`no discovery document with a jwks_uri for issuer ${issuer}`);
};

/** A verifier for the SDK's bearer-auth helpers (`verifyBearerToken`): AuthInfo from a valid JWT, OAuthError otherwise. */
export const createJwtVerifier = (s: JwtVerifierSettings): OAuthTokenVerifier => {
  const timeoutMs = s.fetchTimeoutMs ?? 5_000;
  const keySets = new Map<string, Promise<ReturnType<typeof createRemoteJWKSet>>>();
  const keySetOf = (issuer: string) => {
    let set = keySets.get(issuer);
    if (!set) {
      set = (async () => {
        const uri = s.jwksUris?.[issuer] ?? (await discoverJwksUri(issuer, timeoutMs));
        return createRemoteJWKSet(new URL(uri), {
          cooldownDuration: s.jwksCooldownMs ?? 30_000,
          timeoutDuration: timeoutMs,
        });
      })();
      set.catch(() => keySets.delete(issuer)); // retry discovery on the next request
      keySets.set(issuer, set);
    }
    return set;
  };

  return {
    verifyAccessToken: async (token: string): Promise<AuthInfo> => {
      let claimed: JWTPayload;
      try {
        claimed = decodeJwt(token);
      } catch {
        throw invalid("The access token is not a JWT");
      }
      const issuer = typeof claimed.iss === "string" ? claimed.iss : "";
      if (!s.issuers.includes(issuer))
        throw invalid(`Tokens from issuer ${JSON.stringify(issuer.slice(0, 100))} are not accepted`);
      let keys: ReturnType<typeof createRemoteJWKSet>;
      try {
        keys = await keySetOf(issuer);
      } catch (e) {
        throw new OAuthError(OAuthErrorCode.ServerError, `Cannot reach the issuer's keys: ${(e as Error).message}`);
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer,
          audience: s.audience,
          clockTolerance: s.clockToleranceSec,
          algorithms: ALGORITHMS,
          requiredClaims: ["exp", "sub"],
        }));
      } catch (e) {
        throw invalid(describeJoseError(e));
      }
      return {
        token,
        clientId: String(payload.client_id ?? payload.azp ?? payload.sub),
        scopes: scopesOf(payload),
        expiresAt: payload.exp,
        resource: new URL(s.audience),
        extra: {
          sub: payload.sub,
          ...(typeof payload.email === "string" ? { email: payload.email } : {}),
          iss: issuer,
        },
      };
    },
  };
};

/** jose's error, as a short sentence a client may see (no token content). */
const describeJoseError = (e: unknown): string => {
  const code = (e as { code?: string }).code ?? "";
  const claim = (e as { claim?: string }).claim;
  switch (code) {
    case "ERR_JWT_EXPIRED":
      return "The access token has expired";
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      return claim === "aud"
        ? "The access token is for another resource (aud)"
        : claim === "nbf"
          ? "The access token is not valid yet (nbf)"
          : `The access token's ${claim ?? "claims"} claim is not acceptable`;
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return "The access token's signature does not verify";
    case "ERR_JWKS_NO_MATCHING_KEY":
      return "The access token is signed with a key the issuer does not publish";
    case "ERR_JOSE_ALG_NOT_ALLOWED":
    case "ERR_JOSE_NOT_SUPPORTED":
      return "The access token's signing algorithm is not accepted";
    default:
      return "The access token is not valid";
  }
};
