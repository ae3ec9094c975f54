// diagnose ranks causes above the symptoms they produce (sg-blocks-alb: unreachable targets before ELB kills).
import { expect, test } from "bun:test";
import { diagnose } from "../../lib/index.ts";
import { installScenario, loadScenario } from "../fixtures/troubleshoot/loadScenario.ts";
import { fakeAssistant, useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });

test("the cause chain reads top-down: blocked SG, unreachable targets, then the health-check kills", async () => {
  const s = loadScenario("sg-blocks-alb");
  installScenario(fake, s);
  const d = (await diagnose(fakeAssistant(fake), s.params as never))._unsafeUnwrap();
  const ids = d.findings.map((f) => f.id);
  expect(ids[0]).toBe("sg_blocks_lb");
  expect(ids.indexOf("targets_unreachable")).toBeGreaterThanOrEqual(0);
  expect(ids.indexOf("targets_unreachable")).toBeLessThan(ids.indexOf("elb_health_check_failed"));
});
