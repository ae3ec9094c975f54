// End to end: long tools as tasks (io.modelcontextprotocol/tasks) on the compiled binary, driven through the MCP SDK
// v2 client's connection over stdio and Streamable HTTP; clients without the extension keep today's behaviour.
// biome-ignore-all lint/suspicious/noExplicitAny: tool results are read as loose JSON in assertions.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type ChildProcess, spawn } from "node:child_process";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { fakeAwsEnv, serverBinary } from "../support/binary.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { TASK_CAPABILITIES, taskRequester } from "../support/taskRequester.ts";

let fake: FakeAws;
let bin: string;
const ENV = { ALLOW_WRITE: "true" };
const ACCOUNT = "123456789012";
const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`;
let ready = false;
let draining = false;

beforeAll(async () => {
  fake = await startFakeAws();
  fake.on("ecs", "DescribeServices", () => ({
    services: [
      {
        serviceArn,
        serviceName: "shop",
        status: "ACTIVE",
        desiredCount: 2,
        runningCount: ready ? 2 : 1,
        pendingCount: ready ? 0 : 1,
        deployments: [
          { id: "d1", status: "PRIMARY", rolloutState: ready ? "COMPLETED" : "IN_PROGRESS", failedTasks: 0 },
        ],
        events: [],
      },
    ],
  }));
  fake.on("ecs", "DescribeExpressGatewayService", () => ({
    service: {
      serviceArn,
      serviceName: "shop",
      status: { statusCode: draining ? "DRAINING" : "ACTIVE" },
      activeConfigurations: [{ ingressPaths: [{ accessType: "PUBLIC", endpoint: "sh-1.ecs.us-east-1.on.aws" }] }],
    },
  }));
  fake.on("ecs", "DeleteExpressGatewayService", () => {
    draining = true;
    return { service: { serviceArn, serviceName: "shop", status: { statusCode: "DRAINING" } } };
  });
  bin = serverBinary("linux-x64");
}, 120_000);
afterAll(() => fake.close());

const WAIT = { cluster: "default", service_name: "shop", timeout_seconds: 600 };

/** Starts the binary with --http and resolves its port. */
const startHttp = async (): Promise<{ child: ChildProcess; url: URL }> => {
  const child = spawn(bin, ["--http", "--port", "0"], {
    env: fakeAwsEnv(fake.url, ENV),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let err = "";
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/mcp/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (c) => reject(new Error(`server exited ${c}: ${err}`)));
  });
  return { child, url: new URL(`http://127.0.0.1:${port}/mcp`) };
};

const transports = {
  stdio: async () => ({
    transport: new StdioClientTransport({ command: bin, args: [], env: fakeAwsEnv(fake.url, ENV), stderr: "pipe" }),
    stop: () => {},
  }),
  http: async () => {
    const { child, url } = await startHttp();
    return { transport: new StreamableHTTPClientTransport(url), stop: () => child.kill("SIGTERM") };
  },
};

describe.each(Object.keys(transports) as (keyof typeof transports)[])("compiled binary, tasks over %s", (kind) => {
  test("wait_for_service_ready: a task handle at once, polls until the result the tool returns", async () => {
    ready = false;
    const { transport, stop } = await transports[kind]();
    const client = new Client(
      { name: "e2e-tasks", version: "1" },
      { capabilities: TASK_CAPABILITIES, versionNegotiation: { mode: "auto" } },
    );
    try {
      await client.connect(transport);
      expect(client.getServerCapabilities()?.extensions).toHaveProperty(["io.modelcontextprotocol/tasks"]);
      const tasks = taskRequester(client, transport);
      const started = Date.now();
      const created = await tasks.callTool("wait_for_service_ready", WAIT);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(created).toMatchObject({ resultType: "task", status: "working", pollIntervalMs: expect.any(Number) });
      const first = await tasks.get(created.taskId);
      expect(first).toMatchObject({ status: "working" });
      expect(first.statusMessage).toContain("1/2 running");
      ready = true;
      const { task } = await tasks.settle(created.taskId);
      expect(task.status).toBe("completed");
      expect(task.result?.structuredContent).toMatchObject({
        status: "success",
        url: "https://sh-1.ecs.us-east-1.on.aws",
        running_count: 2,
      });
    } finally {
      await client.close();
      stop();
    }
  }, 60_000);

  test("delete_app: confirmed by MRTR first, then a task; cancelled, it stops; forged and tampered ids refused", async () => {
    draining = false;
    const { transport, stop } = await transports[kind]();
    const client = new Client(
      { name: "e2e-tasks", version: "1" },
      { capabilities: TASK_CAPABILITIES, versionNegotiation: { mode: "auto" } },
    );
    try {
      await client.connect(transport);
      const tasks = taskRequester(client, transport);
      const created = await tasks.callTool("delete_app", { service_arn: serviceArn, app_name: "shop" });
      expect(created).toMatchObject({ resultType: "task", status: "working" });
      expect(tasks.asked.at(-1)).toContain("delete_app");
      for (let i = 0; i < 100 && !draining; i++) await Bun.sleep(20); // the work starts as the handle goes out
      expect(fake.calls.some((c) => c.operation === "DeleteExpressGatewayService")).toBe(true);
      await tasks.cancel(created.taskId);
      const { task } = await tasks.settle(created.taskId);
      expect(task.status).toBe("cancelled");
      expect(fake.calls.some((c) => c.operation === "DeleteStack")).toBe(false);
      const [body, mac] = created.taskId.split(".");
      const p = JSON.parse(Buffer.from(body, "base64url").toString());
      const tampered = `${Buffer.from(JSON.stringify({ ...p, a: { ...p.a, app_name: "prod" } })).toString("base64url")}.${mac}`;
      for (const id of ["forged", tampered]) await expect(tasks.get(id)).rejects.toMatchObject({ code: -32602 });
    } finally {
      await client.close();
      stop();
    }
  }, 60_000);

  test("a 2026 client without the extension: today's synchronous result, with progress notifications", async () => {
    ready = true;
    const { transport, stop } = await transports[kind]();
    const client = new Client(
      { name: "e2e-no-tasks", version: "1" },
      { capabilities: {}, versionNegotiation: { mode: "auto" } },
    );
    try {
      await client.connect(transport);
      expect(client.getProtocolEra()).toBe("modern");
      const progress: string[] = [];
      const r = await client.callTool(
        { name: "wait_for_service_ready", arguments: WAIT },
        { onprogress: (p) => progress.push(String(p.message)) },
      );
      expect(r.structuredContent).toMatchObject({ status: "success" });
      expect(progress.some((m) => m.includes("2/2 running"))).toBe(true);
    } finally {
      await client.close();
      stop();
    }
  }, 60_000);
});
