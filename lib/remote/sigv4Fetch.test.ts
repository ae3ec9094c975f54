// SigV4 fetch: each request is signed over method, path, host and body, checked by an independent verifier.
import { describe, expect, test } from "bun:test";
import type { IncomingMessage } from "node:http";
import { verifySigV4 } from "../../test/support/sigv4Verify.ts";
import { createSigV4Fetch } from "./sigv4Fetch.ts";

const KEYS = { accessKeyId: "AKIDUNIT", secretAccessKey: "unit-secret" };
const EXPECT = { ...KEYS, region: "us-west-2", service: "ecs-mcp" };

/** Captures what the wrapped fetch would send, as an IncomingMessage-like object for the verifier. */
const capture = async (secret: string, init: RequestInit) => {
  let seen: { req: IncomingMessage; body: string } | undefined;
  const f = createSigV4Fetch({
    region: "us-west-2",
    service: "ecs-mcp",
    credentials: { accessKeyId: KEYS.accessKeyId, secretAccessKey: secret },
    fetch: (async (url: URL, i: RequestInit) => {
      const headers: Record<string, string> = { host: url.host };
      new Headers(i.headers).forEach((v, k) => {
        headers[k] = v;
      });
      seen = {
        req: { method: i.method ?? "GET", url: `${url.pathname}${url.search}`, headers } as unknown as IncomingMessage,
        body: typeof i.body === "string" ? i.body : "",
      };
      return new Response("{}");
    }) as unknown as typeof fetch,
  });
  await f("https://ecs-mcp.us-west-2.api.aws/mcp", init);
  return seen!;
};

describe("createSigV4Fetch", () => {
  test("a POST with a JSON body verifies; changing the body afterwards breaks the signature", async () => {
    const { req, body } = await capture(KEYS.secretAccessKey, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    });
    expect(req.headers.authorization).toContain("Credential=AKIDUNIT/");
    expect(req.headers.authorization).toContain("/us-west-2/ecs-mcp/aws4_request");
    expect(verifySigV4(req, body, EXPECT)).toBeUndefined();
    expect(verifySigV4(req, body.replace("list", "call"), EXPECT)).toBeDefined();
  });

  test("a GET (SSE stream) is signed too; a wrong secret is detected", async () => {
    const good = await capture(KEYS.secretAccessKey, { method: "GET", headers: { accept: "text/event-stream" } });
    expect(verifySigV4(good.req, good.body, EXPECT)).toBeUndefined();
    const bad = await capture("not-the-secret", { method: "GET" });
    expect(verifySigV4(bad.req, bad.body, EXPECT)).toContain("signature");
  });

  test("non-string bodies are refused rather than sent unsigned", async () => {
    await expect(capture(KEYS.secretAccessKey, { method: "POST", body: new Uint8Array([1]) })).rejects.toThrow(
      /string bodies/,
    );
  });
});
