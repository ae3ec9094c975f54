// Streamable HTTP in the 2026-07-28 era (SDK v2 client, per-request _meta, no session) beside 2025-era sessions.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as LegacyTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createEcsAssistant, silentLogger } from "../../lib/index.ts";
import { type HttpSettings, startHttp } from "../../server/http.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { startFakeMcpRemote } from "../support/fakeMcpRemote.ts";
import { type SleepLog, withSleepTool } from "./support/slowTool.ts";
import { answerEverything, fakeAssistant } from "./support/world.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
  answerEverything(fake);
});
afterAll(() => fake.close());

const TOKEN = "s3cret-token-0123456789abcdef";
const start = async (settings: Partial<HttpSettings> = {}, log: SleepLog = { finished: [], aborted: [] }) => {
  const assistant = withSleepTool(fakeAssistant(fake), log);
  const http = await startHttp(assistant, silentLogger, {
    host: "127.0.0.1",
    port: 0,
    allowedHosts: [],
    allowedOrigins: [],
    ...settings,
  });
  return { http, log, url: new URL(`http://127.0.0.1:${http.port}/mcp`) };
};
/** A 2026-07-28 client: it probes with server/discover and never falls back to initialize. */
const connect = async (url: URL, headers: Record<string, string> = {}) => {
  const client = new Client(
    { name: "http-2026-test", version: "1" },
    { versionNegotiation: { mode: { pin: "2026-07-28" } } },
  );
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
};
const ENVELOPE = {
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientCapabilities": {},
  "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
};
const post = (url: URL, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2026-07-28",
      "mcp-method": String(body.method),
      ...headers,
    },
    body: JSON.stringify(body),
  });

describe("2026-07-28 over HTTP", () => {
  test("discover lists every served version; no session id; results carry the server's identity", async () => {
    const { http, url } = await start();
    try {
      const client = await connect(url);
      expect(client.getProtocolEra()).toBe("modern");
      expect(client.getDiscoverResult()?.supportedVersions).toEqual(
        expect.arrayContaining(["2026-07-28", "2025-11-25", "2025-06-18"]),
      );
      expect((await client.listTools()).tools.map((t) => t.name)).toContain("ecs_resource_management");
      await client.close();
      const raw = await post(url, { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: ENVELOPE } });
      expect(raw.status).toBe(200);
      expect(raw.headers.get("mcp-session-id")).toBeNull();
      const body = (await raw.json()) as { result: { _meta: Record<string, { name: string }> } };
      expect(body.result._meta["io.modelcontextprotocol/serverInfo"]?.name).toBe("ecs-assistant");
    } finally {
      await http.close();
    }
  });

  test("an unsupported version gets -32022 naming every served version; nothing else is done", async () => {
    const { http, url } = await start();
    try {
      const meta = { ...ENVELOPE, "io.modelcontextprotocol/protocolVersion": "2099-01-01" };
      const r = await post(url, { jsonrpc: "2.0", id: 9, method: "tools/list", params: { _meta: meta } });
      expect(r.status).toBe(400);
      const body = (await r.json()) as { id: number; error: { code: number; data: { supported: string[] } } };
      expect(body.id).toBe(9);
      expect(body.error.code).toBe(-32022);
      expect(body.error.data.supported).toEqual(expect.arrayContaining(["2026-07-28", "2025-11-25", "2025-06-18"]));
    } finally {
      await http.close();
    }
  });

  test("Mcp-Method / Mcp-Name headers that disagree with the body get -32020", async () => {
    const { http, url } = await start();
    try {
      const call = {
        jsonrpc: "2.0",
        id: 3,
        method: "tools/call",
        params: { name: "test_sleep", arguments: { ms: 1 }, _meta: ENVELOPE },
      };
      const wrongName = await post(url, call, { "mcp-name": "delete_app" });
      expect(wrongName.status).toBe(400);
      expect(((await wrongName.json()) as { error: { code: number } }).error.code).toBe(-32020);
      const wrongMethod = await post(url, call, { "mcp-method": "tools/list", "mcp-name": "test_sleep" });
      expect(((await wrongMethod.json()) as { error: { code: number } }).error.code).toBe(-32020);
      const right = await post(url, call, { "mcp-name": "test_sleep" });
      expect(right.status).toBe(200);
    } finally {
      await http.close();
    }
  });

  test("token, Host and Origin checks hold for 2026 requests too", async () => {
    const { http, url } = await start({ authToken: TOKEN });
    try {
      const list = { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: ENVELOPE } };
      expect((await post(url, list)).status).toBe(401);
      expect((await post(url, list, { authorization: `Bearer ${TOKEN}`, origin: "https://evil.example" })).status).toBe(
        403,
      );
      await expect(connect(url)).rejects.toThrow();
      const client = await connect(url, { authorization: `Bearer ${TOKEN}` });
      const r = await client.callTool({
        name: "ecs_resource_management",
        arguments: { api_operation: "ListClusters" },
      });
      expect(r.isError).toBeFalsy();
      await client.close();
    } finally {
      await http.close();
    }
  });

  test("progress goes only to the request that asked, in order; cancelling one call leaves the other running", async () => {
    const { http, url, log } = await start();
    try {
      const a = await connect(url);
      const b = await connect(url);
      const seenA: string[] = [];
      const seenB: number[] = [];
      const ac = new AbortController();
      const callA = a
        .callTool(
          { name: "test_sleep", arguments: { ms: 2_000, label: "A" } },
          {
            onprogress: (p) => seenA.push(p.message ?? ""),
            signal: ac.signal,
          },
        )
        .catch((e: Error) => e);
      const callB = b.callTool(
        { name: "test_sleep", arguments: { ms: 400, label: "B" } },
        {
          onprogress: (p) => seenB.push(p.progress),
        },
      );
      await new Promise((r) => setTimeout(r, 150));
      ac.abort();
      expect((await callB).structuredContent).toMatchObject({ label: "B" });
      expect(await callA).toBeInstanceOf(Error);
      for (let i = 0; i < 100 && log.aborted.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(log.aborted).toEqual(["A"]);
      expect(log.finished).toEqual(["B"]);
      expect(new Set(seenA)).toEqual(new Set(["A"]));
      expect(seenB.length).toBeGreaterThan(2);
      expect(seenB).toEqual([...seenB].sort((x, y) => x - y));
      await a.close();
      await b.close();
    } finally {
      await http.close();
    }
  });

  test("a 2025 session and a 2026 client share the server; the concurrency limit counts both", async () => {
    const { http, url } = await start({ maxConcurrentCalls: 2 });
    try {
      const old = new LegacyClient({ name: "old", version: "1" });
      await old.connect(new LegacyTransport(url));
      const client = await connect(url);
      const slow = [
        old.callTool({ name: "test_sleep", arguments: { ms: 500, label: "old" } }),
        client.callTool({ name: "test_sleep", arguments: { ms: 500, label: "new" } }),
      ];
      await new Promise((r) => setTimeout(r, 100));
      expect(http.inFlight()).toBe(2);
      const busy = await client.callTool({ name: "test_sleep", arguments: { ms: 1 } }).catch((e: Error) => e);
      expect(String(busy)).toMatch(/429|busy/i);
      await Promise.all(slow);
      expect(http.inFlight()).toBe(0);
      expect((await client.callTool({ name: "test_sleep", arguments: { ms: 1 } })).isError).toBeFalsy();
      await old.close();
      await client.close();
    } finally {
      await http.close();
    }
  });

  test("shutdown: a 2026 call still running after the grace period gets a JSON-RPC error and its signal aborts", async () => {
    const { http, url, log } = await start();
    const client = await connect(url);
    const call = client
      .callTool({ name: "test_sleep", arguments: { ms: 10_000, label: "long" } })
      .catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    expect(await http.close(200)).toEqual({ cancelled: 1 });
    expect(String(await call)).toMatch(/shutting down/);
    await new Promise((r) => setTimeout(r, 50));
    expect(log.aborted).toEqual(["long"]);
  });

  test("lists and reads carry ttlMs and cacheScope for 2026 clients only", async () => {
    const { http, url } = await start();
    try {
      const ask = async (method: string, params: Record<string, unknown>, modern: boolean) => {
        const body = { jsonrpc: "2.0", id: 1, method, params: modern ? { ...params, _meta: ENVELOPE } : params };
        const name: Record<string, string> = typeof params.uri === "string" ? { "mcp-name": params.uri } : {};
        const r = await post(url, body, modern ? name : { "mcp-protocol-version": "2025-06-18" });
        return ((await r.json()) as { result: Record<string, unknown> }).result;
      };
      expect(await ask("tools/list", {}, true)).toMatchObject({ ttlMs: 60_000, cacheScope: "public" });
      expect(await ask("prompts/list", {}, true)).toMatchObject({ ttlMs: 3_600_000, cacheScope: "public" });
      expect(await ask("resources/list", {}, true)).toMatchObject({ ttlMs: 3_600_000, cacheScope: "public" });
      const resources = (await ask("resources/list", {}, true)).resources as { uri: string }[];
      const read = await ask("resources/read", { uri: resources[0]?.uri }, true);
      expect(read).toMatchObject({ ttlMs: 3_600_000, cacheScope: "public" });
      const old = new LegacyClient({ name: "old", version: "1" });
      await old.connect(new LegacyTransport(url));
      const legacyList = (await old.listTools()) as Record<string, unknown>;
      expect(legacyList.ttlMs).toBeUndefined();
      await old.close();
    } finally {
      await http.close();
    }
  });

  test("the tool list changing (a remote's schemas arriving) reaches a subscriptions/listen stream", async () => {
    const remote = await startFakeMcpRemote();
    const assistant = createEcsAssistant({
      knowledge: { url: remote.url, callTimeoutMs: 2_000 },
      aws: {
        region: "us-east-1",
        endpoints: { default: fake.url },
        credentials: { accessKeyId: "A", secretAccessKey: "s" },
      },
    });
    const http = await startHttp(assistant, silentLogger, {
      host: "127.0.0.1",
      port: 0,
      allowedHosts: [],
      allowedOrigins: [],
    });
    try {
      const client = await connect(new URL(`http://127.0.0.1:${http.port}/mcp`));
      let changed = 0;
      client.setNotificationHandler("notifications/tools/list_changed", async () => {
        changed++;
      });
      const sub = await client.listen({ toolsListChanged: true });
      expect(sub.honoredFilter).toMatchObject({ toolsListChanged: true });
      const r = await client.callTool({
        name: "aws_knowledge_aws___search_documentation",
        arguments: { search_phrase: "ECS" },
      });
      expect(r.isError).toBeFalsy();
      for (let i = 0; i < 50 && changed === 0; i++) await new Promise((res) => setTimeout(res, 20));
      expect(changed).toBeGreaterThan(0);
      await sub.close();
      await client.close();
    } finally {
      await http.close();
      assistant.close();
      await remote.close();
    }
  });
});
