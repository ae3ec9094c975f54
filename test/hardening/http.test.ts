// Streamable HTTP transport hardening: bearer token, session isolation, bounded concurrency, graceful shutdown.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { networkInterfaces } from "node:os";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { silentLogger } from "../../lib/index.ts";
import { type HttpSettings, startHttp, tokenMatches } from "../../server/http.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
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
const connect = async (url: URL, headers: Record<string, string> = {}) => {
  const client = new Client({ name: "http-test", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
};
const INIT = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};
const post = (url: URL, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(body),
  });

describe("bearer token", () => {
  test("tokenMatches: exact token only, scheme case-insensitive", () => {
    expect(tokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(tokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    for (const bad of [
      undefined,
      "",
      TOKEN,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${TOKEN}`,
      "Bearer ",
    ])
      expect(tokenMatches(bad, TOKEN)).toBe(false);
  });

  test("missing or wrong token → 401 with WWW-Authenticate; right token → MCP works", async () => {
    const { http, url } = await start({ authToken: TOKEN });
    try {
      const none = await post(url, INIT);
      expect(none.status).toBe(401);
      expect(none.headers.get("www-authenticate")).toContain("Bearer");
      expect((await post(url, INIT, { authorization: "Bearer wrong-token-wrong-token" })).status).toBe(401);
      await expect(connect(url)).rejects.toThrow();
      const client = await connect(url, { authorization: `Bearer ${TOKEN}` });
      const r = (await client.callTool({
        name: "ecs_resource_management",
        arguments: { api_operation: "ListClusters" },
      })) as CallToolResult;
      expect(r.isError).toBeFalsy();
      await client.close();
    } finally {
      await http.close();
    }
  });
});

describe("session isolation", () => {
  test("progress goes only to the session that asked; cancelling in one session leaves the other running", async () => {
    const { http, url, log } = await start();
    try {
      const a = await connect(url);
      const b = await connect(url);
      const seenA: string[] = [];
      const seenB: string[] = [];
      const ac = new AbortController();
      const callA = a
        .callTool({ name: "test_sleep", arguments: { ms: 2_000, label: "A" } }, undefined, {
          onprogress: (p) => seenA.push(p.message ?? ""),
          signal: ac.signal,
        })
        .catch((e: Error) => e);
      const callB = b.callTool({ name: "test_sleep", arguments: { ms: 400, label: "B" } }, undefined, {
        onprogress: (p) => seenB.push(p.message ?? ""),
      });
      await new Promise((r) => setTimeout(r, 150));
      ac.abort();
      const rb = (await callB) as CallToolResult;
      expect(rb.structuredContent).toMatchObject({ label: "B" });
      expect(await callA).toBeInstanceOf(Error);
      await new Promise((r) => setTimeout(r, 100));
      expect(log.aborted).toEqual(["A"]);
      expect(log.finished).toEqual(["B"]);
      expect(seenA.length).toBeGreaterThan(0);
      expect(seenB.length).toBeGreaterThan(0);
      expect(new Set(seenA)).toEqual(new Set(["A"]));
      expect(new Set(seenB)).toEqual(new Set(["B"]));
      await a.close();
      await b.close();
    } finally {
      await http.close();
    }
  });

  test("a session id from another session's client cannot be guessed into: unknown ids get 404", async () => {
    const { http, url } = await start();
    try {
      const r = await post(
        url,
        { jsonrpc: "2.0", id: 2, method: "tools/list" },
        { "mcp-session-id": crypto.randomUUID() },
      );
      expect(r.status).toBe(404);
    } finally {
      await http.close();
    }
  });
});

describe("Host check", () => {
  // A global IPv6 address of this machine, when it has one (the Host header then carries it in brackets).
  const ipv6 = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv6" && !a.internal && !a.address.startsWith("fe80"))?.address;

  test.skipIf(!ipv6)("bound to an IPv6 address, requests to it are accepted ([addr]:port Host)", async () => {
    const { http } = await start({ host: ipv6!, authToken: TOKEN });
    try {
      const r = await post(new URL(`http://[${ipv6}]:${http.port}/mcp`), INIT, { authorization: `Bearer ${TOKEN}` });
      expect(r.status).toBe(200);
    } finally {
      await http.close();
    }
  });
});

describe("bounded concurrency", () => {
  test("past maxConcurrentCalls a call gets 429 with Retry-After and a JSON-RPC error; capacity comes back", async () => {
    const { http, url } = await start({ maxConcurrentCalls: 2 });
    try {
      const client = await connect(url);
      const slow = [1, 2].map((i) => client.callTool({ name: "test_sleep", arguments: { ms: 500, label: `s${i}` } }));
      await new Promise((r) => setTimeout(r, 100));
      expect(http.inFlight()).toBe(2);
      const raw = await connect(url);
      const busy = await raw.callTool({ name: "test_sleep", arguments: { ms: 1 } }).catch((e: Error) => e);
      expect(busy).toBeInstanceOf(Error);
      expect(String(busy)).toMatch(/429|busy/i);
      await Promise.all(slow);
      expect(http.inFlight()).toBe(0);
      const again = (await raw.callTool({ name: "test_sleep", arguments: { ms: 1 } })) as CallToolResult;
      expect(again.isError).toBeFalsy();
      await client.close();
      await raw.close();
    } finally {
      await http.close();
    }
  });

  test("the 429 response itself: status, Retry-After, JSON-RPC error body", async () => {
    const { http, url } = await start({ maxConcurrentCalls: 1 });
    try {
      const client = await connect(url);
      const slow = client.callTool({ name: "test_sleep", arguments: { ms: 400 } });
      await new Promise((r) => setTimeout(r, 100));
      const init = await post(url, INIT);
      const sid = init.headers.get("mcp-session-id")!;
      await post(
        url,
        { jsonrpc: "2.0", method: "notifications/initialized" },
        { "mcp-session-id": sid, "mcp-protocol-version": "2025-06-18" },
      );
      const r = await post(
        url,
        { jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "test_sleep", arguments: { ms: 1 } } },
        { "mcp-session-id": sid, "mcp-protocol-version": "2025-06-18" },
      );
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe("1");
      expect(await r.json()).toMatchObject({ jsonrpc: "2.0", id: 7, error: { code: -32000 } });
      await slow;
      await client.close();
    } finally {
      await http.close();
    }
  });

  test("past maxSessions a new initialize gets 503 with Retry-After", async () => {
    const { http, url } = await start({ maxSessions: 1 });
    try {
      const client = await connect(url);
      const r = await post(url, INIT);
      expect(r.status).toBe(503);
      expect(r.headers.get("retry-after")).toBeTruthy();
      await client.close();
    } finally {
      await http.close();
    }
  });
});

describe("graceful shutdown", () => {
  test("in-flight calls shorter than the grace period finish; new requests get 503 meanwhile", async () => {
    const { http, url, log } = await start();
    const client = await connect(url);
    const call = client.callTool({ name: "test_sleep", arguments: { ms: 300, label: "short" } });
    await new Promise((r) => setTimeout(r, 50));
    const closing = http.close(2_000);
    await new Promise((r) => setTimeout(r, 20));
    const during = await post(url, INIT).catch(() => null);
    if (during) expect(during.status).toBe(503); // or the connection is refused: the listener is closed
    expect(((await call) as CallToolResult).structuredContent).toMatchObject({ label: "short" });
    expect(await closing).toEqual({ cancelled: 0 });
    expect(log.finished).toEqual(["short"]);
  });

  test("calls still running after the grace period are cancelled (their signal aborts)", async () => {
    const { http, url, log } = await start();
    const client = await connect(url);
    const call = client
      .callTool({ name: "test_sleep", arguments: { ms: 10_000, label: "long" } })
      .catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    expect(await http.close(200)).toEqual({ cancelled: 1 });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(String(await call)).toMatch(/shutting down/); // a clean JSON-RPC error, not a client-side timeout
    await new Promise((r) => setTimeout(r, 50));
    expect(log.aborted).toEqual(["long"]);
  });

  test("SIGTERM to the server process: in-flight call finishes within the grace period, then exit 0", async () => {
    const { spawn } = await import("node:child_process");
    const { join } = await import("node:path");
    const { fakeAwsEnv } = await import("../support/binary.ts");
    fake.setLatency("ecs", "ListClusters", 600);
    const child = spawn(
      join(import.meta.dir, "../../node_modules/.bin/bun"),
      [join(import.meta.dir, "../../server/main.ts"), "--http", "--port", "0", "--shutdown-grace", "5000"],
      { env: fakeAwsEnv(fake.url), stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        const m = /http:\/\/127\.0\.0\.1:(\d+)\/mcp/.exec(stderr);
        if (m) resolve(Number(m[1]));
      });
      child.once("exit", (c) => reject(new Error(`exited ${c}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
    const client = await connect(new URL(`http://127.0.0.1:${port}/mcp`));
    const call = client.callTool({ name: "ecs_resource_management", arguments: { api_operation: "ListClusters" } });
    await new Promise((r) => setTimeout(r, 200));
    child.kill("SIGTERM");
    const r = (await call) as CallToolResult;
    expect(r.isError).toBeFalsy();
    expect(await exited).toBe(0);
    expect(stderr).toContain("shutting down (SIGTERM)");
    fake.setLatency("ecs", "ListClusters", 0);
  }, 30_000);
});
