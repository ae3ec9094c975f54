// Cheap checks before a write (issue 14 item 3): shared case 12 (response-only field, image URI as task definition,
// lower-case enum), malformed secret references in task definitions, Express services and deploy_app; none of them
// reaches AWS, even with dry_run and writes disabled.
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import type { EcsAssistant, EcsError } from "../../lib/index.ts";
import { fakeAssistant } from "../hardening/support/world.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
let assistant: EcsAssistant;
beforeAll(async () => {
  fake = await startFakeAws();
  assistant = fakeAssistant(fake);
});
afterAll(async () => {
  assistant.close();
  await fake.close();
});
beforeEach(() => fake.reset());

const CASE12 = {
  cluster: "my-cluster",
  serviceName: "my-svc",
  taskDefinition: "123456789012.dkr.ecr.eu-west-2.amazonaws.com/my-app",
  desiredCount: 1,
  launchType: "FARGATE",
  platformFamily: "LINUX",
  networkConfiguration: {
    awsvpcConfiguration: {
      subnets: ["subnet-0a1b2c3d4e5f60001"],
      securityGroups: ["sg-0a1b2c3d4e5f60001"],
      assignPublicIp: "ENABLED",
    },
  },
};
const rm = async (api_operation: string, api_params: unknown, dry_run = true) =>
  assistant.callTool("ecs_resource_management", { api_operation, api_params, dry_run });
const issue = (e: EcsError, path: string) =>
  e.kind === "validation" ? e.issues.find((i) => i.path === path) : undefined;

test("case 12, first call: platformFamily unknown with did-you-mean platformVersion; taskDefinition looks like an image", async () => {
  const e = (await rm("CreateService", CASE12))._unsafeUnwrapErr();
  expect(e.kind).toBe("validation");
  expect(issue(e, "api_params.platformFamily")).toMatchObject({ suggestion: "platformVersion" });
  expect(issue(e, "api_params.taskDefinition")?.message).toContain("looks like a container image URI");
  expect(e.hint).toContain("api_params.taskDefinition expects family, family:revision or arn:aws:ecs:");
  expect(fake.calls).toEqual([]);
});

test("case 12, second call: lower-case launchType names the allowed values", async () => {
  const { platformFamily: _p, ...rest } = CASE12;
  const e = (
    await rm("CreateService", { ...rest, launchType: "fargate", taskDefinition: "my-app:3" })
  )._unsafeUnwrapErr();
  const i = issue(e, "api_params.launchType");
  for (const v of ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"]) expect(i?.expected).toContain(v);
  expect(i?.suggestion).toBe("FARGATE");
  expect(fake.calls).toEqual([]);
});

test("case 12, fixed: dry_run returns the exact call and sends nothing", async () => {
  const { platformFamily: _p, ...rest } = CASE12;
  const r = (await rm("CreateService", { ...rest, taskDefinition: "my-app:3" }))._unsafeUnwrap().value as Record<
    string,
    unknown
  >;
  expect(r.would_call).toMatchObject({ iam_action: "ecs:CreateService", parameters: { taskDefinition: "my-app:3" } });
  expect(fake.calls).toEqual([]);
});

test("task-definition secrets and log secretOptions with an empty path segment or a bad account are refused", async () => {
  const e = (
    await rm("RegisterTaskDefinition", {
      family: "api",
      containerDefinitions: [
        {
          name: "api",
          image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.4.3",
          secrets: [{ name: "DB", valueFrom: "arn:aws:secretsmanager:us-east-1:123:secret:db-AbCdEf" }],
          logConfiguration: {
            logDriver: "awsfirelens",
            secretOptions: [
              { name: "apiKey", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/api//new-relic-license-key" },
            ],
          },
        },
      ],
    })
  )._unsafeUnwrapErr();
  expect(issue(e, "api_params.containerDefinitions.0.secrets.0.valueFrom")?.message).toContain(
    'invalid account id "123"',
  );
  expect(issue(e, "api_params.containerDefinitions.0.logConfiguration.secretOptions.0.valueFrom")?.message).toContain(
    "empty path segment",
  );
  expect(fake.calls).toEqual([]);
});

test("Express primaryContainer.secrets are checked too; a well-formed call passes to the dry-run plan", async () => {
  const params = {
    infrastructureRoleArn: "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices",
    executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    primaryContainer: {
      image: "public.ecr.aws/nginx/nginx:1.27",
      secrets: [{ name: "K", valueFrom: "arn:aws:ssm::123456789012:parameter/k" }],
    },
  };
  const e = (await rm("CreateExpressGatewayService", params))._unsafeUnwrapErr();
  expect(issue(e, "api_params.primaryContainer.secrets.0.valueFrom")?.message).toContain("has no region");
  params.primaryContainer.secrets[0]!.valueFrom = "arn:aws:ssm:us-east-1:123456789012:parameter/k";
  expect((await rm("CreateExpressGatewayService", params)).isOk()).toBe(true);
  expect(fake.calls).toEqual([]);
});

test("deploy_app refuses a secret with an empty path segment before any step (case 02, preventive)", async () => {
  const e = (
    await assistant.callTool("deploy_app", {
      app_name: "shop",
      app_path: "/tmp",
      port: 8080,
      secrets: { NR_KEY: "arn:aws:ssm:us-east-1:123456789012:parameter/api//new-relic-license-key" },
      dry_run: true,
    })
  )._unsafeUnwrapErr();
  expect(e.kind).toBe("validation");
  expect(issue(e, "secrets.NR_KEY")?.message).toContain("empty path segment");
  expect(fake.calls).toEqual([]);
});

test("the minimal CreateExpressGatewayService offered in the hint has an image and the execution role, and validates", async () => {
  const e = (await rm("CreateExpressGatewayService", {}))._unsafeUnwrapErr();
  const minimal = JSON.parse(/Minimal api_params: (\{.*\})\./.exec(e.hint)?.[1] ?? "null");
  // A copy: bun's toMatchObject writes its asymmetric matchers into the object it checks.
  expect(structuredClone(minimal)).toMatchObject({
    infrastructureRoleArn: expect.stringMatching(/^arn:aws:iam::\d{12}:role\//),
    executionRoleArn: expect.stringMatching(/^arn:aws:iam::\d{12}:role\//),
    primaryContainer: { image: expect.any(String) },
  });
  const r = await rm("CreateExpressGatewayService", minimal);
  expect(r.isOk() ? "ok" : JSON.stringify(r.error)).toBe("ok");
  expect(fake.calls).toEqual([]);
});
