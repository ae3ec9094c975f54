// Two server processes behind haproxy round-robin: a 2026-07-28 client's requests alternate replicas and all succeed.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { randomBytes } from "node:crypto";
import { Client, type FetchLike, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { haveHaproxy, type Replicas, startReplicas } from "../support/replicas.ts";

let fake: FakeAws;
let replicas: Replicas | undefined;
beforeAll(async () => {
  fake = await startFakeAws();
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/old"] });
  fake.on("ecs", "DeleteCluster", { cluster: { clusterName: "old", status: "INACTIVE" } });
  if (haveHaproxy())
    replicas = await startReplicas(fake.url, 2, {
      ALLOW_WRITE: "true",
      ECS_MCP_STATE_KEY: randomBytes(32).toString("hex"),
    });
}, 60_000);
afterAll(async () => {
  await replicas?.close();
  await fake.close();
});

describe.skipIf(!haveHaproxy())("replicas behind a round-robin load balancer (haproxy)", () => {
  test("discover → list → call → confirmed destructive call: requests alternate replicas and all succeed", async () => {
    const seen: { method: string; replica: string; status: number }[] = [];
    const recordingFetch: FetchLike = async (input, init) => {
      const res = await fetch(input, init);
      const body = typeof init?.body === "string" ? (JSON.parse(init.body) as { method?: string }) : {};
      seen.push({ method: body.method ?? "?", replica: res.headers.get("x-replica") ?? "?", status: res.status });
      return res;
    };
    const asked: string[] = [];
    const client = new Client(
      { name: "replicas", version: "1" },
      { capabilities: { elicitation: { form: {} } }, versionNegotiation: { mode: { pin: "2026-07-28" } } },
    );
    client.setRequestHandler("elicitation/create", async (req) => {
      asked.push(String(req.params.message));
      return { action: "accept", content: { confirm: true } };
    });
    await client.connect(new StreamableHTTPClientTransport(new URL(replicas?.url ?? ""), { fetch: recordingFetch }));
    expect((await client.listTools()).tools.length).toBeGreaterThan(5);
    const list = await client.callTool({
      name: "ecs_resource_management",
      arguments: { api_operation: "ListClusters" },
    });
    expect(list.isError).toBeFalsy();
    const del = await client.callTool({
      name: "ecs_resource_management",
      arguments: { api_operation: "DeleteCluster", api_params: { cluster: "old" } },
    });
    expect(del.isError).toBeFalsy();
    await client.close();

    expect(asked).toHaveLength(1);
    expect(fake.calls.filter((c) => c.operation === "DeleteCluster")).toHaveLength(1);
    expect(seen.map((s) => s.method)).toEqual([
      "server/discover",
      "tools/list",
      "tools/call",
      "tools/call",
      "tools/call",
    ]);
    expect(seen.every((s) => s.status === 200)).toBe(true);
    expect(new Set(seen.map((s) => s.replica))).toEqual(new Set(["r1", "r2"]));
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.replica).not.toBe(seen[i - 1]?.replica);
  }, 30_000);
});
