// ListExpressGatewayServices (not an AWS API): ECS-managed services across clusters, described in batches, over the wire.
import { beforeEach, expect, test } from "bun:test";
import { createEcsAssistant } from "../../lib/index.ts";
import { fakeAwsOptions } from "../support/clients.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });
const assistant = (allowSensitiveData = false) =>
  createEcsAssistant({
    policy: { allowSensitiveData },
    aws: {
      ...fakeAwsOptions(fake),
      maxAttempts: 1,
    },
  });
const arn = (kind: string, path: string) => `arn:aws:ecs:us-east-1:123456789012:${kind}/${path}`;

/** Cluster a: 12 Express services + 1 customer-managed one; cluster b: 1 Express service. */
const SERVICES: Record<string, { name: string; type: "ECS" | "CUSTOMER" }[]> = {
  [arn("cluster", "a")]: [
    ...Array.from({ length: 12 }, (_, i) => ({ name: `app${i}`, type: "ECS" as const })),
    { name: "legacy", type: "CUSTOMER" },
  ],
  [arn("cluster", "b")]: [{ name: "api", type: "ECS" }],
};
const clusterArn = (c: string) => (c.startsWith("arn:") ? c : arn("cluster", c));

beforeEach(() => {
  fake.reset();
  fake.on("ecs", "ListClusters", (input) =>
    input.nextToken ? { clusterArns: [arn("cluster", "b")] } : { clusterArns: [arn("cluster", "a")], nextToken: "p2" },
  );
  fake.on("ecs", "ListServices", (input) => {
    const c = clusterArn(String(input.cluster));
    // The real API filters by resourceManagementType; the fake leaves one CUSTOMER service in to prove the re-check.
    return { serviceArns: (SERVICES[c] ?? []).map((s) => arn("service", `${c.split("/")[1]}/${s.name}`)) };
  });
  fake.on("ecs", "DescribeServices", (input) => {
    const c = clusterArn(String(input.cluster));
    const services = (input.services as string[]).map((s) => {
      const name = s.split("/").at(-1)!;
      const type = SERVICES[c]!.find((x) => x.name === name)!.type;
      return {
        serviceArn: s,
        serviceName: name,
        clusterArn: c,
        status: "ACTIVE",
        desiredCount: 1,
        runningCount: 1,
        resourceManagementType: type,
      };
    });
    return { services, failures: [] };
  });
  fake.on("ecs", "DescribeExpressGatewayService", (input) => ({
    service: {
      serviceArn: input.serviceArn,
      status: { statusCode: "ACTIVE" },
      activeConfigurations: [
        { primaryContainer: { image: "nginx", environment: [{ name: "DB_PASSWORD", value: "hunter2" }] } },
      ],
    },
  }));
});

test("lists Express services of every cluster, filters customer-managed ones, describes each", async () => {
  const r = (await assistant().ecsResourceManagement({ api_operation: "ListExpressGatewayServices" }))._unsafeUnwrap();
  const services = r.services as { serviceName: string; express?: unknown }[];
  expect(services.map((s) => s.serviceName).sort()).toEqual(
    [...Array.from({ length: 12 }, (_, i) => `app${i}`), "api"].sort(),
  );
  expect(r.clusters_scanned).toBe(2);
  const ops = (op: string) => fake.calls.filter((c) => c.operation === op);
  expect(ops("ListClusters")).toHaveLength(2);
  expect(ops("ListServices").every((c) => c.input.resourceManagementType === "ECS")).toBe(true);
  // 13 services in cluster a → 2 batches (10 + 3); 1 in b → 1 batch.
  expect(
    ops("DescribeServices")
      .map((c) => (c.input.services as string[]).length)
      .sort(),
  ).toEqual([1, 10, 3].sort());
  expect(ops("DescribeExpressGatewayService")).toHaveLength(13);
  // Sensitive: the Express service's environment values are redacted.
  expect(JSON.stringify(r)).not.toContain("hunter2");
  expect(JSON.stringify(r)).toContain("DB_PASSWORD");
  expect(r.redaction).toBeDefined();
});

test("one cluster, no details, bounded by max_items with a truncation note", async () => {
  const r = (
    await assistant().ecsResourceManagement({
      api_operation: "ListExpressGatewayServices",
      api_params: { cluster: "a", includeDetails: false },
      max_items: 5,
    })
  )._unsafeUnwrap();
  expect((r.services as unknown[]).length).toBe(5);
  expect(r).toMatchObject({ truncated: true, clusters_scanned: 1 });
  expect(
    fake.calls.some((c) => c.operation === "ListClusters" || c.operation === "DescribeExpressGatewayService"),
  ).toBe(false);
});

test("api_params are validated; a failing describe is reported per service, not for the whole list", async () => {
  const bad = (
    await assistant().ecsResourceManagement({
      api_operation: "ListExpressGatewayServices",
      api_params: { clusters: "a" },
    })
  )._unsafeUnwrapErr();
  expect(bad).toMatchObject({ kind: "validation", issues: [{ suggestion: "cluster" }] });
  fake.fail("ecs", "DescribeExpressGatewayService", { kind: "aws", code: "ServiceNotFoundException", times: 1 });
  const r = (
    await assistant().ecsResourceManagement({
      api_operation: "ListExpressGatewayServices",
      api_params: { cluster: "b" },
    })
  )._unsafeUnwrap();
  expect(r.services).toEqual([
    expect.objectContaining({ serviceName: "api", express_error: expect.stringContaining("ServiceNotFound") }),
  ]);
});
