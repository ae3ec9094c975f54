// The HTTP transport as an OAuth 2.1 resource server: Protected Resource Metadata (RFC 9728), bearer-token checks with
// WWW-Authenticate challenges (the SDK's helpers). Loaded only when OAuth is configured (it brings jose).
// https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization
import {
  type AuthInfo,
  bearerAuthChallengeResponse,
  getOAuthProtectedResourceMetadataUrl,
  verifyBearerToken,
} from "@modelcontextprotocol/server";
import type { OAuthConfig } from "../config.ts";
import { createJwtVerifier } from "./jwtVerifier.ts";
import { SCOPES } from "./scopes.ts";

/** An HTTP answer refusing a request. */
export interface AuthRefusal {
  readonly status: number;
  readonly text: string;
  readonly headers: Record<string, string>;
}

/** The OAuth side of the HTTP transport. */
export interface OAuthGate {
  /** Paths answered with the Protected Resource Metadata document (no token needed). */
  readonly metadataPaths: readonly string[];
  /** The RFC 9728 document. */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** The verified token, or the 401/403 answer with its WWW-Authenticate challenge. */
  authenticate(authorization: string | undefined): Promise<AuthInfo | AuthRefusal>;
}

/** Builds the gate; `jwksCooldownMs` is for tests of key rotation. */
export const createOAuthGate = (c: OAuthConfig, opts: { jwksCooldownMs?: number } = {}): OAuthGate => {
  const resource = new URL(c.resource);
  const metadataUrl = getOAuthProtectedResourceMetadataUrl(resource);
  const verifier = createJwtVerifier({
    issuers: c.issuers,
    audience: c.resource,
    clockToleranceSec: c.clockSkewSec,
    ...(c.jwksUris ? { jwksUris: c.jwksUris } : {}),
    ...(opts.jwksCooldownMs !== undefined ? { jwksCooldownMs: opts.jwksCooldownMs } : {}),
  });
  const requiredScopes = [SCOPES.read];
  return {
    // RFC 9728 §3: the path-aware location first; the bare one for clients that probe the origin.
    metadataPaths: [new URL(metadataUrl).pathname, "/.well-known/oauth-protected-resource"],
    metadata: Object.freeze({
      resource: c.resource,
      authorization_servers: [...c.issuers],
      scopes_supported: [SCOPES.read, SCOPES.write, SCOPES.sensitive],
      bearer_methods_supported: ["header"],
      resource_name: "ecs-mcp-server (Amazon ECS Express Mode)",
    }),
    authenticate: async (authorization) => {
      try {
        return await verifyBearerToken(authorization, {
          verifier,
          expectedResource: resource,
          requiredScopes,
          resourceMetadataUrl: metadataUrl,
        });
      } catch (e) {
        const res = bearerAuthChallengeResponse(e, { requiredScopes, resourceMetadataUrl: metadataUrl });
        return {
          status: res.status,
          text: await res.text(),
          headers: Object.fromEntries(res.headers.entries()),
        };
      }
    },
  };
};
