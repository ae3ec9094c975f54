// Replays the rollout cases reconstructed from public reports (test/fixtures/rollouts, see SOURCES.md), and the
// wait_for_service_ready answers for a service whose last deployment rolled back.
// biome-ignore-all lint/suspicious/noExplicitAny: tool results are read as loose JSON in assertions.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deployWorld, shopApp } from "../support/express/deployWorld.ts";
import { ECR_HOST, expressAssistant } from "../support/express/fakeExpress.ts";
import { fakeService, type RolloutScript } from "../support/express/fakeService.ts";
import { awsError, type FakeAws, startFakeAws } from "../support/fakeAws.ts";

interface Step {
  tool: "deploy_app" | "wait_for_service_ready" | "update_only";
  tag?: string;
  deny_deployment_apis?: boolean;
  expect?: { status: string; outcome?: string; error_kind?: string };
}
interface Case {
  summary: string;
  scripts: RolloutScript[];
  steps: Step[];
}

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  deployWorld(fake);
});

const DIR = join(import.meta.dir, "../fixtures/rollouts");
const dir = shopApp();
const SERVICE_ARN = "arn:aws:ecs:us-east-1:123456789012:service/web/shop";

const run = async (step: Step): Promise<Record<string, any> | undefined> => {
  const a = expressAssistant(fake, { allowWrite: true });
  if (step.deny_deployment_apis)
    for (const op of ["ListServiceDeployments", "DescribeServiceDeployments", "DescribeServiceRevisions"] as const)
      fake.on("ecs", op, () => {
        throw awsError("AccessDeniedException", `not authorized to perform: ecs:${op}`);
      });
  if (step.tool === "update_only") {
    const image = `${ECR_HOST}/shop-repo:${step.tag}`;
    (
      await a.aws("ecs", "UpdateExpressGatewayService", { serviceArn: SERVICE_ARN, primaryContainer: { image } })
    )._unsafeUnwrap();
    return undefined;
  }
  if (step.tool === "wait_for_service_ready")
    return (
      await a.waitForServiceReady({ cluster: "web", service_name: "shop", timeout_seconds: 2 })
    )._unsafeUnwrap() as Record<string, any>;
  return (
    await a.deployApp({
      app_name: "shop",
      app_path: dir,
      port: 8080,
      tag: step.tag ?? "v1",
      cluster: "web",
      timeout_seconds: 2,
    })
  )._unsafeUnwrap() as Record<string, any>;
};

describe("cases from public reports", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));
  test("every case is listed in SOURCES.md", () => {
    const sources = readFileSync(join(DIR, "SOURCES.md"), "utf8");
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(sources).toContain(`\`${f}\``);
  });
  for (const f of files)
    test(f, async () => {
      const c = JSON.parse(readFileSync(join(DIR, f), "utf8")) as Case;
      fakeService(fake, "web", "shop", [...c.scripts]);
      for (const [i, step] of c.steps.entries()) {
        const r = await run(step);
        if (!step.expect) continue;
        const label = `${f} step ${i + 1} (${step.tool})`;
        expect({ label, status: r?.status }).toEqual({ label, status: step.expect.status });
        if (step.expect.outcome)
          expect({ label, outcome: r?.outcome ?? r?.error?.outcome }).toEqual({ label, outcome: step.expect.outcome });
        if (step.expect.error_kind)
          expect({ label, kind: r?.error?.kind }).toEqual({ label, kind: step.expect.error_kind });
      }
    }, 15_000); // two timed-out waits of 2 s each fit
});

describe("wait_for_service_ready on its own", () => {
  test("a healthy service: success with the URL; the judged deployment is the current one", async () => {
    fakeService(fake, "web", "shop", [{ outcome: "success", steps: 1 }]);
    await run({ tool: "deploy_app", tag: "v1" });
    const r = (await run({ tool: "wait_for_service_ready" }))!;
    expect(r).toMatchObject({
      status: "success",
      url: "https://shop-ab12.ecs.us-east-1.on.aws",
      deployment: { status: "SUCCESSFUL" },
    });
  });

  test("the message, events and stopped tasks of a rolled-back service", async () => {
    fakeService(fake, "web", "shop", [{ outcome: "success" }, { outcome: "rollback" }]);
    await run({ tool: "deploy_app", tag: "v1" });
    await run({ tool: "deploy_app", tag: "v2" });
    const r = (await run({ tool: "wait_for_service_ready" }))!;
    expect(r).toMatchObject({
      status: "failed",
      outcome: "rolled_back",
      deployment: { status: "ROLLBACK_SUCCESSFUL" },
    });
    expect(r.message).toContain("rolled the service back");
    expect(r.events.map((e: { message: string }) => e.message).join(" ")).toContain("deployment failed");
    expect(r.stopped_tasks[0].containers[0].exit_code).toBe(1);
  });

  test("no current deployment named by the endpoint: the unfinished one from ListServiceDeployments is judged", async () => {
    fakeService(fake, "web", "shop", [{ outcome: "success" }, { outcome: "hang", noCurrentDeployment: true }]);
    await run({ tool: "deploy_app", tag: "v1" });
    await run({ tool: "update_only", tag: "v2" });
    const r = (await run({ tool: "wait_for_service_ready" }))!;
    expect(r).toMatchObject({
      status: "timeout",
      waiting_for: "deployment IN_PROGRESS",
      deployment: { status: "IN_PROGRESS" },
    });
    const list = fake.calls.filter((c) => c.operation === "ListServiceDeployments").at(-1)!;
    expect(list.input.status).toContain("ROLLBACK_IN_PROGRESS");
    fake.reset();
    deployWorld(fake);
    fakeService(fake, "web", "shop", [
      { outcome: "success" },
      { outcome: "rollback", steps: 1, noCurrentDeployment: true },
    ]);
    await run({ tool: "deploy_app", tag: "v1" });
    await run({ tool: "update_only", tag: "v2" });
    const rb = (await run({ tool: "wait_for_service_ready" }))!;
    expect(rb).toMatchObject({
      status: "failed",
      outcome: "rolled_back",
      deployment: { status: "ROLLBACK_IN_PROGRESS" },
    });
  });
});
