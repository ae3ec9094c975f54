// Token scopes → per-request policy limits and caller identity (tiny on purpose: the tool-call path imports it).
import type { AuthInfo } from "@modelcontextprotocol/server";
import type { Caller, PolicyLimits } from "../../lib/index.ts";

/** The scopes this server understands: read for any call, write for changes, sensitive for unredacted data. */
export const SCOPES = Object.freeze({ read: "ecs:read", write: "ecs:write", sensitive: "ecs:sensitive" });

/** The per-request policy limits a token's scopes give: without ecs:write no writes, without ecs:sensitive redaction. */
export const limitsOf = (auth: AuthInfo): PolicyLimits | undefined => {
  const write = auth.scopes.includes(SCOPES.write);
  const sensitive = auth.scopes.includes(SCOPES.sensitive);
  if (write && sensitive) return undefined;
  const missing = [...(write ? [] : [SCOPES.write]), ...(sensitive ? [] : [SCOPES.sensitive])];
  return {
    ...(write ? {} : { allowWrite: false }),
    ...(sensitive ? {} : { allowSensitiveData: false }),
    reason: `the access token has no ${missing.join(" / ")} scope (ask the authorization server for it)`,
  };
};

/** Who called: the token's subject, email and client. */
export const callerOf = (auth: AuthInfo): Caller => {
  const extra = auth.extra ?? {};
  return {
    subject: String(extra.sub ?? auth.clientId),
    ...(typeof extra.email === "string" ? { email: extra.email } : {}),
    clientId: auth.clientId,
  };
};
