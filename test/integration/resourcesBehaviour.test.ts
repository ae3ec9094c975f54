// ecs_resource_management behaviour over the wire: validation before any call, pagination, redaction.
import { describe, expect, test } from "bun:test";
import { createEcsAssistant, type Policy } from "../../lib/index.ts";
import { fakeAwsOptions } from "../support/clients.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();
const assistant = (policy: Partial<Policy> = {}) =>
  createEcsAssistant({
    policy,
    aws: {
      ...fakeAwsOptions(fake),
      maxAttempts: 1,
    },
  });
const ACCOUNT = "123456789012";
const taskArn = (i: number) => `arn:aws:ecs:us-east-1:${ACCOUNT}:task/default/${String(i).padStart(32, "0")}`;

describe("api_params validation (before any AWS call)", () => {
  test("unknown key: did-you-mean and the accepted keys", async () => {
    const e = (
      await assistant().ecsResourceManagement({ api_operation: "ListServices", api_params: { clustr: "default" } })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "validation", issues: [{ path: "api_params.clustr", suggestion: "cluster" }] });
    if (e.kind === "validation") expect(e.issues[0]!.expected).toContain("resourceManagementType");
    expect(fake.calls).toHaveLength(0);
  });

  test("wrong types are named with their nested path", async () => {
    const e = (
      await assistant().ecsResourceManagement({
        api_operation: "RegisterTaskDefinition",
        dry_run: true,
        api_params: {
          family: "web",
          containerDefinitions: [{ name: "app", image: "nginx", portMappings: [{ containerPort: "http" }] }],
        },
      })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({
      kind: "validation",
      issues: [
        { path: "api_params.containerDefinitions.0.portMappings.0.containerPort", expected: "number", got: '"http"' },
      ],
    });
  });

  test("a number sent as JSON text deep inside api_params is decoded where the SDK model wants a number", async () => {
    const plan = (
      await assistant().ecsResourceManagement({
        api_operation: "RegisterTaskDefinition",
        dry_run: true,
        api_params: {
          family: "web",
          containerDefinitions: [{ name: "app", image: "nginx", portMappings: [{ containerPort: "80" }] }],
        },
      })
    )._unsafeUnwrap() as { would_call: { parameters: { containerDefinitions: { portMappings: unknown[] }[] } } };
    expect(plan.would_call.parameters.containerDefinitions[0]!.portMappings).toEqual([{ containerPort: 80 }]);
  });

  test("missing required members are named and the hint shows a minimal api_params", async () => {
    const e = (
      await assistant().ecsResourceManagement({ api_operation: "ecr:DescribeImages", api_params: {} })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "validation", issues: [{ path: "api_params.repositoryName", got: "nothing" }] });
    expect(e.hint).toContain('"repositoryName"');
    expect(fake.calls).toHaveLength(0);
  });

  test("enum values are checked, with a suggestion for a wrong case", async () => {
    const e = (
      await assistant().ecsResourceManagement({ api_operation: "ListTasks", api_params: { launchType: "fargate" } })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "validation", issues: [{ path: "api_params.launchType", suggestion: "FARGATE" }] });
  });

  test("timestamps accept ISO text and reach AWS as epoch seconds", async () => {
    fake.on("ecs", "ListServiceDeployments", { serviceDeployments: [] });
    await assistant().ecsResourceManagement({
      api_operation: "ListServiceDeployments",
      api_params: { service: "web", createdAt: { after: "2026-11-01T00:00:00Z" } },
    });
    expect(fake.calls[0]!.input.createdAt).toEqual({ after: Date.parse("2026-11-01T00:00:00Z") / 1000 });
    const bad = (
      await assistant().ecsResourceManagement({
        api_operation: "ListServiceDeployments",
        api_params: { service: "web", createdAt: { after: "last tuesday" } },
      })
    )._unsafeUnwrapErr();
    expect(bad).toMatchObject({ kind: "validation", issues: [{ path: "api_params.createdAt.after" }] });
  });

  test("unknown operation: closest names, across the ecr: prefix", async () => {
    const e = (await assistant().ecsResourceManagement({ api_operation: "DescribeImages" }))._unsafeUnwrapErr();
    expect(e).toMatchObject({
      kind: "validation",
      issues: [{ path: "api_operation", suggestion: "ecr:DescribeImages" }],
    });
    expect(e.hint).toContain("ecr:ListImages");
    const e2 = (await assistant().ecsResourceManagement({ api_operation: "ListCluster" }))._unsafeUnwrapErr();
    expect(e2.hint).toContain("ListClusters");
  });
});

describe("pagination", () => {
  const pagedTasks = (total: number) => (input: Record<string, unknown>) => {
    const start = Number(input.nextToken ?? 0);
    const size = Number(input.maxResults ?? 10);
    const end = Math.min(total, start + size);
    return {
      taskArns: Array.from({ length: end - start }, (_, i) => taskArn(start + i)),
      ...(end < total ? { nextToken: String(end) } : {}),
    };
  };

  test("ListTasks follows several pages to the end", async () => {
    fake.on("ecs", "ListTasks", pagedTasks(250));
    const r = (
      await assistant().ecsResourceManagement({ api_operation: "ListTasks", api_params: { cluster: "default" } })
    )._unsafeUnwrap();
    expect(r.taskArns).toHaveLength(250);
    expect(r).toMatchObject({ pages: 3 });
    expect(r.truncated).toBeUndefined();
    expect(fake.calls.map((c) => [c.input.nextToken, c.input.maxResults])).toEqual([
      [undefined, 100],
      ["100", 100],
      ["200", 100],
    ]);
  });

  test("max_items bounds the pages; the result says it was truncated and how to continue", async () => {
    fake.on("ecs", "ListTasks", pagedTasks(250));
    const r = (await assistant().ecsResourceManagement({ api_operation: "ListTasks", max_items: 150 }))._unsafeUnwrap();
    expect(r.taskArns).toHaveLength(150);
    expect(r).toMatchObject({ truncated: true, nextToken: "150", pages: 2 });
    expect(fake.calls.map((c) => c.input.maxResults)).toEqual([100, 50]);
    const rest = (
      await assistant().ecsResourceManagement({ api_operation: "ListTasks", api_params: { nextToken: "150" } })
    )._unsafeUnwrap();
    expect(rest.taskArns).toHaveLength(100);
    // Compact results give a shared ARN prefix once; prefix + id is the full ARN.
    expect(`${rest.taskArns_prefix}${(rest.taskArns as string[])[0]}`).toBe(taskArn(150));
  });

  test("no documented page size (ListGateways): a bounded list resumes exactly, no item is skipped", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `gw${i}`);
    fake.on("ecs", "ListGateways", (input) => {
      const start = Number(input.nextToken ?? 0);
      const end = Math.min(names.length, start + Number(input.maxResults ?? 10));
      return {
        gateways: names.slice(start, end).map((name) => ({ name })),
        ...(end < names.length ? { nextToken: String(end) } : {}),
      };
    });
    const seen: string[] = [];
    let nextToken: string | undefined;
    for (const [max_items, maxResults] of [
      [5, undefined],
      [3, 8],
      [100, undefined],
    ] as const) {
      const r = (
        await assistant().ecsResourceManagement({
          api_operation: "ListGateways",
          max_items,
          response_format: "aws",
          api_params: { ...(nextToken ? { nextToken } : {}), ...(maxResults ? { maxResults } : {}) },
        })
      )._unsafeUnwrap();
      seen.push(...(r.gateways as { name: string }[]).map((g) => g.name));
      nextToken = r.nextToken as string | undefined;
      if (!nextToken) break;
    }
    expect(seen).toEqual(names);
    expect(nextToken).toBeUndefined();
  });

  test("ECR ListImages pages with ECR's page size", async () => {
    fake.on("ecr", "ListImages", (input) =>
      input.nextToken
        ? { imageIds: [{ imageTag: "v2", imageDigest: "sha256:b" }] }
        : { imageIds: [{ imageTag: "v1", imageDigest: "sha256:a" }], nextToken: "n" },
    );
    const r = (
      await assistant().ecsResourceManagement({
        api_operation: "ecr:ListImages",
        api_params: { repositoryName: "web" },
      })
    )._unsafeUnwrap();
    expect(r.imageIds).toEqual([
      { imageTag: "v1", imageDigest: "sha256:a" },
      { imageTag: "v2", imageDigest: "sha256:b" },
    ]);
    expect(fake.calls[0]!.input).toEqual({ repositoryName: "web", maxResults: 1000 });
  });
  test("ListServiceDeployments pages although the SDK has no paginator for it", async () => {
    fake.on("ecs", "ListServiceDeployments", (input) =>
      input.nextToken
        ? { serviceDeployments: [{ serviceDeploymentArn: "d2", status: "SUCCESSFUL" }] }
        : { serviceDeployments: [{ serviceDeploymentArn: "d1", status: "IN_PROGRESS" }], nextToken: "t" },
    );
    const r = (
      await assistant().ecsResourceManagement({
        api_operation: "ListServiceDeployments",
        api_params: { service: "web" },
      })
    )._unsafeUnwrap();
    expect((r.serviceDeployments as { serviceDeploymentArn: string }[]).map((d) => d.serviceDeploymentArn)).toEqual([
      "d1",
      "d2",
    ]);
  });

  test("nested items (ecr:DescribeImageScanFindings): one page, and the token to continue", async () => {
    fake.on("ecr", "DescribeImageScanFindings", {
      imageScanFindings: { findings: [{ name: "CVE-2026-0001", severity: "HIGH" }] },
      nextToken: "more",
    });
    const r = (
      await assistant().ecsResourceManagement({
        api_operation: "ecr:DescribeImageScanFindings",
        api_params: { repositoryName: "web", imageId: { imageTag: "v1" } },
      })
    )._unsafeUnwrap();
    expect(r).toMatchObject({ truncated: true, nextToken: "more", pages: 1 });
    expect(r.imageScanFindings).toEqual({ findings: [{ name: "CVE-2026-0001", severity: "HIGH" }] });
    expect(fake.calls).toHaveLength(1);
  });
});

describe("sensitive results", () => {
  const taskDefinition = {
    taskDefinition: {
      family: "web",
      revision: 3,
      containerDefinitions: [
        {
          name: "app",
          image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web:1`,
          environment: [{ name: "DATABASE_URL", value: "postgres://app:hunter2@db:5432/app" }],
          secrets: [{ name: "API_KEY", valueFrom: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:api` }],
        },
      ],
    },
  };

  test("DescribeTaskDefinition: values redacted, names kept, the result says so", async () => {
    fake.on("ecs", "DescribeTaskDefinition", taskDefinition);
    const r = (
      await assistant().ecsResourceManagement({
        api_operation: "DescribeTaskDefinition",
        api_params: { taskDefinition: "web:3" },
      })
    )._unsafeUnwrap();
    const c = (r.taskDefinition as { containerDefinitions: Record<string, unknown>[] }).containerDefinitions[0]!;
    expect(c.environment).toEqual([{ name: "DATABASE_URL", value: "[REDACTED]" }]);
    expect(c.secrets).toEqual([{ name: "API_KEY", valueFrom: "[REDACTED]" }]);
    expect(JSON.stringify(r)).not.toContain("hunter2");
    expect(r.redaction).toMatchObject({ redacted_values: 2 });
  });

  test("a value shared by several environment entries or secrets is still redacted in the compact result", async () => {
    const password = "pA55-w0rd-4-everything";
    const secretArn = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`;
    fake.on("ecs", "DescribeTaskDefinition", {
      taskDefinition: {
        family: "web",
        containerDefinitions: [
          {
            name: "app",
            image: "nginx",
            environment: ["DB_PASS", "PGPASSWORD", "POSTGRES_PASSWORD"].map((name) => ({ name, value: password })),
            secrets: ["A", "B", "C"].map((name) => ({ name, valueFrom: secretArn })),
          },
        ],
      },
    });
    const r = (
      await assistant().ecsResourceManagement({
        api_operation: "DescribeTaskDefinition",
        api_params: { taskDefinition: "web:3" },
      })
    )._unsafeUnwrap();
    expect(JSON.stringify(r)).not.toContain(password);
    expect(JSON.stringify(r)).not.toContain("db-AbCdEf");
    expect(JSON.stringify(r)).toContain("POSTGRES_PASSWORD");
  });

  test("with allowSensitiveData the values are returned as they are", async () => {
    fake.on("ecs", "DescribeTaskDefinition", taskDefinition);
    const r = (
      await assistant({ allowSensitiveData: true }).ecsResourceManagement({
        api_operation: "DescribeTaskDefinition",
        api_params: { taskDefinition: "web:3" },
      })
    )._unsafeUnwrap();
    expect(JSON.stringify(r)).toContain("hunter2");
    expect(r.redaction).toBeUndefined();
  });

  test("DescribeTasks: container override environment is redacted", async () => {
    fake.on("ecs", "DescribeTasks", {
      tasks: [
        {
          taskArn: taskArn(1),
          lastStatus: "STOPPED",
          overrides: { containerOverrides: [{ name: "app", environment: [{ name: "TOKEN", value: "s3cr3t-value" }] }] },
        },
      ],
      failures: [],
    });
    const r = (
      await assistant().ecsResourceManagement({ api_operation: "DescribeTasks", api_params: { tasks: [taskArn(1)] } })
    )._unsafeUnwrap();
    expect(JSON.stringify(r)).not.toContain("s3cr3t-value");
    expect(JSON.stringify(r)).toContain('"TOKEN"');
  });

  test("non-sensitive operations are not touched", async () => {
    fake.on("ecs", "DescribeServices", { services: [{ serviceName: "token-service", status: "ACTIVE" }] });
    const r = (
      await assistant().ecsResourceManagement({ api_operation: "DescribeServices", api_params: { services: ["x"] } })
    )._unsafeUnwrap();
    expect(r).toEqual({ services: [{ serviceName: "token-service", status: "ACTIVE" }] });
  });
});
