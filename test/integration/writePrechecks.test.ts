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

test("task definitions given as family, family:revision or ARN pass; an image (tag or digest) or revision 0 does not", async () => {
  const td = (taskDefinition: string) => rm("UpdateService", { cluster: "web", service: "api", taskDefinition });
  for (const ok of ["web", "web:3", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"])
    expect((await td(ok)).isOk()).toBe(true);
  for (const [bad, why] of [
    ["web:latest", "looks like a container image URI"],
    [`nginx@sha256:${"a".repeat(64)}`, "looks like a container image URI"],
    ["public.ecr.aws/nginx/nginx:1.27", "looks like a container image URI (public.ecr.aws)"],
    ["web:0", "revision 0"],
  ] as const) {
    const e = (await td(bad))._unsafeUnwrapErr();
    expect(issue(e, "api_params.taskDefinition")?.message).toContain(why);
  }
  expect(fake.calls.filter((c) => c.operation === "UpdateService")).toEqual([]);
});

test("an ARN whose partition is not its region's is refused wherever it appears, before any AWS call", async () => {
  const gov = "arn:aws-us-gov:ecs:us-east-1:123456789012:task-definition/web:3";
  const a = (await rm("CreateService", { serviceName: "api", taskDefinition: gov }))._unsafeUnwrapErr();
  expect(issue(a, "api_params.taskDefinition")?.message).toContain('region "us-east-1" is in partition "aws"');
  const cn = "arn:aws-cn:ssm:us-east-1:123456789012:parameter/db";
  const b = (
    await rm("RegisterTaskDefinition", {
      family: "web",
      containerDefinitions: [{ name: "web", image: "nginx:1.27", secrets: [{ name: "DB", valueFrom: cn }] }],
    })
  )._unsafeUnwrapErr();
  expect(issue(b, "api_params.containerDefinitions.0.secrets.0.valueFrom")?.message).toContain('partition "aws-cn"');
  const tg = "arn:aws:elasticloadbalancing:cn-north-1:123456789012:targetgroup/web/0a1b2c3d4e5f6071";
  const c = (
    await rm("CreateService", {
      serviceName: "api",
      taskDefinition: "web:3",
      loadBalancers: [{ targetGroupArn: tg, containerName: "web", containerPort: 80 }],
    })
  )._unsafeUnwrapErr();
  expect(issue(c, "api_params.loadBalancers.0.targetGroupArn")?.message).toContain('is in partition "aws-cn"');
  const d = (
    await assistant.callTool("delete_app", {
      app_name: "shop",
      service_arn: "arn:aws-cn:ecs:us-east-1:123456789012:service/default/shop",
      dry_run: true,
    })
  )._unsafeUnwrapErr();
  expect(issue(d, "service_arn")).toBeDefined();
  expect(d.message).toContain('partition "aws-cn"');
  // Matching partitions pass: GovCloud and China ARNs in their own regions, full and partial secret ARNs.
  const ok = await rm("RegisterTaskDefinition", {
    family: "web",
    containerDefinitions: [
      {
        name: "web",
        image: "nginx:1.27",
        secrets: [
          { name: "A", valueFrom: "arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/db" },
          { name: "B", valueFrom: "arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:prod/db-AbCdEf" },
          { name: "C", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db" },
          { name: "D", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:password::" },
        ],
      },
    ],
  });
  expect(ok.isOk()).toBe(true);
  expect(fake.calls).toEqual([]);
});

test("names and URIs longer than AWS takes are refused with a short answer, not sent or echoed whole", async () => {
  const huge = "x".repeat(1_000_000);
  for (const [tool, args, path] of [
    ["wait_for_service_ready", { cluster: huge, service_name: "api" }, "cluster"],
    ["wait_for_service_ready", { cluster: "web", service_name: huge }, "service_name"],
    ["deploy_app", { app_name: "shop", app_path: "/tmp", port: 8080, cluster: huge, dry_run: true }, "cluster"],
    ["validate_ecs_express_mode_prerequisites", { image_uri: `public.ecr.aws/${huge}:1` }, "image_uri"],
  ] as const) {
    const e = (await assistant.callTool(tool, args))._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "validation" });
    expect(e.kind === "validation" && e.issues[0]?.path).toBe(path);
    expect(JSON.stringify(e).length).toBeLessThan(3_000);
  }
  expect(fake.calls).toEqual([]);
});

test("an ECS name longer than AWS takes inside api_params is refused, not sent, and echoed only as a prefix", async () => {
  const huge = "s".repeat(1_000_000);
  for (const [op, params, path] of [
    ["CreateService", { serviceName: huge, taskDefinition: "web:3" }, "api_params.serviceName"],
    ["DescribeServices", { cluster: "web", services: [huge] }, "api_params.services.0"],
    ["ListServices", { cluster: huge }, "api_params.cluster"],
  ] as const) {
    const e = (await rm(op, params, op === "CreateService"))._unsafeUnwrapErr();
    expect(issue(e, path)?.message).toContain("1000000 characters long; ECS names have at most 255");
    expect(JSON.stringify(e).length).toBeLessThan(3_000);
  }
  // A 255-character name and an ARN in a name-or-ARN member pass.
  expect((await rm("ListServices", { cluster: "c".repeat(255) }, true)).isOk()).toBe(true);
  expect((await rm("ListServices", { cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/web" }, true)).isOk()).toBe(
    true,
  );
  expect(fake.calls).toEqual([]);
});

test("a Fargate task definition whose containers need an execution role and has none is refused before the call", async () => {
  const td = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    rm("RegisterTaskDefinition", {
      family: "web",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      containerDefinitions: [{ name: "web", ...container }],
      ...extra,
    });
  for (const [container, why] of [
    [{ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1" }, "its image is in private ECR"],
    [
      { image: "nginx:1.27", logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web" } } },
      "it logs with awslogs",
    ],
  ] as const) {
    const e = (await td(container))._unsafeUnwrapErr();
    expect(issue(e, "api_params.executionRoleArn")?.message).toContain(why);
  }
  // With the role, on EC2 only, or with a public image, nothing is refused.
  const image = { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1" };
  expect((await td(image, { executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" })).isOk()).toBe(
    true,
  );
  expect((await td(image, { requiresCompatibilities: ["EC2"] })).isOk()).toBe(true);
  expect((await td({ image: "public.ecr.aws/nginx/nginx:1.27" })).isOk()).toBe(true);
  expect(fake.calls).toEqual([]);
});
