// api_params validation from the SDK model: nested paths, required members, enums, unions, timestamps, speed.
import { describe, expect, test } from "bun:test";
import { findOperation } from "./catalogue.ts";
import { validateParams } from "./validateParams.ts";

const check = async (op: string, params: Record<string, unknown>) => validateParams(findOperation(op)!, params);

describe("validateParams", () => {
  test("valid input passes unchanged (timestamps become Dates)", async () => {
    const ok = (await check("DescribeClusters", { clusters: ["a"], include: ["TAGS"] }))._unsafeUnwrap();
    expect(ok).toEqual({ clusters: ["a"], include: ["TAGS"] });
    const ts = (
      await check("ListServiceDeployments", { service: "s", createdAt: { before: 1_700_000_000 } })
    )._unsafeUnwrap();
    expect((ts.createdAt as { before: Date }).before).toEqual(new Date(1_700_000_000_000));
  });

  test("unknown nested key: path and suggestion", async () => {
    const e = (
      await check("CreateService", { serviceName: "s", networkConfiguration: { awsvpcConfig: { subnets: ["x"] } } })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({
      kind: "validation",
      issues: [{ path: "api_params.networkConfiguration.awsvpcConfig", suggestion: "awsvpcConfiguration" }],
    });
  });

  test("missing required nested member", async () => {
    const e = (
      await check("CreateService", {
        serviceName: "s",
        networkConfiguration: { awsvpcConfiguration: { securityGroups: ["sg-1"] } },
      })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({
      issues: [{ path: "api_params.networkConfiguration.awsvpcConfiguration.subnets", got: "nothing" }],
    });
    expect(e.hint).toContain("Minimal api_params");
  });

  test("wrong list/structure types", async () => {
    const e = (await check("DescribeServices", { services: "web" }))._unsafeUnwrapErr();
    expect(e).toMatchObject({ issues: [{ path: "api_params.services", got: '"web"' }] });
    const e2 = (await check("TagResource", { resourceArn: "a", tags: { k: "v" } }))._unsafeUnwrapErr();
    expect(e2).toMatchObject({ issues: [{ path: "api_params.tags" }] });
  });

  test("enum values of nested members, with a case suggestion", async () => {
    const e = (
      await check("ecr:CreateRepository", { repositoryName: "r", imageTagMutability: "immutable" })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ issues: [{ path: "api_params.imageTagMutability", suggestion: "IMMUTABLE" }] });
  });

  test("is fast once the table is loaded", async () => {
    await check("RunTask", { taskDefinition: "t" });
    const started = performance.now();
    for (let i = 0; i < 1000; i++) await check("RunTask", { taskDefinition: "t", count: 1, cluster: "c" });
    expect((performance.now() - started) / 1000).toBeLessThan(1);
  });
});

test("null members count as not given (models send null for optional values)", async () => {
  const { validateParams } = await import("./validateParams.ts");
  const { findOperation } = await import("./catalogue.ts");
  const op = findOperation("ListServices")!;
  const ok = (await validateParams(op, { cluster: "web", nextToken: null, maxResults: null }))._unsafeUnwrap();
  expect(ok).toEqual({ cluster: "web" });
  const missing = (
    await validateParams(findOperation("DescribeServices")!, { cluster: "web", services: null })
  )._unsafeUnwrapErr();
  expect(missing.kind).toBe("validation");
});
