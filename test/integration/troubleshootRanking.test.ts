// diagnose ranks causes above the symptoms they produce (sg-blocks-alb: unreachable targets before ELB kills).
import { afterAll, beforeAll, expect, test } from "bun:test";
import { createEcsAssistant, diagnose } from "../../lib/index.ts";
import { installScenario, loadScenario } from "../fixtures/troubleshoot/loadScenario.ts";
import { fakeAwsOptions } from "../support/clients.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());

test("the cause chain reads top-down: blocked SG, unreachable targets, then the health-check kills", async () => {
  const s = loadScenario("sg-blocks-alb");
  installScenario(fake, s);
  const d = (
    await diagnose(createEcsAssistant({ aws: { ...fakeAwsOptions(fake), maxAttempts: 1 } }), s.params as never)
  )._unsafeUnwrap();
  const ids = d.findings.map((f) => f.id);
  expect(ids[0]).toBe("sg_blocks_lb");
  expect(ids.indexOf("targets_unreachable")).toBeGreaterThanOrEqual(0);
  expect(ids.indexOf("targets_unreachable")).toBeLessThan(ids.indexOf("elb_health_check_failed"));
});
