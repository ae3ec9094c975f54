// AWS errors are hinted by (service, operation, code, message): each message of the corpus (public reports, see
// test/fixtures/aws-error-messages/SOURCES.md) comes back over the wire from the fake and gets its situation and hint.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EcsAssistant, EcsError } from "../../lib/index.ts";
import { fakeAssistant } from "../hardening/support/world.ts";
import { type FakeAws, type FakeService, startFakeAws } from "../support/fakeAws.ts";

interface Sample {
  id: string;
  service: FakeService;
  operation: string;
  code: string;
  message: string;
  situation: string;
  /** When set, the error says whether a retry may succeed. */
  retryable?: boolean;
  hint_has: string[];
  hint_lacks?: string[];
}
const SAMPLES: Sample[] = JSON.parse(
  readFileSync(join(import.meta.dir, "../fixtures/aws-error-messages/messages.json"), "utf8"),
);

let fake: FakeAws;
let assistant: EcsAssistant;
beforeAll(async () => {
  fake = await startFakeAws();
  assistant = fakeAssistant(fake, { allowWrite: true });
});
afterAll(async () => {
  assistant.close();
  await fake.close();
});
beforeEach(() => fake.reset());

describe("every corpus message gets its situation and hint", () => {
  for (const s of SAMPLES)
    test(s.id, async () => {
      fake.failUntyped(s.service, s.operation, { kind: "aws", code: s.code, message: s.message });
      const call = assistant.aws as unknown as (svc: string, op: string, input: object) => Promise<unknown>;
      const r = (await call(s.service, s.operation, {})) as { isErr(): boolean; error: EcsError };
      expect(r.isErr()).toBe(true);
      const e = r.error;
      expect(e).toMatchObject({ kind: "aws", code: s.code, situation: s.situation });
      if (s.retryable !== undefined) expect(e).toMatchObject({ retryable: s.retryable });
      expect(e.message).toContain(s.message);
      for (const h of s.hint_has) expect(e.hint).toContain(h);
      for (const h of s.hint_lacks ?? []) expect(e.hint).not.toContain(h);
    });
});

test("an unrelated InvalidParameterException keeps the generic hint and no situation", async () => {
  fake.fail("ecs", "CreateService", {
    kind: "aws",
    code: "InvalidParameterException",
    message: "The container web does not exist in the task definition.",
  });
  const call = assistant.aws as unknown as (svc: string, op: string, input: object) => Promise<unknown>;
  const r = (await call("ecs", "CreateService", {})) as { error: EcsError };
  expect(r.error).not.toHaveProperty("situation");
  expect(r.error.hint).toContain("AWS rejected a parameter");
});

test("case 11 A/C through ecs_resource_management: the AWS error keeps code and message, the hint names the Express path", async () => {
  const arn = "arn:aws:ecs:us-east-2:123456789012:service/default/my-app";
  fake.on("ecs", "DescribeServices", { services: [], failures: [] });
  fake.fail("ecs", "DeleteService", {
    kind: "aws",
    code: "InvalidParameterException",
    message: `${arn} has ResourceManagementType=ECS use DeleteExpressGatewayService to delete`,
  });
  const a = (
    await assistant.callTool("ecs_resource_management", {
      api_operation: "DeleteService",
      api_params: { cluster: "default", service: "my-app", force: true },
    })
  )._unsafeUnwrapErr();
  expect(a).toMatchObject({ kind: "aws", code: "InvalidParameterException" });
  expect(a.message).toContain("ResourceManagementType=ECS");
  expect(a.hint).toContain('delete_app (app_name: "my-app"');
  expect(a.hint).toContain(`DeleteExpressGatewayService {serviceArn: "${arn}"}`);

  fake.fail("ecs", "UpdateService", {
    kind: "aws",
    code: "InvalidParameterException",
    message: `${arn} has ResourceManagementType=ECS; UpdateService is not supported for this service`,
  });
  const c = (
    await assistant.callTool("ecs_resource_management", {
      api_operation: "UpdateService",
      api_params: { cluster: "default", service: "my-app", deploymentConfiguration: { minimumHealthyPercent: 50 } },
    })
  )._unsafeUnwrapErr();
  expect(c.hint).toContain("UpdateExpressGatewayService");
  expect(c.hint).not.toContain("DeleteExpressGatewayService");
});
