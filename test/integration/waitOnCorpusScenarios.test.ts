// wait_for_service_ready on services from the troubleshooting corpus (public reports): a rolled-back or stuck
// deployment is never reported as ready, even when the old deployment's tasks make running == desired.
// biome-ignore-all lint/suspicious/noExplicitAny: tool results are read as loose JSON in assertions.
import { expect, test } from "bun:test";
import { createEcsAssistant } from "../../lib/index.ts";
import { installScenario, loadScenario } from "../fixtures/troubleshoot/loadScenario.ts";
import { fakeAwsOptions } from "../support/clients.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();
const waitOn = async (name: string): Promise<Record<string, any>> => {
  installScenario(fake, loadScenario(name));
  const a = createEcsAssistant({ aws: { ...fakeAwsOptions(fake), maxAttempts: 1 } });
  const r = await a.waitForServiceReady({ cluster: "web", service_name: "api", timeout_seconds: 1 });
  a.close();
  return r._unsafeUnwrap() as Record<string, any>;
};

test("a steady service is ready", async () => {
  expect(await waitOn("healthy")).toMatchObject({ status: "success", running_count: 2, desired_count: 2 });
});

test("deployments the circuit breaker failed are failures, with the stopped tasks' reasons", async () => {
  for (const name of ["image-tag-missing", "firelens-sidecar-exited", "ecr-layer-s3-endpoint-policy"]) {
    const r = await waitOn(name);
    expect(r.status).toBe("failed");
    expect(r.message).toContain("circuit breaker");
    expect(r.stopped_tasks.length).toBeGreaterThan(0);
  }
});

test("stuck deployments time out with the blocking events, even when the old deployment's tasks make 2/2 running", async () => {
  for (const [name, running, event] of [
    ["capacity-provider-no-instances", 0, "No Container Instances were found in your capacity provider"],
    ["health-check-grace-period-slow-start", 2, "is unhealthy in (target-group"],
  ] as const) {
    const r = await waitOn(name);
    expect(r).toMatchObject({ status: "timeout", running_count: running, desired_count: 2 });
    expect(r.waiting_for).toContain("IN_PROGRESS");
    expect(r.events.map((e: { message: string }) => e.message).join("\n")).toContain(event);
  }
});
