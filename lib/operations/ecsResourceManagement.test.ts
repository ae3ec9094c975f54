import { describe, expect, test } from "bun:test";
import { DescribeClustersCommand, ECSClient, ListClustersCommand } from "@aws-sdk/client-ecs";
import { mockClient } from "aws-sdk-client-mock";
import { createEcsAssistant } from "../assistant.ts";

const setup = (policy = {}) => {
  const ecs = new ECSClient({ region: "us-east-1", credentials: { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" } });
  const mock = mockClient(ecs);
  const assistant = createEcsAssistant({ policy, aws: { clients: { ecs } } });
  return { mock, assistant };
};

describe("ecs_resource_management", () => {
  test("ListClusters follows pages and compacts the result", async () => {
    const { mock, assistant } = setup();
    mock
      .on(ListClustersCommand, { nextToken: undefined })
      .resolves({ clusterArns: ["arn:1", "arn:2"], nextToken: "t1", $metadata: { httpStatusCode: 200 } })
      .on(ListClustersCommand, { nextToken: "t1" })
      .resolves({ clusterArns: ["arn:3"], $metadata: {} });
    const r = (await assistant.ecsResourceManagement({ api_operation: "ListClusters" }))._unsafeUnwrap();
    expect(r).toEqual({ clusterArns: ["arn:1", "arn:2", "arn:3"], pages: 2 });
    expect(mock.commandCalls(ListClustersCommand)).toHaveLength(2);
  });

  test("max_items bounds the pages and says how to continue", async () => {
    const { mock, assistant } = setup();
    mock.on(ListClustersCommand).resolves({ clusterArns: ["a", "b"], nextToken: "more" });
    const r = (await assistant.ecsResourceManagement({ api_operation: "ListClusters", max_items: 2 }))._unsafeUnwrap();
    expect(r).toMatchObject({ truncated: true, nextToken: "more", clusterArns: ["a", "b"], pages: 1 });
    expect(String(r.continue_with)).toContain("nextToken");
    expect(mock.commandCalls(ListClustersCommand)[0]!.args[0].input).toMatchObject({ maxResults: 2 });
  });

  test("DescribeClusters drops $metadata and empty noise", async () => {
    const { mock, assistant } = setup();
    mock.on(DescribeClustersCommand).resolves({
      clusters: [{ clusterName: "default", status: "ACTIVE", tags: [], settings: undefined, runningTasksCount: 0 }],
      failures: [],
    });
    const r = (
      await assistant.ecsResourceManagement({
        api_operation: "DescribeClusters",
        api_params: { clusters: ["default"] },
      })
    )._unsafeUnwrap();
    expect(r).toEqual({ clusters: [{ clusterName: "default", status: "ACTIVE", runningTasksCount: 0 }] });
  });

  test("write operation refused while writes are off: no AWS call", async () => {
    const { mock, assistant } = setup();
    const e = (
      await assistant.ecsResourceManagement({ api_operation: "DeleteCluster", api_params: { cluster: "x" } })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "policy_denied", gate: "write", flag: "policy.allowWrite = true" });
    expect(mock.calls()).toHaveLength(0);
  });

  test("unknown operation: did-you-mean; bad params: path and suggestion; no AWS call", async () => {
    const { mock, assistant } = setup();
    const e1 = (await assistant.ecsResourceManagement({ api_operation: "DescribeCluster" }))._unsafeUnwrapErr();
    expect(e1.kind).toBe("validation");
    expect(e1.hint).toContain("DescribeClusters");
    const e2 = (
      await assistant.ecsResourceManagement({ api_operation: "DescribeClusters", api_params: { cluster: ["x"] } })
    )._unsafeUnwrapErr();
    expect(e2).toMatchObject({ kind: "validation", issues: [{ path: "api_params.cluster", suggestion: "clusters" }] });
    expect(mock.calls()).toHaveLength(0);
  });

  test("AWS errors map to kind aws with code, status and a hint", async () => {
    const { mock, assistant } = setup();
    const ex = Object.assign(new Error("User: x is not authorized to perform: ecs:ListClusters"), {
      name: "AccessDeniedException",
      $fault: "client",
      $metadata: { httpStatusCode: 400, requestId: "req-1" },
    });
    mock.on(ListClustersCommand).rejects(ex);
    const e = (await assistant.ecsResourceManagement({ api_operation: "ListClusters" }))._unsafeUnwrapErr();
    expect(e).toMatchObject({
      kind: "aws",
      service: "ecs",
      operation: "ListClusters",
      code: "AccessDeniedException",
      httpStatus: 400,
      requestId: "req-1",
      retryable: false,
    });
    expect(e.hint).toContain("ecs:ListClusters");
  });
});
