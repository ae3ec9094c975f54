// Known transient states are waited out, bounded and with progress (issue 14 item 2): a same-name service still
// DRAINING before a create (shared case 15), IAM propagation of a just-created role, the ECS service-linked role
// being created; a real denial fails at once; a second delete of a draining service is not a failure (case 15 C).
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import { deleteExpressService } from "../../lib/expressmode/delete/deleteExpressService.ts";
import { clusterStep } from "../../lib/expressmode/deploy/deploySteps.ts";
import { serviceStep } from "../../lib/expressmode/deploy/serviceStep.ts";
import { type Progress, silentLogger, type ToolContext } from "../../lib/index.ts";
import { ACCOUNT, ECR_HOST, expressAssistant, role } from "../support/express/fakeExpress.ts";
import { awsError, type FakeAws, startFakeAws } from "../support/fakeAws.ts";

const ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`;
const ROLES = {
  execution: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
  infrastructure: `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForExpressServices`,
};
let fake: FakeAws;
let progress: Progress[];
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  progress = [];
});

/** A context with tiny budgets: 5 ms polls, drain budget 200 ms, IAM budget 200 ms, retries every 5 ms. */
const ctx = (): ToolContext => {
  const a = expressAssistant(fake, { allowWrite: true });
  return {
    aws: a.aws,
    policy: a.policy,
    log: silentLogger,
    progress: (p) => progress.push(p),
    express: {
      polling: { serviceIntervalMs: 5, drainTimeoutMs: 200, iamPropagationTimeoutMs: 200, retryIntervalMs: 5 },
    },
  };
};
const ops = () => fake.calls.map((c) => c.operation);
const service = (status: string) => ({
  serviceArn: ARN,
  serviceName: "shop",
  status,
  resourceManagementType: "ECS",
  desiredCount: 0,
  runningCount: status === "DRAINING" ? 1 : 0,
});
const created = () => ({ service: { serviceArn: ARN, serviceName: "shop", cluster: "default" } });
const opts = { app_name: "shop", port: 8080, cluster: "default" };
const IMAGE = `${ECR_HOST}/shop-repo:v1`;

test("case 15 A: a same-name service DRAINING is waited out until INACTIVE, then created", async () => {
  let polls = 0;
  fake.on("ecs", "DescribeServices", () => {
    polls++;
    return { services: [service(polls <= 3 ? "DRAINING" : "INACTIVE")], failures: [] };
  });
  fake.on("ecs", "CreateExpressGatewayService", () => {
    if (polls <= 3) throw awsError("InvalidParameterException", "Unable to Start a service that is still Draining.");
    return created();
  });
  const r = (await serviceStep(ctx(), opts, IMAGE, ROLES))._unsafeUnwrap();
  expect(r.record).toMatchObject({ step: "service", status: "done", detail: "created Express service shop" });
  expect(ops().filter((o) => o === "CreateExpressGatewayService")).toHaveLength(1);
  expect(ops().indexOf("CreateExpressGatewayService")).toBeGreaterThan(ops().lastIndexOf("DescribeServices") - 1);
  expect(progress.some((p) => /still DRAINING.*waiting until it is INACTIVE/.test(p.message))).toBe(true);
});

test("case 15 A, out of budget: stops before the create with a hint to retry later", async () => {
  fake.on("ecs", "DescribeServices", { services: [service("DRAINING")], failures: [] });
  const e = (await serviceStep(ctx(), opts, IMAGE, ROLES))._unsafeUnwrapErr();
  expect(e.kind).toBe("timeout");
  expect(e.message).toContain("still DRAINING");
  expect(e.hint).toContain("Retry in a few minutes");
  expect(ops()).not.toContain("CreateExpressGatewayService");
});

test("case 15 B: an INACTIVE same-name service counts as absent: created at once, no 'already exists'", async () => {
  fake.on("ecs", "DescribeServices", { services: [service("INACTIVE")], failures: [] });
  fake.on("ecs", "CreateExpressGatewayService", created());
  const r = (await serviceStep(ctx(), opts, IMAGE, ROLES))._unsafeUnwrap();
  expect(r.record.status).toBe("done");
  expect(ops().filter((o) => o === "DescribeServices")).toHaveLength(1);
});

test("a create refused while IAM propagates the infrastructure role is retried, with progress, then succeeds", async () => {
  fake.on("ecs", "DescribeServices", { services: [], failures: [{ arn: ARN, reason: "MISSING" }] });
  fake.on("ecs", "CreateExpressGatewayService", (_i, c) => {
    if (c.callCount <= 2)
      throw awsError(
        "InvalidParameterException",
        `Unable to assume role ${ROLES.infrastructure}. Please verify that the role exists and that its trust policy allows ecs.amazonaws.com.`,
      );
    return created();
  });
  const r = (await serviceStep(ctx(), opts, IMAGE, ROLES))._unsafeUnwrap();
  expect(r.serviceArn).toBe(ARN);
  expect(ops().filter((o) => o === "CreateExpressGatewayService")).toHaveLength(3);
  expect(progress.filter((p) => p.message.includes("IAM has not propagated the role yet"))).toHaveLength(2);
});

test("propagation that never ends stops at the budget and says it was retried", async () => {
  fake.on("ecs", "DescribeServices", { services: [], failures: [] });
  fake.fail("ecs", "CreateExpressGatewayService", {
    kind: "aws",
    code: "InvalidParameterException",
    message: `Unable to assume role ${ROLES.infrastructure}.`,
  });
  const started = Date.now();
  const e = (await serviceStep(ctx(), opts, IMAGE, ROLES))._unsafeUnwrapErr();
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(e).toMatchObject({ kind: "aws", situation: "iam_propagation" });
  expect(e.message).toContain("still refused after");
  expect(e.hint).toContain("likely not transient");
});

test("a real denial fails at once: one call, no retry", async () => {
  fake.on("ecs", "DescribeServices", { services: [], failures: [] });
  fake.fail("ecs", "CreateExpressGatewayService", {
    kind: "aws",
    code: "AccessDeniedException",
    message: `User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: ecs:CreateExpressGatewayService on resource: ${ARN} because no identity-based policy allows the ecs:CreateExpressGatewayService action`,
  });
  const e = (await serviceStep(ctx(), opts, IMAGE, ROLES))._unsafeUnwrapErr();
  expect(e).toMatchObject({ kind: "aws", code: "AccessDeniedException", situation: "access_denied" });
  expect(ops().filter((o) => o === "CreateExpressGatewayService")).toHaveLength(1);
  expect(progress).toEqual([]);
});

test("first deployment in an account: the service-linked role is created, and CreateCluster waits for it", async () => {
  let slr = false;
  fake.on("iam", "GetRole", (i) => {
    if (!slr) throw awsError("NoSuchEntity", `The role with name ${i.RoleName} cannot be found.`, 404);
    return role(i.RoleName, "ecs.amazonaws.com");
  });
  fake.on("iam", "CreateServiceLinkedRole", () => {
    slr = true;
    return role("AWSServiceRoleForECS", "ecs.amazonaws.com");
  });
  fake.on("ecs", "DescribeClusters", { clusters: [], failures: [{ reason: "MISSING" }] });
  fake.on("ecs", "CreateCluster", (i, c) => {
    if (c.callCount <= 1)
      throw awsError(
        "InvalidParameterException",
        "Unable to assume the service linked role. Please verify that the ECS service linked role exists.",
      );
    return { cluster: { clusterName: i.clusterName, status: "ACTIVE" } };
  });
  const r = (await clusterStep(ctx(), "default"))._unsafeUnwrap();
  expect(r).toMatchObject({ step: "cluster", status: "done" });
  expect(r.detail).toContain("created the ECS service-linked role");
  expect(fake.calls.find((c) => c.operation === "CreateServiceLinkedRole")?.input).toMatchObject({
    AWSServiceName: "ecs.amazonaws.com",
  });
  expect(ops().filter((o) => o === "CreateCluster")).toHaveLength(2);
  expect(progress.some((p) => p.message.includes("service-linked role is not usable yet"))).toBe(true);
});

test("the service-linked role present: no create, cluster step as before", async () => {
  fake.on("iam", "GetRole", (i) => role(i.RoleName, "ecs.amazonaws.com"));
  fake.on("ecs", "DescribeClusters", { clusters: [{ clusterName: "default", status: "ACTIVE" }] });
  const r = (await clusterStep(ctx(), "default"))._unsafeUnwrap();
  expect(r).toMatchObject({ status: "skipped" });
  expect(ops()).not.toContain("CreateServiceLinkedRole");
});

// Case 15 C: AWS answers a delete of an already-draining service either with the status or without it.
test.each([
  [
    "case 15 C: deleting a service that another delete already set DRAINING is not a failure",
    "Service is in DRAINING status",
  ],
  [
    "case 15 C, message without the status: `Service was not ACTIVE.` on a delete is not a failure",
    "Service was not ACTIVE.",
  ],
])("%s", async (_name, message) => {
  let describes = 0;
  fake.on("ecs", "DescribeExpressGatewayService", () => {
    describes++;
    return { service: { serviceArn: ARN, status: { statusCode: describes === 1 ? "ACTIVE" : "INACTIVE" } } };
  });
  fake.fail("ecs", "DeleteExpressGatewayService", { kind: "aws", code: "ServiceNotActiveException", message });
  const r = (await deleteExpressService(ctx(), ARN))._unsafeUnwrap();
  expect(r.status).toBe("deleted");
});

test("ecs_resource_management writes retry IAM propagation too (CreateService with a just-created role)", async () => {
  const a = expressAssistant(
    fake,
    { allowWrite: true },
    { polling: { iamPropagationTimeoutMs: 500, retryIntervalMs: 5 } },
  );
  fake.on("ecs", "CreateService", (_i, c) => {
    if (c.callCount <= 1)
      throw awsError(
        "InvalidParameterException",
        "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.",
      );
    return { service: { serviceArn: ARN, serviceName: "shop" } };
  });
  const r = await a.callTool("ecs_resource_management", {
    api_operation: "CreateService",
    api_params: { serviceName: "shop", taskDefinition: "shop:1" },
  });
  expect(r.isOk()).toBe(true);
  expect(ops().filter((o) => o === "CreateService")).toHaveLength(2);
});

test("ecs_resource_management retries a task definition registration refused for concurrent revisions", async () => {
  const a = expressAssistant(
    fake,
    { allowWrite: true },
    { polling: { iamPropagationTimeoutMs: 500, retryIntervalMs: 5 } },
  );
  fake.fail("ecs", "RegisterTaskDefinition", {
    kind: "aws",
    code: "ClientException",
    message: "Too many concurrent attempts to create a new revision of the specified family.",
    times: 1,
  });
  fake.on("ecs", "RegisterTaskDefinition", { taskDefinition: { family: "shop", revision: 2 } });
  const r = await a.callTool("ecs_resource_management", {
    api_operation: "RegisterTaskDefinition",
    api_params: { family: "shop", containerDefinitions: [{ name: "web", image: "nginx:1.27" }] },
  });
  expect(r.isOk()).toBe(true);
  expect(ops().filter((o) => o === "RegisterTaskDefinition")).toHaveLength(2);
});

test("case 15 through deploy_app: creates refused while the old service drains are retried, then the new one is ready", async () => {
  const { deployWorld, shopApp } = await import("../support/express/deployWorld.ts");
  const { fakeService } = await import("../support/express/fakeService.ts");
  deployWorld(fake);
  fakeService(fake, "web", "shop", [{ outcome: "success" }]);
  fake.fail("ecs", "CreateExpressGatewayService", {
    kind: "aws",
    code: "InvalidParameterException",
    message: "Unable to Start a service that is still Draining.",
    times: 2,
  });
  const seen: Progress[] = [];
  const a = expressAssistant(fake, { allowWrite: true });
  const r = (
    await a.deployApp(
      { app_name: "shop", app_path: shopApp(), port: 8080, tag: "v1", cluster: "web", timeout_seconds: 2 },
      { onProgress: (p) => seen.push(p) },
    )
  )._unsafeUnwrap() as { status: string; steps: { step: string; status: string }[] };
  expect(r.status).toBe("success");
  expect(r.steps.find((s) => s.step === "service")?.status).toBe("done");
  expect(ops().filter((o) => o === "CreateExpressGatewayService")).toHaveLength(3);
  expect(seen.some((p) => p.message.includes("a same-name service is still draining"))).toBe(true);
});
