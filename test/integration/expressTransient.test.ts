// Long operations survive transient AWS faults: a stack wait and wait_for_service_ready keep polling through
// throttling and 5xx answers (after the SDK's own retries) and say so in their progress.
import { expect, test } from "bun:test";
import { ensureEcrStack } from "../../lib/expressmode/stack/ensureEcrStack.ts";
import { type Progress, silentLogger, type ToolContext } from "../../lib/index.ts";
import { ACCOUNT, expressAssistant, fakeStack } from "../support/express/fakeExpress.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();

test("a stack wait polls on through throttling, then succeeds", async () => {
  // The polls after CreateStack fail twice: maxAttempts is 1 in these tests, so every fault reaches the wait loop.
  fakeStack(fake, "shop", {
    create: ["CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"],
    onCreate: () =>
      fake.fail("cloudformation", "DescribeStacks", {
        kind: "aws",
        code: "Throttling",
        message: "Rate exceeded",
        times: 2,
      }),
  });
  const progress: Progress[] = [];
  const a = expressAssistant(fake, { allowWrite: true });
  const ctx: ToolContext = {
    aws: a.aws,
    policy: a.policy,
    log: silentLogger,
    progress: (p) => progress.push(p),
    express: { polling: { stackIntervalMs: 2, stackMaxIntervalMs: 5, stackTimeoutMs: 5000 } },
  };
  const s = (await ensureEcrStack(ctx, "shop"))._unsafeUnwrap();
  expect(s.stack_name).toBe("shop-ecr-infrastructure");
  expect(progress.filter((p) => p.message.includes("poll failed")).length).toBeGreaterThanOrEqual(1);
  expect(progress.at(-1)?.message).toContain("COMPLETE");
});

test("a stack wait gives up on a permanent error at once", async () => {
  fakeStack(fake, "shop", {});
  fake.fail("cloudformation", "DescribeStacks", {
    kind: "aws",
    code: "AccessDenied",
    message: "not authorized to perform: cloudformation:DescribeStacks",
  });
  const a = expressAssistant(fake, { allowWrite: true });
  const ctx: ToolContext = { aws: a.aws, policy: a.policy, log: silentLogger, progress: () => {} };
  const e = (await ensureEcrStack(ctx, "shop"))._unsafeUnwrapErr();
  expect(e).toMatchObject({ kind: "aws", code: "AccessDenied" });
});

test("wait_for_service_ready polls on through a 503 and reports it", async () => {
  const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`;
  fake.on("ecs", "DescribeServices", {
    services: [
      {
        serviceArn,
        serviceName: "shop",
        status: "ACTIVE",
        desiredCount: 1,
        runningCount: 1,
        pendingCount: 0,
        deployments: [{ id: "d1", status: "PRIMARY", rolloutState: "COMPLETED", failedTasks: 0 }],
      },
    ],
  });
  fake.on("ecs", "DescribeExpressGatewayService", { service: { serviceArn } });
  fake.fail("ecs", "DescribeServices", { kind: "http", status: 503, times: 1 });
  const progress: Progress[] = [];
  const r = (
    await expressAssistant(fake).waitForServiceReady(
      { cluster: "default", service_name: "shop" },
      { onProgress: (p) => progress.push(p) },
    )
  )._unsafeUnwrap();
  expect(r).toMatchObject({ status: "success", polls: 2 });
  expect(progress.some((p) => p.message.includes("poll failed"))).toBe(true);
});
