// Two server processes behind haproxy round-robin: a 2026-07-28 client's requests alternate replicas and all succeed.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { randomBytes } from "node:crypto";
import { Client, type FetchLike, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { haveHaproxy, type Replicas, startReplicas } from "../support/replicas.ts";
import { TASK_CAPABILITIES, taskRequester } from "../support/taskRequester.ts";

const SERVICE_ARN = "arn:aws:ecs:us-east-1:123456789012:service/default/shop";
let ready = false;
let fake: FakeAws;
let replicas: Replicas | undefined;
beforeAll(async () => {
  fake = await startFakeAws();
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/old"] });
  fake.on("ecs", "DeleteCluster", { cluster: { clusterName: "old", status: "INACTIVE" } });
  fake.on("ecs", "DescribeServices", () => ({
    services: [
      {
        serviceArn: SERVICE_ARN,
        serviceName: "shop",
        status: "ACTIVE",
        desiredCount: 2,
        runningCount: ready ? 2 : 1,
        pendingCount: ready ? 0 : 1,
        deployments: [{ id: "d1", status: "PRIMARY", rolloutState: ready ? "COMPLETED" : "IN_PROGRESS" }],
        events: [],
      },
    ],
  }));
  fake.on("ecs", "DescribeExpressGatewayService", {
    service: {
      serviceArn: SERVICE_ARN,
      activeConfigurations: [{ ingressPaths: [{ accessType: "PUBLIC", endpoint: "sh-1.ecs.us-east-1.on.aws" }] }],
    },
  });
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
  test("discover → list → call → confirmed destructive call → task start → task polls: requests alternate replicas and all succeed", async () => {
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
      { capabilities: TASK_CAPABILITIES, versionNegotiation: { mode: { pin: "2026-07-28" } } },
    );
    client.setRequestHandler("elicitation/create", async (req) => {
      asked.push(String(req.params.message));
      return { action: "accept", content: { confirm: true } };
    });
    const transport = new StreamableHTTPClientTransport(new URL(replicas?.url ?? ""), { fetch: recordingFetch });
    await client.connect(transport);
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
    // A long wait as a task: the handle names the service, so whichever replica a poll reaches reads AWS itself.
    const tasks = taskRequester(client, transport);
    const created = await tasks.callTool("wait_for_service_ready", {
      cluster: "default",
      service_name: "shop",
      timeout_seconds: 600,
    });
    expect(created).toMatchObject({ resultType: "task", status: "working" });
    const early = [await tasks.get(created.taskId), await tasks.get(created.taskId)];
    expect(early.map((t) => t.status)).toEqual(["working", "working"]);
    ready = true;
    const { task, polls } = await tasks.settle(created.taskId);
    expect(task).toMatchObject({ status: "completed", result: { structuredContent: { status: "success" } } });
    await client.close();

    expect(asked).toHaveLength(1);
    expect(fake.calls.filter((c) => c.operation === "DeleteCluster")).toHaveLength(1);
    expect(seen.map((s) => s.method)).toEqual([
      "server/discover",
      "tools/list",
      "tools/call",
      "tools/call",
      "tools/call",
      "tools/call",
      ...Array(2 + polls).fill("tasks/get"),
    ]);
    const polled = seen.filter((s) => s.method === "tasks/get").map((s) => s.replica);
    expect(new Set(polled)).toEqual(new Set(["r1", "r2"]));
    expect(seen.every((s) => s.status === 200)).toBe(true);
    expect(new Set(seen.map((s) => s.replica))).toEqual(new Set(["r1", "r2"]));
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.replica).not.toBe(seen[i - 1]?.replica);
  }, 30_000);
});
