// The fake's own behaviour through real SDK clients: error mapping, faults and retries, latency, recording.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { ClusterNotFoundException, DescribeClustersCommand, ECSClient, ListClustersCommand } from "@aws-sdk/client-ecs";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { createClients, type FakeClients, fakeClientConfig } from "./clients.ts";
import { awsError, type FakeAws, startFakeAws } from "./fakeAws.ts";

let fake: FakeAws;
/** No retries: one request per call. */
let once: FakeClients;
/** SDK retries with a 1 ms fixed backoff. */
let retrying: FakeClients;
beforeAll(async () => {
  fake = await startFakeAws();
  once = createClients(fake, { maxAttempts: 1 });
  retrying = createClients(fake, { maxAttempts: 3, retryDelayMs: 1 });
});
afterAll(async () => {
  once.destroy();
  retrying.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

/** Awaits a call that must fail and returns what the SDK threw. */
const failure = async (call: Promise<unknown>): Promise<Record<string, unknown> & Error> => {
  try {
    await call;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error("expected the SDK call to fail");
};

describe("error mapping", () => {
  test("awsJson: modelled exception class, code as name, status and request id", async () => {
    fake.fail("ecs", "DescribeClusters", {
      kind: "aws",
      code: "ClusterNotFoundException",
      message: "Cluster not found.",
    });
    const error = await failure(once.ecs.send(new DescribeClustersCommand({ clusters: ["nope"] })));
    expect(error).toBeInstanceOf(ClusterNotFoundException);
    expect(error.name).toBe("ClusterNotFoundException");
    expect(error.message).toBe("Cluster not found.");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400, requestId: fake.calls[0]?.requestId });
  });

  test("awsJson: an unmodelled code still becomes the error name", async () => {
    fake.fail("ecs", "ListClusters", {
      kind: "aws",
      code: "ExpiredTokenException",
      message: "The security token included in the request is expired",
    });
    const error = await failure(once.ecs.send(new ListClustersCommand({})));
    expect(error.name).toBe("ExpiredTokenException");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400 });
  });

  test("awsQuery: code as name for unmodelled errors, Code kept, status and request id", async () => {
    fake.fail("cloudformation", "DescribeStacks", {
      kind: "aws",
      code: "ValidationError",
      message: "Stack with id web-app does not exist",
    });
    const error = await failure(once.cloudformation.send(new DescribeStacksCommand({ StackName: "web-app" })));
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe("Stack with id web-app does not exist");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400, requestId: fake.calls[0]?.requestId });
  });

  test("awsQuery: a modelled error is named after its shape (NoSuchEntity → NoSuchEntityException), Code keeps the wire code", async () => {
    fake.fail("iam", "GetRole", {
      kind: "aws",
      code: "NoSuchEntity",
      message: "The role with name x cannot be found.",
      status: 404,
    });
    const error = await failure(once.iam.send(new GetRoleCommand({ RoleName: "x" })));
    expect(error.name).toBe("NoSuchEntityException");
    expect(error.Code).toBe("NoSuchEntity");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 404, requestId: fake.calls[0]?.requestId });
  });

  test("ec2Query: dotted EC2 codes become the name", async () => {
    fake.fail("ec2", "DescribeVpcs", {
      kind: "aws",
      code: "InvalidVpcID.NotFound",
      message: "The vpc ID 'vpc-1' does not exist",
    });
    const error = await failure(once.ec2.send(new DescribeVpcsCommand({ VpcIds: ["vpc-1"] })));
    expect(error.name).toBe("InvalidVpcID.NotFound");
    expect(error.message).toBe("The vpc ID 'vpc-1' does not exist");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400, requestId: fake.calls[0]?.requestId });
  });

  test("unregistered operations answer UnknownOperationException (JSON) / InvalidAction (query, EC2)", async () => {
    expect((await failure(once.ecs.send(new ListClustersCommand({})))).name).toBe("UnknownOperationException");
    expect((await failure(once.sts.send(new GetCallerIdentityCommand({})))).name).toBe("InvalidAction");
    expect((await failure(once.ec2.send(new DescribeVpcsCommand({})))).name).toBe("InvalidAction");
  });

  test("a handler can throw awsError() conditionally; other throws become a 500 InternalFailure", async () => {
    fake.on("ecs", "DescribeClusters", (input) => {
      if (input.clusters?.[0] === "boom") throw new Error("bug in handler");
      throw awsError("AccessDeniedException", "User is not authorized to perform: ecs:DescribeClusters");
    });
    const denied = await failure(once.ecs.send(new DescribeClustersCommand({ clusters: ["web"] })));
    expect(denied.name).toBe("AccessDeniedException");
    const broken = await failure(once.ecs.send(new DescribeClustersCommand({ clusters: ["boom"] })));
    expect(broken.name).toBe("InternalFailure");
    expect(broken.$metadata).toMatchObject({ httpStatusCode: 500 });
  });
});

describe("faults and SDK retries", () => {
  test("ThrottlingException twice, then success: the SDK retries and the fake records 3 calls", async () => {
    fake.on("ecs", "ListClusters", { clusterArns: [] });
    fake.fail("ecs", "ListClusters", { kind: "aws", code: "ThrottlingException", message: "Rate exceeded", times: 2 });
    const out = await retrying.ecs.send(new ListClustersCommand({}));
    expect(out.$metadata.attempts).toBe(3);
    expect(fake.calls.map((call) => call.operation)).toEqual(["ListClusters", "ListClusters", "ListClusters"]);
  });

  test("query and EC2 throttling codes (Throttling, RequestLimitExceeded) are retried too", async () => {
    fake.on("iam", "GetRole", { Role: { RoleName: "r" } }).on("ec2", "DescribeVpcs", { Vpcs: [] });
    fake.fail("iam", "GetRole", { kind: "aws", code: "Throttling", message: "Rate exceeded", times: 1 });
    fake.fail("ec2", "DescribeVpcs", {
      kind: "aws",
      code: "RequestLimitExceeded",
      message: "Request limit exceeded.",
      status: 503,
      times: 2,
    });
    expect((await retrying.iam.send(new GetRoleCommand({ RoleName: "r" }))).$metadata.attempts).toBe(2);
    expect((await retrying.ec2.send(new DescribeVpcsCommand({}))).$metadata.attempts).toBe(3);
  });

  test("a fault without `times` outlasts the SDK's attempts", async () => {
    fake.fail("ecs", "ListClusters", { kind: "http", status: 503 });
    const error = await failure(retrying.ecs.send(new ListClustersCommand({})));
    expect(error.$metadata).toMatchObject({ httpStatusCode: 503, attempts: 3 });
    expect(fake.calls).toHaveLength(3);
  });

  test("reset destroys the socket: an SDK network error, retried like one", async () => {
    fake.on("ecs", "ListClusters", { clusterArns: [] });
    fake.fail("ecs", "ListClusters", { kind: "reset" });
    const error = await failure(once.ecs.send(new ListClustersCommand({})));
    expect(error.code).toBe("ECONNRESET");
    fake.fail("ecs", "ListClusters", { kind: "reset", times: 1 });
    expect((await retrying.ecs.send(new ListClustersCommand({}))).$metadata.attempts).toBe(2);
  });

  test("hang never answers: requestTimeout with throwOnRequestTimeout gives a TimeoutError", async () => {
    fake.fail("sts", "GetCallerIdentity", { kind: "hang" });
    const requestHandler = new NodeHttpHandler({ requestTimeout: 150, throwOnRequestTimeout: true });
    const sts = new STSClient({ ...fakeClientConfig(fake, { maxAttempts: 1 }), requestHandler });
    const started = Date.now();
    const error = await failure(sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("TimeoutError");
    expect(Date.now() - started).toBeLessThan(2000);
    sts.destroy();
  });

  test("createClients({ requestTimeoutMs }) turns a hang into a TimeoutError too", async () => {
    fake.fail("ecs", "*", { kind: "hang" });
    const clients = createClients(fake, { maxAttempts: 1, requestTimeoutMs: 100 });
    expect((await failure(clients.ecs.send(new ListClustersCommand({})))).name).toBe("TimeoutError");
    clients.destroy();
  });

  test("SDK quirk: requestTimeout alone only logs a warning and the call keeps waiting", async () => {
    fake.fail("ecs", "ListClusters", { kind: "hang" });
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (msg: string) => warnings.push(msg), error() {} };
    const ecs = new ECSClient({
      ...fakeClientConfig(fake, { maxAttempts: 1 }),
      requestHandler: new NodeHttpHandler({ requestTimeout: 100, logger }),
    });
    const outcome = await Promise.race([
      ecs.send(new ListClustersCommand({})).then(
        () => "answered",
        () => "failed",
      ),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 400)),
    ]);
    expect(outcome).toBe("still waiting");
    expect(warnings.join("\n")).toContain("throwOnRequestTimeout");
    ecs.destroy();
  });
});

describe("latency", () => {
  test("latencyMs delays every answer; setLatency adds per operation", async () => {
    fake.on("sts", "GetCallerIdentity", { Account: "123456789012" }).on("ecs", "ListClusters", { clusterArns: [] });
    const timed = async (call: () => Promise<unknown>) => {
      const started = performance.now();
      await call();
      return performance.now() - started;
    };
    fake.latencyMs = 120;
    expect(await timed(() => once.sts.send(new GetCallerIdentityCommand({})))).toBeGreaterThanOrEqual(115);
    fake.latencyMs = 0;
    fake.setLatency("ecs", "ListClusters", 150);
    expect(await timed(() => once.ecs.send(new ListClustersCommand({})))).toBeGreaterThanOrEqual(145);
    expect(await timed(() => once.sts.send(new GetCallerIdentityCommand({})))).toBeLessThan(100);
  });
});

describe("recording and handler context", () => {
  test("calls record service, operation, parsed input, time and request id; clearCalls empties them", async () => {
    fake.on("ecs", "*", {}).on("cloudformation", "DescribeStacks", { Stacks: [] });
    const before = Date.now();
    await once.ecs.send(new DescribeClustersCommand({ clusters: ["web"] }));
    await once.cloudformation.send(new DescribeStacksCommand({ StackName: "web-app" }));
    expect(fake.calls).toMatchObject([
      { service: "ecs", operation: "DescribeClusters", input: { clusters: ["web"] } },
      { service: "cloudformation", operation: "DescribeStacks", input: { StackName: "web-app" } },
    ]);
    expect(fake.calls[0]?.time).toBeGreaterThanOrEqual(before);
    expect(fake.calls[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    fake.clearCalls();
    expect(fake.calls).toHaveLength(0);
  });

  test("ctx.callCount lets a handler change its answer over time (e.g. a deployment settling)", async () => {
    fake.on("ecs", "DescribeClusters", (_input, ctx) => ({
      clusters: [{ clusterName: "web", status: ctx.callCount < 2 ? "PROVISIONING" : "ACTIVE" }],
    }));
    const status = async () =>
      (await once.ecs.send(new DescribeClustersCommand({ clusters: ["web"] }))).clusters?.[0]?.status;
    expect([await status(), await status(), await status()]).toEqual(["PROVISIONING", "ACTIVE", "ACTIVE"]);
  });
});
