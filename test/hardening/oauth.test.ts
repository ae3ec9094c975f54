// The HTTP transport as an OAuth 2.1 resource server: metadata, challenges, JWT checks against a loopback issuer,
// scopes narrowing the policy per request, and the caller in audit entries and log lines.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { AuditEntry, Logger } from "../../lib/index.ts";
import { createOAuthGate } from "../../server/auth/oauth.ts";
import { type HttpHandle, startHttp } from "../../server/http.ts";
import { createLogger } from "../../server/log.ts";
import { type OidcIssuer, startOidcIssuer } from "../support/oidcIssuer.ts";
import { fakeAssistant, useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });
let issuer: OidcIssuer;
let http: HttpHandle;
let base: string;
const audit: AuditEntry[] = [];
const logLines: string[] = [];
beforeAll(async () => {
  issuer = await startOidcIssuer();
  fake.on("ecs", "CreateCluster", { cluster: { clusterName: "team", status: "ACTIVE" } });
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/team"] });
  const assistant = fakeAssistant(
    fake,
    { allowWrite: true, allowSensitiveData: true },
    { audit: (e) => audit.push(e) },
  );
  const log: Logger = createLogger({ level: "info" }, (l) => logLines.push(l));
  // The resource URI names the port the server will get; bind first on a fixed free port.
  const probe = await startHttp(assistant, log, { host: "127.0.0.1", port: 0, allowedHosts: [], allowedOrigins: [] });
  const port = probe.port;
  await probe.close();
  base = `http://127.0.0.1:${port}`;
  const oauth = createOAuthGate(
    { issuers: [issuer.url], resource: `${base}/mcp`, clockSkewSec: 30 },
    { jwksCooldownMs: 0 },
  );
  http = await startHttp(assistant, log, { host: "127.0.0.1", port, allowedHosts: [], allowedOrigins: [], oauth });
});
afterAll(async () => {
  await http?.close();
  await issuer?.close();
});

const ENVELOPE = {
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientCapabilities": {},
  "io.modelcontextprotocol/clientInfo": { name: "oauth-test", version: "1" },
};
const call = (token: string | undefined, name: string, args: Record<string, unknown>) =>
  fetch(`${base}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2026-07-28",
      "mcp-method": "tools/call",
      "mcp-name": name,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name, arguments: args, _meta: ENVELOPE },
    }),
  });
const resultText = async (r: Response) =>
  ((await r.json()) as { result: { isError?: boolean; content: { text: string }[] } }).result;
const LIST = { api_operation: "ListClusters" };
const CREATE = { api_operation: "CreateCluster", api_params: { clusterName: "team" } };

describe("metadata and challenges", () => {
  test("Protected Resource Metadata (RFC 9728) at the path-aware and bare well-known URLs, without a token", async () => {
    for (const path of ["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"]) {
      const r = await fetch(`${base}${path}`);
      expect(r.status).toBe(200);
      const doc = (await r.json()) as Record<string, unknown>;
      expect(doc.resource).toBe(`${base}/mcp`);
      expect(doc.authorization_servers).toEqual([issuer.url]);
      const scopes = doc.scopes_supported as string[];
      expect(scopes.some((s) => s.includes("read"))).toBe(true);
      expect(scopes.some((s) => s.includes("write"))).toBe(true);
    }
  });

  test("no token: 401 whose WWW-Authenticate points at the metadata", async () => {
    const r = await call(undefined, "ecs_resource_management", LIST);
    expect(r.status).toBe(401);
    const challenge = r.headers.get("www-authenticate") ?? "";
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain(`resource_metadata="${base}/.well-known/oauth-protected-resource/mcp"`);
  });

  test("/healthz answers without a token, whatever the Host (load balancer probes by IP)", async () => {
    const r = await fetch(`${base}/healthz`, { headers: { host: "10.0.3.17:8080" } });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { status: string }).status).toBe("ok");
  });
});

describe("tokens refused", () => {
  const aud = () => `${base}/mcp`;
  const cases: [string, () => Promise<string>, number, RegExp][] = [
    ["expired", () => issuer.mint({ aud: aud(), scope: "ecs:read" }, { ttlSec: -120 }), 401, /invalid_token/],
    [
      "wrong audience",
      () => issuer.mint({ aud: "https://other.example.com/mcp", scope: "ecs:read" }),
      401,
      /invalid_token/,
    ],
    [
      "issuer not accepted",
      () => issuer.mint({ aud: aud(), scope: "ecs:read", iss: "https://evil.example.com" }),
      401,
      /invalid_token/,
    ],
    [
      "signed by a key the issuer does not publish",
      () => issuer.mint({ aud: aud(), scope: "ecs:read" }, { key: "foreign" }),
      401,
      /invalid_token/,
    ],
    [
      "not valid yet beyond the allowed skew",
      () => issuer.mint({ aud: aud(), scope: "ecs:read", nbf: Math.floor(Date.now() / 1000) + 600 }),
      401,
      /invalid_token/,
    ],
    ["without the read scope", () => issuer.mint({ aud: aud(), scope: "profile" }), 403, /insufficient_scope/],
    [
      "unsigned (alg none)",
      async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
        const now = Math.floor(Date.now() / 1000);
        return `${enc({ alg: "none", typ: "JWT" })}.${enc({ iss: issuer.url, sub: "x", aud: aud(), scope: "ecs:read ecs:write", exp: now + 300 })}.`;
      },
      401,
      /invalid_token/,
    ],
  ];
  for (const [name, token, status, challenge] of cases)
    test(name, async () => {
      const r = await call(await token(), "ecs_resource_management", LIST);
      expect(r.status).toBe(status);
      expect(r.headers.get("www-authenticate") ?? "").toMatch(challenge);
      expect(fake.calls.filter((c) => c.operation === "ListClusters")).toHaveLength(0);
    });
});

describe("tokens accepted", () => {
  test("a read-only token reads, and its write is refused naming the missing scope (the server allows writes)", async () => {
    const token = await issuer.mint({ aud: `${base}/mcp`, scope: "ecs:read", email: "dev@example.com" });
    const read = await resultText(await call(token, "ecs_resource_management", LIST));
    expect(read.isError).toBeFalsy();
    const write = await resultText(await call(token, "ecs_resource_management", CREATE));
    expect(write.isError).toBe(true);
    expect(write.content[0]!.text).toContain("ecs:write");
    expect(fake.calls.filter((c) => c.operation === "CreateCluster")).toHaveLength(0);
  });

  test("a write token writes; the audit entry and the request's log lines name the caller", async () => {
    const token = await issuer.mint({
      aud: `${base}/mcp`,
      scope: "ecs:read ecs:write",
      sub: "alice",
      email: "alice@example.com",
    });
    const r = await resultText(await call(token, "ecs_resource_management", CREATE));
    expect(r.isError).toBeFalsy();
    expect(fake.calls.filter((c) => c.operation === "CreateCluster")).toHaveLength(1);
    expect(audit.at(-1)?.caller).toEqual({ sub: "alice", email: "alice@example.com", client_id: "alice" });
    expect(logLines.some((l) => l.includes("tool ecs_resource_management ok") && l.includes('"caller":"alice"'))).toBe(
      true,
    );
  });

  test("key rotation: a token signed with the issuer's new key is accepted (the JWKS is fetched again)", async () => {
    const before = issuer.jwksFetches();
    await issuer.rotate();
    const token = await issuer.mint({ aud: `${base}/mcp`, scope: "ecs:read" });
    const r = await call(token, "ecs_resource_management", LIST);
    expect(r.status).toBe(200);
    expect(issuer.jwksFetches()).toBeGreaterThan(before);
  });
});
