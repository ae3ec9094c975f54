// End to end: ecs_resource_management through the compiled binary (catalogue op, ECR op, validation, dry run), with a
// 2025-11-25 and a 2026-07-28 client, each over stdio and HTTP.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { fakeAwsEnv, serverBinary } from "../support/binary.ts";
import { connectE2E, E2E_MATRIX, type E2EClient } from "../support/e2eClient.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
let bin: string;

beforeAll(async () => {
  fake = await startFakeAws();
  fake.on("ecs", "ListTasks", (input) =>
    input.nextToken ? { taskArns: ["arn:task/2"] } : { taskArns: ["arn:task/1"], nextToken: "n" },
  );
  fake.on("ecr", "DescribeImages", (input) => ({
    imageDetails: [
      { repositoryName: input.repositoryName, imageTags: ["v1"], imagePushedAt: new Date("2026-11-20T10:00:00Z") },
    ],
  }));
  bin = serverBinary("linux-x64");
}, 120_000);
afterAll(() => fake.close());

describe.each(E2E_MATRIX)("$name", (combo) => {
  let client: E2EClient;
  beforeAll(async () => {
    client = await connectE2E(combo, bin, fakeAwsEnv(fake.url));
  }, 30_000);
  afterAll(() => client?.close());

  const call = (args: Record<string, unknown>) => client.callTool({ name: "ecs_resource_management", arguments: args });

  test("a paginated ECS catalogue operation returns every page", async () => {
    const r = await call({ api_operation: "ListTasks", api_params: { cluster: "default" } });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ taskArns: ["arn:task/1", "arn:task/2"], pages: 2 });
  });

  test("an ECR operation with the ecr: prefix, timestamps as ISO strings", async () => {
    const r = await call({ api_operation: "ecr:DescribeImages", api_params: { repositoryName: "web" } });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toMatchObject({
      // Compact results drop the zero milliseconds of ISO timestamps.
      imageDetails: [{ repositoryName: "web", imageTags: ["v1"], imagePushedAt: "2026-11-20T10:00:00Z" }],
    });
  });

  test("validation errors name the path and suggest the key; no AWS call is made", async () => {
    const before = fake.calls.length;
    const r = await call({ api_operation: "ecr:DescribeImages", api_params: { repositoryNme: "web" } });
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toMatchObject({
      error: {
        kind: "validation",
        issues: expect.arrayContaining([
          expect.objectContaining({ path: "api_params.repositoryNme", suggestion: "repositoryName" }),
          expect.objectContaining({ path: "api_params.repositoryName", got: "nothing" }),
        ]),
      },
    });
    expect(fake.calls.length).toBe(before);
  });

  test("a dry run of a destructive operation works with writes off and names ALLOW_WRITE for the real call", async () => {
    const plan = await call({
      api_operation: "DeleteService",
      dry_run: true,
      api_params: { service: "web", force: true },
    });
    expect(plan.isError).toBeFalsy();
    expect(plan.structuredContent).toMatchObject({
      dry_run: true,
      would_call: { service: "ecs", operation: "DeleteService", parameters: { service: "web", force: true } },
    });
    const real = await call({ api_operation: "DeleteService", api_params: { service: "web" } });
    expect(real.structuredContent).toMatchObject({ error: { kind: "policy_denied", flag: "ALLOW_WRITE=true" } });
  });
});
