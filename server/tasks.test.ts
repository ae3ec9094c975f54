// Tasks (io.modelcontextprotocol/tasks) through the 2026-07-28 handler: handles from AWS answered by any replica,
// work in one process answered there only, forged/tampered/expired handles refused, cancellation, capability checks.
// biome-ignore-all lint/suspicious/noExplicitAny: JSON-RPC answers are read as loose JSON.
import { describe, expect, test } from "bun:test";
import { errAsync, okAsync, ResultAsync } from "neverthrow";
import type { EcsAssistant } from "../lib/index.ts";
import { silentLogger } from "../lib/index.ts";
import { ACCOUNT, expressAssistant, fakeStack } from "../test/support/express/fakeExpress.ts";
import { useFakeAws } from "../test/support/useFakeAws.ts";
import { createModernHandler } from "./modern.ts";
import { createSigner } from "./signedToken.ts";
import { createTaskRunner, TASKS_EXTENSION } from "./tasks.ts";

const fake = useFakeAws();
const KEY = new Uint8Array(32).fill(3);
const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`;

type Handler = ReturnType<typeof createModernHandler>;
/** One replica: the 2026 handler with a task runner signing with the shared key. */
const replica = (assistant: EcsAssistant, name: string, signer = createSigner(KEY)): Handler =>
  createModernHandler(
    assistant,
    silentLogger,
    undefined,
    createTaskRunner(assistant, silentLogger, { signer, replica: name }),
  );

let ids = 0;
/** One JSON-RPC request as a 2026 client sends it; `tasks: false` leaves the extension out of its capabilities. */
const rpc = async (h: Handler, method: string, params: Record<string, unknown>, o: { tasks?: boolean } = {}) => {
  const caps = o.tasks === false ? {} : { extensions: { [TASKS_EXTENSION]: {} } };
  const name = (params.name ?? params.taskId) as string | undefined;
  const res = await h.fetch(
    new Request("http://x/mcp", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2026-07-28",
        "mcp-method": method,
        ...(name ? { "mcp-name": name } : {}),
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: ++ids,
        method,
        params: {
          ...params,
          _meta: {
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientInfo": { name: "t", version: "1" },
            "io.modelcontextprotocol/clientCapabilities": caps,
          },
        },
      }),
    }),
  );
  const text = await res.text();
  const data = text.split("\n").find((l) => l.startsWith("data:"));
  return JSON.parse(data ? data.slice(5) : text) as { result?: any; error?: any };
};

const services = (running: number, rollout: string) => ({
  services: [
    {
      serviceArn,
      serviceName: "shop",
      status: "ACTIVE",
      desiredCount: 2,
      runningCount: running,
      pendingCount: 2 - running,
      deployments: [{ id: "d1", status: "PRIMARY", rolloutState: rollout, failedTasks: 0 }],
      events: [],
    },
  ],
});

describe("tasks from AWS (wait_for_service_ready)", () => {
  test("a task handle at once; polls on another replica rebuild the status from AWS and end with the result", async () => {
    let ready = false;
    fake.on("ecs", "DescribeServices", () => (ready ? services(2, "COMPLETED") : services(1, "IN_PROGRESS")));
    fake.on("ecs", "DescribeExpressGatewayService", {
      service: {
        serviceArn,
        activeConfigurations: [{ ingressPaths: [{ accessType: "PUBLIC", endpoint: "sh-1.ecs.us-east-1.on.aws" }] }],
      },
    });
    const slow = expressAssistant(fake, {}, { polling: { serviceIntervalMs: 60_000, endpointTimeoutMs: 10 } } as never);
    const [r1, r2] = [replica(slow, "r1"), replica(slow, "r2")];
    const args = { cluster: "default", service_name: "shop", timeout_seconds: 600 };
    const created = await rpc(r1, "tools/call", { name: "wait_for_service_ready", arguments: args });
    expect(created.result).toMatchObject({ resultType: "task", status: "working", ttlMs: expect.any(Number) });
    const taskId = created.result.taskId as string;
    const working = await rpc(r2, "tasks/get", { taskId });
    expect(working.result).toMatchObject({ resultType: "complete", taskId, status: "working" });
    expect(working.result.statusMessage).toContain("1/2 running");
    ready = true;
    const done = await rpc(r2, "tasks/get", { taskId });
    expect(done.result).toMatchObject({ status: "completed" });
    expect(done.result.result.structuredContent).toMatchObject({
      status: "success",
      url: "https://sh-1.ecs.us-east-1.on.aws",
    });
    // The same result shape as the synchronous call (a client without the extension).
    const sync = await rpc(r2, "tools/call", { name: "wait_for_service_ready", arguments: args }, { tasks: false });
    expect(sync.result.resultType).toBe("complete");
    expect(Object.keys(done.result.result.structuredContent).sort()).toEqual(
      Object.keys(sync.result.structuredContent).sort(),
    );
    await Promise.all([r1.close(), r2.close()]);
  });

  test("forged, tampered, other-key and expired handles are refused with -32602; no extension: -32021", async () => {
    fake.on("ecs", "DescribeServices", services(1, "IN_PROGRESS"));
    const a = expressAssistant(fake, {}, { polling: { serviceIntervalMs: 60_000 } } as never);
    const r1 = replica(a, "r1");
    const created = await rpc(r1, "tools/call", {
      name: "wait_for_service_ready",
      arguments: { cluster: "default", service_name: "shop" },
    });
    const taskId = created.result.taskId as string;
    const [body, mac] = taskId.split(".");
    const payload = JSON.parse(Buffer.from(body as string, "base64url").toString());
    const tampered = `${Buffer.from(JSON.stringify({ ...payload, a: { cluster: "prod", service_name: "db" } })).toString("base64url")}.${mac}`;
    const calls = fake.calls.length;
    for (const [id, why] of [
      ["not-a-task", "not one this server issued"],
      [tampered, "integrity check"],
    ] as const) {
      const e = await rpc(r1, "tasks/get", { taskId: id });
      expect(e.error).toMatchObject({ code: -32602 });
      expect(e.error.message).toContain(why);
    }
    const otherKey = replica(a, "r9", createSigner(new Uint8Array(32).fill(9)));
    expect((await rpc(otherKey, "tasks/get", { taskId })).error.message).toContain("integrity check");
    expect(fake.calls.length).toBe(calls); // nothing read from AWS for a refused handle
    const expiredRunner = createTaskRunner(a, silentLogger, { signer: createSigner(KEY), replica: "r3", ttlMs: -1 });
    const r3 = createModernHandler(a, silentLogger, undefined, expiredRunner);
    const old = await rpc(r3, "tools/call", {
      name: "wait_for_service_ready",
      arguments: { cluster: "default", service_name: "shop" },
    });
    expect((await rpc(r1, "tasks/get", { taskId: old.result.taskId })).error).toMatchObject({
      code: -32602,
      message: "Failed to retrieve task: Task has expired",
    });
    const noExt = await rpc(r1, "tasks/get", { taskId }, { tasks: false });
    expect(noExt.error).toMatchObject({
      code: -32021,
      data: { requiredCapabilities: { extensions: { [TASKS_EXTENSION]: {} } } },
    });
    await Promise.all([r1.close(), r3.close(), otherKey.close()]);
  });

  test("without the extension, or when the call ends before its work starts, the answer is today's result", async () => {
    const a = expressAssistant(fake);
    const r1 = replica(a, "r1");
    const invalid = await rpc(r1, "tools/call", { name: "wait_for_service_ready", arguments: { cluster: "default" } });
    expect(invalid.result).toMatchObject({ resultType: "complete", isError: true });
    const denied = await rpc(r1, "tools/call", {
      name: "delete_app",
      arguments: { service_arn: serviceArn, app_name: "shop" },
    });
    expect(denied.result.structuredContent).toMatchObject({ error: { kind: "policy_denied", gate: "write" } });
    const dry = await rpc(r1, "tools/call", {
      name: "delete_app",
      arguments: { service_arn: serviceArn, app_name: "shop", dry_run: true },
    });
    expect(dry.result.structuredContent.dry_run).toBe(true);
    await r1.close();
  });
});

describe("delete_app as a task", () => {
  test("cancelled on the replica running it: the work stops before the ECR stack is deleted", async () => {
    let deleted = false;
    fake.on("ecs", "DescribeExpressGatewayService", () => ({
      service: { serviceArn, serviceName: "shop", status: { statusCode: deleted ? "DRAINING" : "ACTIVE" } },
    }));
    fake.on("ecs", "DeleteExpressGatewayService", () => {
      deleted = true;
      return { service: { serviceArn, serviceName: "shop", status: { statusCode: "DRAINING" } } };
    });
    fakeStack(fake, "shop", { initial: "CREATE_COMPLETE" });
    const a = expressAssistant(fake, { allowWrite: true }, {
      polling: { serviceIntervalMs: 50, drainTimeoutMs: 60_000 },
    } as never);
    const [r1, r2] = [replica(a, "r1"), replica(a, "r2")];
    const created = await rpc(r1, "tools/call", {
      name: "delete_app",
      arguments: { service_arn: serviceArn, app_name: "shop" },
    });
    const taskId = created.result.taskId as string;
    expect(created.result.status).toBe("working");
    await Bun.sleep(150);
    const elsewhere = await rpc(r2, "tasks/get", { taskId });
    expect(elsewhere.result).toMatchObject({ status: "working" });
    expect(elsewhere.result.statusMessage).toContain("DRAINING");
    const refused = await rpc(r2, "tasks/cancel", { taskId });
    expect(refused.error.message).toContain("replica r1");
    expect((await rpc(r1, "tasks/cancel", { taskId })).result).toMatchObject({ resultType: "complete" });
    deleted = true;
    await Bun.sleep(200);
    expect((await rpc(r1, "tasks/get", { taskId })).result).toMatchObject({ status: "cancelled" });
    expect(fake.calls.some((c) => c.operation === "DeleteStack")).toBe(false);
    await Promise.all([r1.close(), r2.close()]);
  });
});

describe("work in one process (build_and_push_image_to_ecr)", () => {
  /** An assistant whose build runs until aborted, or until `finish` is called. */
  const building = () => {
    let finish: (v: unknown) => void = () => {};
    const aborted: boolean[] = [];
    const a = {
      ...expressAssistant(fake, { allowWrite: true }),
      checkable: () => false,
      callTool: (_name: string, _args: unknown, o: any) => {
        o.onStart();
        o.onProgress({ progress: 1, total: 3, message: "Building" });
        return new ResultAsync(
          new Promise((resolve) => {
            finish = (v) => resolve(okAsync({ value: v, redactions: 0 }) as never);
            o.signal.addEventListener("abort", () => {
              aborted.push(true);
              resolve(errAsync({ kind: "cancelled", message: "cancelled", hint: "" }) as never);
            });
          }).then((r) => r as never),
        );
      },
    } as unknown as EcsAssistant;
    return { a, finish: (v: unknown) => finish(v), aborted };
  };

  test("answered by the process running it; another replica names the replica it needs", async () => {
    const b = building();
    const [r1, r2] = [replica(b.a, "r1"), replica(b.a, "r2")];
    const created = await rpc(r1, "tools/call", {
      name: "build_and_push_image_to_ecr",
      arguments: { app_name: "x", app_path: "/tmp" },
    });
    const taskId = created.result.taskId as string;
    expect((await rpc(r1, "tasks/get", { taskId })).result).toMatchObject({
      status: "working",
      statusMessage: "Building [1/3]",
    });
    const e = await rpc(r2, "tasks/get", { taskId });
    expect(e.error.code).toBe(-32602);
    expect(e.error.message).toContain("replica r1");
    expect(e.error.message).toContain("sticky on the client's address");
    b.finish({ status: "success", full_image_uri: "x" });
    await Bun.sleep(20);
    const done = (await rpc(r1, "tasks/get", { taskId })).result;
    expect(done).toMatchObject({ status: "completed", result: { structuredContent: { status: "success" } } });
    await Promise.all([r1.close(), r2.close()]);
  });

  test("tasks/cancel aborts the work; a server shutdown cancels what still runs", async () => {
    const b = building();
    const r1 = replica(b.a, "r1");
    const t1 = (await rpc(r1, "tools/call", { name: "build_and_push_image_to_ecr", arguments: {} })).result.taskId;
    await rpc(r1, "tasks/cancel", { taskId: t1 });
    expect(b.aborted).toHaveLength(1);
    expect((await rpc(r1, "tasks/get", { taskId: t1 })).result).toMatchObject({ status: "cancelled" });
    await rpc(r1, "tools/call", { name: "build_and_push_image_to_ecr", arguments: {} });
    await r1.close();
    expect(b.aborted).toHaveLength(2);
  });
});
