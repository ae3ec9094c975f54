// An IAM role ARN (no region in it) from another partition than the configured region's is refused before any
// AWS call, with the field path, what was expected and what came in (arn:aws-cn:iam::… from us-east-1).
import { afterAll, beforeAll, expect, test } from "bun:test";
import type { EcsAssistant } from "../../lib/index.ts";
import { fakeAssistant } from "../hardening/support/world.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
let writer: EcsAssistant;
beforeAll(async () => {
  fake = await startFakeAws();
  fake.on("ecs", "*", {});
  writer = fakeAssistant(fake, { allowWrite: true }); // region us-east-1 (test/support/clients.ts)
});
afterAll(async () => {
  writer.close();
  await fake.close();
});

const register = (executionRoleArn: string) =>
  writer.callTool("ecs_resource_management", {
    api_operation: "RegisterTaskDefinition",
    api_params: {
      family: "web",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      executionRoleArn,
      containerDefinitions: [{ name: "web", image: "public.ecr.aws/nginx/nginx:1.27", essential: true }],
    },
  });

test("arn:aws-cn:iam role with region us-east-1 is refused before the call", async () => {
  fake.reset();
  fake.on("ecs", "*", {});
  const e = (await register("arn:aws-cn:iam::123456789012:role/ecsTaskExecutionRole"))._unsafeUnwrapErr();
  expect(e.kind).toBe("validation");
  const issue = e.kind === "validation" ? e.issues.find((i) => i.path === "api_params.executionRoleArn") : undefined;
  expect(issue?.message).toContain('the calls go to region "us-east-1", in partition "aws"');
  expect(issue?.expected).toContain("partition");
  expect(issue?.got).toBe('"arn:aws-cn:iam::123456789012:role/ecsTaskExecutionRole"');
  expect(fake.calls.filter((c) => c.operation === "RegisterTaskDefinition")).toEqual([]);
});

test("the same role in the aws partition goes through", async () => {
  fake.reset();
  fake.on("ecs", "*", {});
  expect((await register("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")).isOk()).toBe(true);
  expect(fake.calls.map((c) => c.operation)).toContain("RegisterTaskDefinition");
});
