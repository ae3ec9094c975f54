// Cancelling a tool call aborts its in-flight AWS request: the signal travels with the tool's AWS call context (no tool
// passes it by hand). Proved for a read tool and a long wait, from the library, over HTTP and over stdio.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { PassThrough } from "node:stream";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type CallObserver, type EcsAssistant, silentLogger } from "../../lib/index.ts";
import { startHttp } from "../../server/http.ts";
import { serveStdio } from "../../server/stdio.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { answerEverything, fakeAssistant } from "./support/world.ts";

// A request the signal does not reach ends only at this timeout (as `timeout`, or as `cancelled` at the next sleep).
const REQUEST_TIMEOUT_MS = 4_000;
// A carried signal ends the request within this of the abort.
const PROMPT_MS = 1_500;

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());

type Seen = Parameters<CallObserver>[0] & { at: number };
/** An assistant on the fake that records every finished AWS call with the time it ended. */
const observed = (): { assistant: EcsAssistant; seen: Seen[] } => {
  const seen: Seen[] = [];
  const assistant = fakeAssistant(
    fake,
    {},
    {
      aws: { requestTimeoutMs: REQUEST_TIMEOUT_MS },
      polling: { serviceIntervalMs: 5 },
      onAwsCall: (e) => seen.push({ ...e, at: Date.now() }),
    },
  );
  return { assistant, seen };
};

/** Makes `operation` hang from now on: the fake accepts the request and never answers. */
const hangFrom = (operation: "ListClusters" | "DescribeServices") => fake.fail("ecs", operation, { kind: "hang" });

/** Resolves once the fake has received `n` requests for `operation`. */
const arrived = async (operation: string, n = 1) => {
  for (let i = 0; i < 300; i++) {
    if (fake.calls.filter((c) => c.operation === operation).length >= n) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${operation} never reached the fake`);
};

/** Resolves with the observer's record of the first failed `operation` call once it ended. */
const failed = async (seen: Seen[], operation: string, within = REQUEST_TIMEOUT_MS + 2_000) => {
  const end = Date.now() + within;
  for (;;) {
    const hit = seen.find((s) => s.operation === operation && !s.ok);
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`${operation} never ended`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** A service whose deployment is still rolling out, so wait_for_service_ready polls again. */
const rollingService = () => {
  answerEverything(fake);
  fake.on("ecs", "DescribeServices", () => {
    hangFrom("DescribeServices");
    return {
      services: [
        {
          serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/default/shop",
          serviceName: "shop",
          status: "ACTIVE",
          desiredCount: 1,
          runningCount: 0,
          pendingCount: 1,
          deployments: [{ id: "d1", status: "PRIMARY", rolloutState: "IN_PROGRESS", failedTasks: 0 }],
        },
      ],
    };
  });
};

describe("library callers (InvokeOptions.signal)", () => {
  test("a read tool: the in-flight AWS request is aborted, not left to its timeout", async () => {
    fake.reset();
    hangFrom("ListClusters");
    const { assistant, seen } = observed();
    const ac = new AbortController();
    const pending = assistant.ecsResourceManagement({ api_operation: "ListClusters" }, { signal: ac.signal });
    await arrived("ListClusters");
    const abortedAt = Date.now();
    ac.abort();
    expect((await pending)._unsafeUnwrapErr().kind).toBe("cancelled");
    const call = await failed(seen, "ListClusters");
    expect(call).toMatchObject({ tool: "ecs_resource_management", ok: false, code: "cancelled" });
    expect(call.at - abortedAt).toBeLessThan(PROMPT_MS);
  }, 15_000);

  test("wait_for_service_ready: a poll in flight is aborted mid-wait", async () => {
    fake.reset();
    rollingService();
    const { assistant, seen } = observed();
    const ac = new AbortController();
    const pending = assistant.waitForServiceReady(
      { cluster: "default", service_name: "shop", timeout_seconds: 60 },
      { signal: ac.signal },
    );
    await arrived("DescribeServices", 2);
    const abortedAt = Date.now();
    ac.abort();
    expect((await pending)._unsafeUnwrapErr().kind).toBe("cancelled");
    const polls = seen.filter((s) => s.operation === "DescribeServices");
    expect(polls.map((p) => p.ok)).toEqual([true, false]);
    expect(polls[1]).toMatchObject({ tool: "wait_for_service_ready", code: "cancelled" });
    expect(polls[1]!.at - abortedAt).toBeLessThan(PROMPT_MS);
  }, 15_000);
});

describe("MCP clients (notifications/cancelled)", () => {
  test("HTTP: the client's abort reaches the AWS request of the call", async () => {
    fake.reset();
    hangFrom("ListClusters");
    const { assistant, seen } = observed();
    const http = await startHttp(assistant, silentLogger, {
      host: "127.0.0.1",
      port: 0,
      allowedHosts: [],
      allowedOrigins: [],
    });
    const client = new Client({ name: "cancel-test", version: "1" });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${http.port}/mcp`)));
      const ac = new AbortController();
      const call = client
        .callTool({ name: "ecs_resource_management", arguments: { api_operation: "ListClusters" } }, undefined, {
          signal: ac.signal,
        })
        .catch((e: Error) => e);
      await arrived("ListClusters");
      const abortedAt = Date.now();
      ac.abort();
      expect(await call).toBeInstanceOf(Error);
      const aws = await failed(seen, "ListClusters");
      expect(aws).toMatchObject({ ok: false, code: "cancelled" });
      expect(aws.at - abortedAt).toBeLessThan(PROMPT_MS);
    } finally {
      await client.close();
      await http.close();
    }
  }, 15_000);

  test("stdio: notifications/cancelled aborts the wait's AWS request", async () => {
    fake.reset();
    rollingService();
    const { assistant, seen } = observed();
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    stdout.resume();
    const handle = await serveStdio(assistant, silentLogger, { stdin, stdout });
    const send = (m: Record<string, unknown>) => stdin.write(`${JSON.stringify({ jsonrpc: "2.0", ...m })}\n`);
    try {
      send({
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
      });
      send({ method: "notifications/initialized" });
      send({
        id: 2,
        method: "tools/call",
        params: { name: "wait_for_service_ready", arguments: { cluster: "default", service_name: "shop" } },
      });
      await arrived("DescribeServices", 2);
      const abortedAt = Date.now();
      send({ method: "notifications/cancelled", params: { requestId: 2, reason: "user pressed stop" } });
      const poll = await failed(seen, "DescribeServices");
      expect(poll).toMatchObject({ tool: "wait_for_service_ready", code: "cancelled" });
      expect(poll.at - abortedAt).toBeLessThan(PROMPT_MS);
    } finally {
      await handle.close();
    }
  }, 15_000);
});
