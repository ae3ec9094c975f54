// ecs_resource_management through the real SDK against the loopback fake AWS endpoint (serialization, retries, errors).
import { describe, expect, test } from "bun:test";
import { createEcsAssistant } from "../../lib/index.ts";
import { fakeAwsOptions } from "../support/clients.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();
const assistant = (policy = {}, maxAttempts = 3) =>
  createEcsAssistant({
    policy,
    aws: {
      ...fakeAwsOptions(fake),
      maxAttempts,
    },
  });

describe("ecs_resource_management over the wire", () => {
  test("ListClusters pages through nextToken", async () => {
    fake.on("ecs", "ListClusters", (input) =>
      input.nextToken
        ? { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/b"] }
        : { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/a"], nextToken: "p2" },
    );
    const r = (await assistant().ecsResourceManagement({ api_operation: "ListClusters" }))._unsafeUnwrap();
    expect(r.clusterArns).toEqual([
      "arn:aws:ecs:us-east-1:123456789012:cluster/a",
      "arn:aws:ecs:us-east-1:123456789012:cluster/b",
    ]);
    expect(fake.calls.map((c) => c.input.nextToken)).toEqual([undefined, "p2"]);
    expect(fake.calls[0]!.input.maxResults).toBe(100);
  });

  test("DescribeClusters sends the input as AWS documents it", async () => {
    fake.on("ecs", "DescribeClusters", (input) => ({
      clusters: (input.clusters as string[]).map((n) => ({
        clusterName: n,
        status: "ACTIVE",
        runningTasksCount: 2,
        activeServicesCount: 1,
      })),
      failures: [],
    }));
    const r = (
      await assistant().ecsResourceManagement({
        api_operation: "DescribeClusters",
        api_params: { clusters: ["default"], include: ["SETTINGS"] },
      })
    )._unsafeUnwrap();
    expect(fake.calls[0]!.input).toEqual({ clusters: ["default"], include: ["SETTINGS"] });
    expect(r).toEqual({
      clusters: [{ clusterName: "default", status: "ACTIVE", runningTasksCount: 2, activeServicesCount: 1 }],
    });
  });

  test("throttling is retried by the SDK, then succeeds", async () => {
    fake
      .on("ecs", "ListClusters", { clusterArns: ["arn:x"] })
      .fail("ecs", "ListClusters", { kind: "aws", code: "ThrottlingException", times: 2 });
    const r = await assistant().ecsResourceManagement({ api_operation: "ListClusters" });
    expect(r._unsafeUnwrap().clusterArns).toEqual(["arn:x"]);
    expect(fake.calls).toHaveLength(3);
  });

  test("throttling past max attempts is reported as retryable", async () => {
    fake.fail("ecs", "ListClusters", { kind: "aws", code: "ThrottlingException" });
    const e = (await assistant({}, 2).ecsResourceManagement({ api_operation: "ListClusters" }))._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "aws", code: "ThrottlingException", retryable: true, httpStatus: 400 });
    expect(fake.calls).toHaveLength(2);
  });

  test("AccessDenied, expired credentials and ClusterNotFound carry hints and request ids", async () => {
    fake.fail("ecs", "DescribeClusters", {
      kind: "aws",
      code: "AccessDeniedException",
      message: "User: arn:aws:iam::1:user/x is not authorized to perform: ecs:DescribeClusters",
    });
    const denied = (await assistant().ecsResourceManagement({ api_operation: "DescribeClusters" }))._unsafeUnwrapErr();
    expect(denied).toMatchObject({ kind: "aws", code: "AccessDeniedException", retryable: false });
    expect(denied.hint).toContain("ecs:DescribeClusters");
    if (denied.kind === "aws") expect(denied.requestId).toBe(fake.calls[0]!.requestId);

    fake.reset();
    fake.fail("ecs", "ListClusters", {
      kind: "aws",
      code: "ExpiredTokenException",
      message: "The security token included in the request is expired",
    });
    const expired = (await assistant().ecsResourceManagement({ api_operation: "ListClusters" }))._unsafeUnwrapErr();
    expect(expired.hint).toContain("aws sso login");
  });

  test("5xx and connection resets end as typed errors, not crashes", async () => {
    fake.fail("ecs", "ListClusters", { kind: "http", status: 503 });
    const e = (await assistant({}, 2).ecsResourceManagement({ api_operation: "ListClusters" }))._unsafeUnwrapErr();
    expect(e.kind).toBe("aws");
    if (e.kind === "aws") expect(e.retryable).toBe(true);
    fake.reset();
    fake.fail("ecs", "ListClusters", { kind: "reset" });
    const r = (await assistant({}, 1).ecsResourceManagement({ api_operation: "ListClusters" }))._unsafeUnwrapErr();
    expect(["unavailable", "aws"]).toContain(r.kind);
  });

  test("write refused with writes off (no request sent); allowed with writes on", async () => {
    fake.on("ecs", "CreateCluster", (input) => ({ cluster: { clusterName: input.clusterName, status: "ACTIVE" } }));
    const denied = (
      await assistant().ecsResourceManagement({ api_operation: "CreateCluster", api_params: { clusterName: "c1" } })
    )._unsafeUnwrapErr();
    expect(denied.kind).toBe("policy_denied");
    expect(fake.calls).toHaveLength(0);
    const ok = (
      await assistant({ allowWrite: true }).ecsResourceManagement({
        api_operation: "CreateCluster",
        api_params: { clusterName: "c1" },
      })
    )._unsafeUnwrap();
    expect(ok).toEqual({ cluster: { clusterName: "c1", status: "ACTIVE" } });
  });

  test("unreachable endpoint is 'unavailable' with a hint", async () => {
    const a = createEcsAssistant({
      aws: {
        region: "us-east-1",
        endpoints: { default: "http://127.0.0.1:1" },
        credentials: { accessKeyId: "A", secretAccessKey: "B" },
        maxAttempts: 1,
      },
    });
    const e = (await a.ecsResourceManagement({ api_operation: "ListClusters" }))._unsafeUnwrapErr();
    expect(e.kind).toBe("unavailable");
    expect(e.hint).toContain("endpoint");
  });
});
