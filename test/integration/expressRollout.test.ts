// deploy_app over a fake Express service whose deployments follow AWS's documented shapes (service deployments,
// revisions, managed resources, circuit-breaker rollbacks): a rollback is a failure in every order, canaries and
// provisioning resources are waited out, re-runs judge the revision that actually runs.
// biome-ignore-all lint/suspicious/noExplicitAny: tool results are read as loose JSON in assertions.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { deployWorld, shopApp } from "../support/express/deployWorld.ts";
import { ECR_HOST, expressAssistant } from "../support/express/fakeExpress.ts";
import { fakeService, type RolloutScript } from "../support/express/fakeService.ts";
import { awsError, type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  deployWorld(fake);
});

const dir = shopApp();
const deploy = async (tag: string, extra: Record<string, unknown> = {}) =>
  (
    await expressAssistant(fake, { allowWrite: true }).deployApp({
      app_name: "shop",
      app_path: dir,
      port: 8080,
      tag,
      cluster: "web",
      timeout_seconds: 2,
      ...extra,
    })
  )._unsafeUnwrap() as Record<string, any>;
const ops = () => fake.calls.map((c) => c.operation);
const denyDeploymentApis = () => {
  for (const op of ["ListServiceDeployments", "DescribeServiceDeployments", "DescribeServiceRevisions"] as const)
    fake.on("ecs", op, () => {
      throw awsError(
        "AccessDeniedException",
        `User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:${op}`,
      );
    });
};
/** v1 deployed successfully, then v2 follows `script`. */
const v1ThenV2 = async (script: RolloutScript) => {
  fakeService(fake, "web", "shop", [{ outcome: "success" }, script]);
  expect((await deploy("v1")).status).toBe("success");
  return deploy("v2");
};

describe("a rollback is a failure", () => {
  for (const rollbackFirst of [true, false])
    for (const rollbackCreatedEarlier of [true, false])
      for (const rolloutState of [true, false])
        test(`rollback ${rollbackFirst ? "listed first" : "listed last"}, created ${rollbackCreatedEarlier ? "before" : "after"} the failed deployment, rolloutState ${rolloutState ? "reported" : "absent"}`, async () => {
          const r = await v1ThenV2({ outcome: "rollback", rollbackFirst, rollbackCreatedEarlier, rolloutState });
          expect(r).toMatchObject({ status: "failed", failed_step: "wait" });
          expect(r.error).toMatchObject({ kind: "deployment_failed", outcome: "rolled_back", service: "shop" });
          expect(r.error.deploymentArn).toContain("service-deployment/web/shop/");
          expect(r.error.stoppedTasks[0]).toMatchObject({ stop_code: "EssentialContainerExited" });
          expect(r.hint).toContain("OLD version");
        });

  for (const rolloutState of [true, false])
    test(`without the service deployment APIs (denied), rolloutState ${rolloutState ? "reported" : "absent"}: still a failure`, async () => {
      fakeService(fake, "web", "shop", [{ outcome: "success" }, { outcome: "rollback", rolloutState }]);
      denyDeploymentApis();
      expect((await deploy("v1")).status).toBe("success");
      const r = await deploy("v2");
      expect(r.error.kind).toBe("deployment_failed");
      expect(["rolled_back", "config_mismatch"]).toContain(r.error.outcome);
      expect(r.diagnosis.notes.join(" ")).toContain("AccessDeniedException");
    });

  test("an endpoint that records the rollback as a new SUCCESSFUL deployment of the old revision", async () => {
    const r = await v1ThenV2({ outcome: "rollback_as_new", rolloutState: true });
    expect(r.error).toMatchObject({ kind: "deployment_failed", outcome: "rolled_back" });
  });

  test("a rollback that fails too, and a first deployment with nothing to roll back to", async () => {
    const r = await v1ThenV2({ outcome: "rollback_failed" });
    expect(r.error).toMatchObject({ kind: "deployment_failed", outcome: "rolled_back" });
    expect(r.error.message).toContain("is rolling the service back");
    const later = (
      await expressAssistant(fake).waitForServiceReady({ cluster: "web", service_name: "shop", timeout_seconds: 2 })
    )._unsafeUnwrap();
    expect(later).toMatchObject({ status: "failed", outcome: "rollback_failed", running_count: 0 });
    fake.reset();
    deployWorld(fake);
    fakeService(fake, "web", "shop", [{ outcome: "fail", rolloutState: true }]);
    const first = await deploy("v1");
    expect(first.error).toMatchObject({ kind: "deployment_failed", outcome: "failed" });
  });

  test("timeouts only for waits that ran out of time", async () => {
    const r = await v1ThenV2({ outcome: "hang" });
    expect(r.error).toMatchObject({ kind: "timeout", operation: "wait_for_service_ready" });
    expect(r.diagnosis.waiting_for).toContain("IN_PROGRESS");
  });
});

describe("readiness without rolloutState", () => {
  test("a canary (old tasks keep running == desired) is not ready until its deployment is SUCCESSFUL", async () => {
    const s = fakeService(fake, "web", "shop", [{ outcome: "success" }, { outcome: "success", steps: 4 }]);
    await deploy("v1");
    fake.clearCalls();
    const r = await deploy("v2");
    expect(r.status).toBe("success");
    expect(s.current?.polls).toBeGreaterThan(4);
    expect(r.running_count).toBe(2);
  });

  test("managed resources PROVISIONING are waited out; FAILED is a deployment failure naming the reason", async () => {
    const s = fakeService(fake, "web", "shop", [{ outcome: "success", steps: 0, provisioningPolls: 3 }]);
    expect((await deploy("v1")).status).toBe("success");
    expect(s.current?.polls).toBeGreaterThan(3);
    fake.reset();
    deployWorld(fake);
    fakeService(fake, "web", "shop", [{ outcome: "success", steps: 0, resourcesEnd: "FAILED" }]);
    const r = await deploy("v1");
    expect(r.error).toMatchObject({ kind: "deployment_failed", outcome: "resources_failed" });
    expect(r.error.message).toContain("CAA record");
  });
});

describe("re-runs and the endpoint", () => {
  test("the endpoint, absent right after creation, is waited for (bounded)", async () => {
    fakeService(fake, "web", "shop", [{ outcome: "success", endpointAfter: 3 }]);
    const r = await deploy("v1");
    expect(r).toMatchObject({ status: "success", url: "https://shop-ab12.ecs.us-east-1.on.aws" });
    fake.reset();
    deployWorld(fake);
    fakeService(fake, "web", "shop", [{ outcome: "success", endpointAfter: 10_000 }]);
    const started = Date.now();
    const none = await deploy("v1");
    expect(none.status).toBe("success");
    expect(none.url).toBeUndefined();
    expect(none.message).toContain("endpoint is not assigned yet");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test("a re-run during a rollout says so and starts nothing", async () => {
    await v1ThenV2({ outcome: "hang" });
    fake.clearCalls();
    const r = await deploy("v3");
    expect(r).toMatchObject({ status: "failed", failed_step: "service" });
    expect(r.error).toMatchObject({ kind: "conflict" });
    expect(r.error.message).toContain("in progress");
    expect(ops()).not.toContain("UpdateExpressGatewayService");
  });

  test("after a rollback, a re-run compares with the revision that runs, not activeConfigurations[0]", async () => {
    await v1ThenV2({ outcome: "rollback", staleConfigs: true });
    fake.clearCalls();
    const again = await deploy("v2");
    expect(ops()).toContain("UpdateExpressGatewayService");
    expect(again.status).toBe("success");
    const same = await deploy("v2");
    expect(same.steps.find((x: { step: string }) => x.step === "service").status).toBe("skipped");
  });

  test("a re-run asking for the revision a rollback restored is already done", async () => {
    await v1ThenV2({ outcome: "rollback" });
    fake.clearCalls();
    const r = await deploy("v1");
    expect(r.status).toBe("success");
    expect(ops()).not.toContain("UpdateExpressGatewayService");
    expect(r.full_image_uri).toBe(`${ECR_HOST}/shop-repo:v1`);
  });

  test("an update answer without the revision ARN: the new deployment is told from the previous one", async () => {
    expect((await v1ThenV2({ outcome: "success", updateOmitsRevision: true })).status).toBe("success");
    fake.reset();
    deployWorld(fake);
    const r = await v1ThenV2({ outcome: "rollback", updateOmitsRevision: true });
    expect(r.error).toMatchObject({ kind: "deployment_failed", outcome: "rolled_back" });
  });
});
