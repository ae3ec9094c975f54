// get_ecs_troubleshooting_guidance's next steps can be called as suggested: each one's parameters pass its action's
// validation (scoped to the service the caller named), or the step says which parameter it still needs.
import { expect, test } from "bun:test";
import { installScenario, loadScenario } from "../../test/fixtures/troubleshoot/loadScenario.ts";
import { fakeAwsOptions } from "../../test/support/clients.ts";
import { useFakeAws } from "../../test/support/useFakeAws.ts";
import { createEcsAssistant } from "../index.ts";
import { stepParameters } from "./stepParameters.ts";

const fake = useFakeAws();
const symptoms = "cloudformation stack rolled back, tasks crash with errors, 502s, slow, cannot pull image, network";

test("every suggested step validates, keeps the service scope, and a stack step without a stack names what it needs", async () => {
  installScenario(fake, loadScenario("healthy")); // its cluster carries no aws:cloudformation:stack-name tag
  const assistant = createEcsAssistant({ aws: { ...fakeAwsOptions(fake), maxAttempts: 1 } });
  const r = await assistant.callTool("ecs_troubleshooting_tool", {
    action: "get_ecs_troubleshooting_guidance",
    parameters: { ecs_cluster_name: "web", ecs_service_name: "api", symptoms_description: symptoms },
  });
  const steps = (r._unsafeUnwrap().value as { next_steps: { action: string; why: string; parameters: object }[] })
    .next_steps;
  expect(steps.length).toBeGreaterThan(5);
  for (const s of steps) {
    if (s.action === "fetch_cloudformation_status") {
      expect(s.parameters).toEqual({});
      expect(s.why).toContain("needs cfn_stack_name");
      continue;
    }
    expect(s.parameters).toMatchObject({ ecs_cluster_name: "web", ecs_service_name: "api" });
    fake.reset();
    const run = await assistant.callTool("ecs_troubleshooting_tool", { action: s.action, parameters: s.parameters });
    if (run.isErr()) expect(run.error.kind, `${s.action}: ${run.error.message}`).not.toBe("validation");
  }
});

test("stepParameters keeps what the action takes and lists the required rest", () => {
  expect(stepParameters("fetch_cloudformation_status", { ecs_cluster_name: "web" })).toEqual({
    parameters: {},
    missing: ["cfn_stack_name"],
  });
  expect(stepParameters("fetch_task_logs", { ecs_cluster_name: "web", ecs_service_name: "api", x: undefined })).toEqual(
    {
      parameters: { ecs_cluster_name: "web", ecs_service_name: "api" },
      missing: [],
    },
  );
});
