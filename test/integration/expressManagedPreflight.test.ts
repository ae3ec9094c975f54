// Shared case 11, "better" paths: a classic DeleteService/UpdateService aimed at an Express-managed service
// (DescribeServices says resourceManagementType ECS) is refused before the confirmation is asked and before any write;
// a dry run returns the plan with a warning; a customer-managed service goes through to confirmation and the call.
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import type { EcsAssistant } from "../../lib/index.ts";
import { fakeAssistant } from "../hardening/support/world.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

const ARN = "arn:aws:ecs:us-east-2:123456789012:service/default/my-app";
let fake: FakeAws;
let writer: EcsAssistant;
let reader: EcsAssistant;
beforeAll(async () => {
  fake = await startFakeAws();
  writer = fakeAssistant(fake, { allowWrite: true });
  reader = fakeAssistant(fake);
});
afterAll(async () => {
  writer.close();
  reader.close();
  await fake.close();
});

/** DescribeServices as AWS answers it for an Express service (case 11: no service-level taskDefinition). */
const describeAs = (resourceManagementType: "ECS" | "CUSTOMER") =>
  fake.on("ecs", "DescribeServices", {
    services: [
      {
        serviceArn: ARN,
        serviceName: "my-app",
        status: "ACTIVE",
        resourceManagementType,
        desiredCount: 1,
        runningCount: 1,
        deployments: [
          {
            id: "ecs-svc/1234567890123456789",
            status: "PRIMARY",
            taskDefinition: "arn:aws:ecs:us-east-2:123456789012:task-definition/default-my-app:3",
          },
        ],
      },
    ],
    failures: [],
  });
beforeEach(() => {
  fake.reset();
  fake.on("ecs", "DeleteService", { service: { serviceArn: ARN, status: "DRAINING" } });
  fake.on("ecs", "UpdateService", { service: { serviceArn: ARN, status: "ACTIVE" } });
});

const DELETE = {
  api_operation: "DeleteService",
  api_params: { cluster: "default", service: "my-app", force: true },
};

test("A: DeleteService on an Express service is refused before confirmation, naming the Express path", async () => {
  describeAs("ECS");
  const asked: string[] = [];
  const e = (
    await writer.callTool("ecs_resource_management", DELETE, {
      confirm: async (m) => {
        asked.push(m);
        return true;
      },
    })
  )._unsafeUnwrapErr();
  expect(asked).toEqual([]);
  expect(e.kind).toBe("validation");
  expect(e.message).toContain("Express Mode service");
  expect(e.hint).toContain('delete_app (app_name: "my-app"');
  expect(e.hint).toContain(`DeleteExpressGatewayService {serviceArn: "${ARN}"}`);
  expect(fake.calls.map((c) => c.operation)).toEqual(["DescribeServices"]);
});

test("C: UpdateService on an Express service points to UpdateExpressGatewayService, nothing sent", async () => {
  describeAs("ECS");
  const e = (
    await writer.callTool("ecs_resource_management", {
      api_operation: "UpdateService",
      api_params: { cluster: "default", service: "my-app", deploymentConfiguration: { minimumHealthyPercent: 50 } },
    })
  )._unsafeUnwrapErr();
  expect(e.hint).toContain("UpdateExpressGatewayService");
  expect(fake.calls.map((c) => c.operation)).toEqual(["DescribeServices"]);
});

test("B: the dry run (writes disabled) returns the plan with a warning and sends no write", async () => {
  describeAs("ECS");
  const r = (await reader.callTool("ecs_resource_management", { ...DELETE, dry_run: true }))._unsafeUnwrap().value as {
    dry_run: boolean;
    warnings?: string[];
  };
  expect(r.dry_run).toBe(true);
  expect(r.warnings?.[0]).toContain("Express Mode service");
  expect(r.warnings?.[0]).toContain("DeleteExpressGatewayService");
  expect(fake.calls.map((c) => c.operation)).toEqual(["DescribeServices"]);
});

test("a customer-managed service is confirmed and deleted as before", async () => {
  describeAs("CUSTOMER");
  const asked: string[] = [];
  const r = await writer.callTool("ecs_resource_management", DELETE, {
    confirm: async (m) => {
      asked.push(m);
      return true;
    },
  });
  expect(r.isOk()).toBe(true);
  expect(asked).toHaveLength(1);
  expect(fake.calls.map((c) => c.operation)).toEqual(["DescribeServices", "DeleteService"]);
});

/** The cluster DescribeServices was asked about by the pre-check. */
const checkedCluster = () =>
  (fake.calls.find((c) => c.operation === "DescribeServices")?.input as { cluster?: string } | undefined)?.cluster;

test("a long-format service ARN without cluster is checked in the cluster it names, not in default", async () => {
  describeAs("ECS");
  const arn = "arn:aws:ecs:us-east-2:123456789012:service/shop/my-app";
  const e = (
    await writer.callTool("ecs_resource_management", {
      api_operation: "UpdateService",
      api_params: { service: arn, desiredCount: 2 },
    })
  )._unsafeUnwrapErr();
  expect(checkedCluster()).toBe("shop");
  expect(e.hint).toContain("UpdateExpressGatewayService");
  expect(fake.calls.map((c) => c.operation)).toEqual(["DescribeServices"]);
});

test("an explicit cluster wins over the one in the service ARN", async () => {
  describeAs("CUSTOMER");
  await writer.callTool("ecs_resource_management", {
    api_operation: "DeleteService",
    api_params: { cluster: "other", service: "arn:aws:ecs:us-east-2:123456789012:service/shop/my-app" },
  });
  expect(checkedCluster()).toBe("other");
});

test("an old short-format service ARN says the cluster is assumed to be default", async () => {
  describeAs("ECS");
  const short = "arn:aws:ecs:us-east-2:123456789012:service/my-app";
  const e = (
    await writer.callTool("ecs_resource_management", { api_operation: "DeleteService", api_params: { service: short } })
  )._unsafeUnwrapErr();
  expect(checkedCluster()).toBeUndefined();
  expect(e.message).toContain("the cluster is assumed to be default");
  fake.reset();
  describeAs("CUSTOMER");
  const plan = (
    await reader.callTool("ecs_resource_management", {
      api_operation: "DeleteService",
      api_params: { service: short },
      dry_run: true,
    })
  )._unsafeUnwrap().value as { warnings?: string[] };
  expect(plan.warnings?.join(" ")).toContain("the cluster is assumed to be default");
});
