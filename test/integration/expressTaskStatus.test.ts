// checkTool: one read-only look from AWS at work started earlier (what a task's tasks/get answers on any replica).
// biome-ignore-all lint/suspicious/noExplicitAny: results are read as loose JSON in assertions.
import { describe, expect, test } from "bun:test";
import { ACCOUNT, expressAssistant, fakeStack } from "../support/express/fakeExpress.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();
const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`;
const service = (running: number, rollout: string) => ({
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
const writes = () => fake.calls.filter((c) => !/^(Describe|List|Get)/.test(c.operation));

describe("wait_for_service_ready status", () => {
  const args = { cluster: "default", service_name: "shop", timeout_seconds: 60 };

  test("under way: not done, with counts; ready: the result wait_for_service_ready returns", async () => {
    let ready = false;
    fake.on("ecs", "DescribeServices", () => (ready ? service(2, "COMPLETED") : service(1, "IN_PROGRESS")));
    fake.on("ecs", "DescribeExpressGatewayService", {
      service: {
        serviceArn,
        activeConfigurations: [{ ingressPaths: [{ accessType: "PUBLIC", endpoint: "sh-1.ecs.us-east-1.on.aws" }] }],
      },
    });
    const a = expressAssistant(fake);
    const s1 = (await a.checkTool("wait_for_service_ready", args, Date.now() - 5000))._unsafeUnwrap();
    expect(s1).toMatchObject({ done: false, progress: 1, total: 2 });
    expect((s1 as { message: string }).message).toContain("1/2 running");
    ready = true;
    const s2 = (await a.checkTool("wait_for_service_ready", args, Date.now() - 5000))._unsafeUnwrap() as any;
    const waited = (await a.waitForServiceReady(args))._unsafeUnwrap() as any;
    expect(s2.done).toBe(true);
    expect(s2.value).toMatchObject({ status: "success", url: "https://sh-1.ecs.us-east-1.on.aws", running_count: 2 });
    expect(Object.keys(s2.value).sort()).toEqual(Object.keys(waited).sort());
    expect(s2.value.elapsed_seconds).toBeGreaterThanOrEqual(5);
  });

  test("timed from the start: past timeout_seconds it is a timeout naming what it waited for", async () => {
    fake.on("ecs", "DescribeServices", service(1, "IN_PROGRESS"));
    const s = (
      await expressAssistant(fake).checkTool("wait_for_service_ready", args, Date.now() - 61_000)
    )._unsafeUnwrap() as any;
    expect(s).toMatchObject({ done: true, value: { status: "timeout" } });
    expect(s.value.waiting_for).toBeString();
  });

  test("a service missing for longer than three poll intervals is gone; right after the start it is not yet", async () => {
    fake.on("ecs", "DescribeServices", { services: [], failures: [{ arn: serviceArn, reason: "MISSING" }] });
    const a = expressAssistant(fake, {}, { polling: { serviceIntervalMs: 1000 } } as never);
    expect((await a.checkTool("wait_for_service_ready", args, Date.now()))._unsafeUnwrap()).toMatchObject({
      done: false,
    });
    expect((await a.checkTool("wait_for_service_ready", args, Date.now() - 60_000))._unsafeUnwrap()).toMatchObject({
      done: true,
      value: { status: "failed", outcome: "service_gone" },
    });
  });
});

describe("delete_app status", () => {
  const args = { service_arn: serviceArn, app_name: "shop" };
  const express = (code: string) => ({ service: { serviceArn, serviceName: "shop", status: { statusCode: code } } });

  test("draining, then the stack deleting, then done: never a write", async () => {
    let step = 0;
    fake.on("ecs", "DescribeExpressGatewayService", () => express(step === 0 ? "DRAINING" : "INACTIVE"));
    fakeStack(fake, "shop", { initial: "DELETE_IN_PROGRESS" });
    const a = expressAssistant(fake, { allowWrite: true });
    expect((await a.checkTool("delete_app", args, Date.now()))._unsafeUnwrap()).toMatchObject({
      done: false,
      progress: 0,
    });
    step = 1;
    const s = (await a.checkTool("delete_app", args, Date.now()))._unsafeUnwrap() as any;
    expect(s.done).toBe(false);
    expect(s.message).toContain("DELETE_IN_PROGRESS");
    fakeStack(fake, "shop", {});
    const d = (await a.checkTool("delete_app", args, Date.now()))._unsafeUnwrap() as any;
    expect(d).toMatchObject({
      done: true,
      value: {
        summary: { status: "success" },
        service_deletion: { status: "deleted" },
        ecr_deletion: { status: "deleted" },
      },
    });
    expect(writes()).toHaveLength(0);
  });

  test("a repository with images and no force: done, kept, as delete_app reports it", async () => {
    fake.fail("ecs", "DescribeExpressGatewayService", { kind: "aws", code: "ServiceNotFoundException" });
    fakeStack(fake, "shop", { initial: "CREATE_COMPLETE" });
    fake.on("ecr", "ListImages", { imageIds: [{ imageTag: "1", imageDigest: `sha256:${"d".repeat(64)}` }] });
    const s = (
      await expressAssistant(fake, { allowWrite: true }).checkTool("delete_app", args, Date.now())
    )._unsafeUnwrap() as any;
    expect(s).toMatchObject({
      done: true,
      value: { summary: { status: "partial" }, ecr_deletion: { status: "has_images" } },
    });
  });

  test("tools whose work lives in one process have no status from AWS", async () => {
    const a = expressAssistant(fake, { allowWrite: true });
    expect(a.checkable("delete_app")).toBe(true);
    expect(a.checkable("wait_for_service_ready")).toBe(true);
    expect(a.checkable("deploy_app")).toBe(false);
    expect(a.checkable("build_and_push_image_to_ecr")).toBe(false);
    const e = (await a.checkTool("deploy_app", { app_name: "x", app_path: "/tmp" }, Date.now()))._unsafeUnwrapErr();
    expect(e.kind).toBe("validation");
  });
});
