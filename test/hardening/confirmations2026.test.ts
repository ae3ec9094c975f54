// 2026-07-28 confirmations: an input_required result carrying the elicitation, a signed requestState, no server memory.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { randomBytes } from "node:crypto";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { silentLogger } from "../../lib/index.ts";
import { createConfirmStates } from "../../server/confirmState.ts";
import { type HttpHandle, startHttp } from "../../server/http.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { fakeAssistant } from "./support/world.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.on("ecs", "DeleteCluster", { cluster: { clusterName: "old", status: "INACTIVE" } });
  fake.on("ecs", "ListClusters", { clusterArns: [] });
});

const DELETE = { api_operation: "DeleteCluster", api_params: { cluster: "old" } };
const writes = () => fake.calls.filter((c) => c.operation !== "ListClusters");
const KEY = randomBytes(32);
const servers: HttpHandle[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

/** A server; replicas given the same key accept each other's states. */
const serve = async (key: Uint8Array = KEY) => {
  const http = await startHttp(fakeAssistant(fake, { allowWrite: true }), silentLogger, {
    host: "127.0.0.1",
    port: 0,
    allowedHosts: [],
    allowedOrigins: [],
    confirmStates: createConfirmStates(key),
  });
  servers.push(http);
  return `http://127.0.0.1:${http.port}/mcp`;
};
const ENVELOPE = (caps: Record<string, unknown>) => ({
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientCapabilities": caps,
});
/** One raw tools/call POST; returns the JSON-RPC result. */
const call = async (
  url: string,
  args: unknown,
  extra: Record<string, unknown> = {},
  caps: Record<string, unknown> = { elicitation: {} },
) => {
  const r = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2026-07-28",
      "mcp-method": "tools/call",
      "mcp-name": "ecs_resource_management",
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "ecs_resource_management", arguments: args, _meta: ENVELOPE(caps), ...extra },
    }),
  });
  return ((await r.json()) as { result: Record<string, unknown> }).result;
};
const YES = { confirm: { action: "accept", content: { confirm: true } } };

describe("2026-07-28 confirmation of destructive calls (MRTR)", () => {
  test("the SDK v2 client answers the input_required elicitation; accept runs the call once", async () => {
    const url = await serve();
    const asked: string[] = [];
    const client = new Client(
      { name: "mrtr", version: "1" },
      { capabilities: { elicitation: { form: {} } }, versionNegotiation: { mode: { pin: "2026-07-28" } } },
    );
    client.setRequestHandler("elicitation/create", async (req) => {
      asked.push(String(req.params.message));
      return { action: "accept", content: { confirm: true } };
    });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    const r = await client.callTool({ name: "ecs_resource_management", arguments: DELETE });
    expect(r.isError).toBeFalsy();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain("DeleteCluster");
    expect(writes().map((c) => c.operation)).toEqual(["DeleteCluster"]);
    await client.close();
  });

  test("first round: input_required with the question and a signed state, nothing sent to AWS", async () => {
    const url = await serve();
    const first = await call(url, DELETE);
    expect(first.resultType).toBe("input_required");
    const req = (first.inputRequests as Record<string, { method: string; params: { message: string } }>).confirm;
    expect(req?.method).toBe("elicitation/create");
    expect(req?.params.message).toContain('"cluster":"old"');
    expect(typeof first.requestState).toBe("string");
    expect(writes()).toEqual([]);
  });

  test("the retry may land on another replica with the same key; decline runs nothing", async () => {
    const [a, b] = [await serve(), await serve()];
    const first = await call(a, DELETE);
    const declined = await call(b, DELETE, {
      requestState: first.requestState,
      inputResponses: { confirm: { action: "decline" } },
    });
    expect(declined.isError).toBe(true);
    expect(writes()).toEqual([]);
    const again = await call(a, DELETE);
    const done = await call(b, DELETE, { requestState: again.requestState, inputResponses: YES });
    expect(done.isError).toBeFalsy();
    expect(writes().map((c) => c.operation)).toEqual(["DeleteCluster"]);
  });

  test("a state replayed for other arguments, from another key, or twice is refused clearly; nothing reaches AWS", async () => {
    const url = await serve();
    const other = await serve(randomBytes(32));
    const first = await call(url, DELETE);
    const otherArgs = { api_operation: "DeleteCluster", api_params: { cluster: "prod" } };
    const moved = await call(url, otherArgs, { requestState: first.requestState, inputResponses: YES });
    expect(moved.isError).toBe(true);
    expect(JSON.stringify(moved.content)).toContain("other arguments; nothing was sent to AWS");
    expect(moved.structuredContent).toMatchObject({
      error: { kind: "policy_denied", reason: "request_state_other_arguments" },
    });
    const foreign = await call(other, DELETE, { requestState: first.requestState, inputResponses: YES });
    expect(foreign.structuredContent).toMatchObject({ error: { reason: "request_state_tampered" } });
    expect(writes()).toEqual([]);
    expect((await call(url, DELETE, { requestState: first.requestState, inputResponses: YES })).isError).toBeFalsy();
    const replay = await call(url, DELETE, { requestState: first.requestState, inputResponses: YES });
    expect(replay.structuredContent).toMatchObject({ error: { reason: "request_state_replayed" } });
    expect(writes().map((c) => c.operation)).toEqual(["DeleteCluster"]);
  });

  test("a client that declared no elicitation is never sent one: the write gate decides, as for 2025 clients", async () => {
    const url = await serve();
    const r = await call(url, DELETE, {}, {});
    expect(r.resultType).not.toBe("input_required");
    expect(r.inputRequests).toBeUndefined();
    expect(r.isError).toBeFalsy(); // allowWrite is on and there is no way to ask
  });
});
