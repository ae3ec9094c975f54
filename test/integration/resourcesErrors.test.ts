// ecs_resource_management over the wire: AWS error hints for catalogue operations, and dry runs.
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

describe("AWS errors carry hints", () => {
  test("ClusterNotFound points at ListClusters", async () => {
    fake.fail("ecs", "ListServices", { kind: "aws", code: "ClusterNotFoundException", message: "Cluster not found." });
    const e = (
      await assistant().ecsResourceManagement({ api_operation: "ListServices", api_params: { cluster: "nope" } })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({
      kind: "aws",
      service: "ecs",
      operation: "ListServices",
      code: "ClusterNotFoundException",
    });
    expect(e.hint).toContain("ListClusters");
  });

  test("ECR: RepositoryNotFound and AccessDenied name the repository list and the IAM action", async () => {
    fake.fail("ecr", "DescribeImages", { kind: "aws", code: "RepositoryNotFoundException", message: "no repo" });
    const e = (
      await assistant().ecsResourceManagement({
        api_operation: "ecr:DescribeImages",
        api_params: { repositoryName: "web" },
      })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "aws", service: "ecr", code: "RepositoryNotFoundException" });
    expect(e.hint).toContain("ecr:DescribeRepositories");
    fake.reset();
    fake.fail("ecr", "DescribeRepositories", { kind: "aws", code: "AccessDeniedException", message: "denied" });
    const d = (
      await assistant().ecsResourceManagement({ api_operation: "ecr:DescribeRepositories" })
    )._unsafeUnwrapErr();
    expect(d.hint).toContain("ecr:DescribeRepositories");
  });
});

describe("dry_run", () => {
  test("a destructive operation with writes off returns the exact call and sends nothing", async () => {
    const r = (
      await assistant().ecsResourceManagement({
        api_operation: "ecr:BatchDeleteImage",
        dry_run: true,
        api_params: { repositoryName: "web", imageIds: [{ imageTag: "old" }] },
      })
    )._unsafeUnwrap();
    expect(r).toMatchObject({
      dry_run: true,
      access: "destructive",
      would_call: {
        service: "ecr",
        operation: "BatchDeleteImage",
        iam_action: "ecr:BatchDeleteImage",
        parameters: { repositoryName: "web", imageIds: [{ imageTag: "old" }] },
      },
    });
    expect(fake.calls).toHaveLength(0);
  });

  test("secrets in the planned parameters are redacted; invalid params still fail", async () => {
    const r = (
      await assistant().ecsResourceManagement({
        api_operation: "RegisterTaskDefinition",
        dry_run: true,
        api_params: {
          family: "web",
          containerDefinitions: [{ name: "app", image: "nginx", environment: [{ name: "PW", value: "hunter2" }] }],
        },
      })
    )._unsafeUnwrap();
    expect(JSON.stringify(r)).not.toContain("hunter2");
    expect(JSON.stringify(r)).toContain('"PW"');
    const e = await assistant().ecsResourceManagement({
      api_operation: "DeleteCluster",
      dry_run: true,
      api_params: { clusterName: "x" },
    });
    const err = e._unsafeUnwrapErr();
    const issues = err.kind === "validation" ? err.issues : [];
    expect(issues.map((i) => i.path)).toEqual(["api_params.cluster", "api_params.clusterName"]);
    expect(fake.calls).toHaveLength(0);
  });

  test("the deny list still applies to dry runs", async () => {
    const e = (
      await assistant({ denyOperations: ["DeleteCluster"] }).ecsResourceManagement({
        api_operation: "DeleteCluster",
        dry_run: true,
        api_params: { cluster: "x" },
      })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "policy_denied", gate: "operation" });
  });
});

describe("error hints for catalogue operations", () => {
  test("DeleteRepository on a non-empty repository suggests force or BatchDeleteImage", async () => {
    fake.fail("ecr", "DeleteRepository", { kind: "aws", code: "RepositoryNotEmptyException", message: "not empty" });
    const e = (
      await assistant({ allowWrite: true }).ecsResourceManagement({
        api_operation: "ecr:DeleteRepository",
        api_params: { repositoryName: "web" },
      })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "aws", code: "RepositoryNotEmptyException" });
    expect(e.hint).toContain("force: true");
  });

  test("DeleteCluster on a cluster with services says what to remove first", async () => {
    fake.fail("ecs", "DeleteCluster", {
      kind: "aws",
      code: "ClusterContainsServicesException",
      message: "has services",
    });
    const e = (
      await assistant({ allowWrite: true }).ecsResourceManagement({
        api_operation: "DeleteCluster",
        api_params: { cluster: "default" },
      })
    )._unsafeUnwrapErr();
    expect(e.hint).toContain("DeleteService");
  });
});
