// fetch_cloudformation_status follows a failed nested stack to its own root cause instead of stopping at
// biome-ignore-all lint/suspicious/noExplicitAny: results are read as loose JSON in assertions.
// "Embedded stack … was not successfully created".
import { expect, test } from "bun:test";
import { fakeAssistant, useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });

const ACCOUNT = "123456789012";
const parentId = `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/api-stack/1`;
const nestedId = `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/api-stack-NetworkStack-XYZ/2`;
const t0 = Date.now() - 600_000;
const at = (s: number) => new Date(t0 + s * 1000);
const ev = (
  stack: string,
  stackId: string,
  id: string,
  type: string,
  status: string,
  reason: string,
  s: number,
  physical?: string,
) => ({
  StackName: stack,
  StackId: stackId,
  EventId: `${id}-${s}`,
  LogicalResourceId: id,
  PhysicalResourceId: physical,
  ResourceType: type,
  ResourceStatus: status,
  ResourceStatusReason: reason,
  Timestamp: at(s),
});

test("the root cause is taken from the nested stack that failed", async () => {
  const stacks: Record<string, { name: string; id: string; status: string; events: object[] }> = {
    "api-stack": {
      name: "api-stack",
      id: parentId,
      status: "ROLLBACK_COMPLETE",
      events: [
        ev("api-stack", parentId, "api-stack", "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", "", 60),
        ev("api-stack", parentId, "Service", "AWS::ECS::Service", "CREATE_FAILED", "Resource creation cancelled", 40),
        ev(
          "api-stack",
          parentId,
          "NetworkStack",
          "AWS::CloudFormation::Stack",
          "CREATE_FAILED",
          `Embedded stack ${nestedId} was not successfully created: The following resource(s) failed to create: [Vpc].`,
          30,
          nestedId,
        ),
        ev("api-stack", parentId, "api-stack", "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated", 1),
      ],
    },
    [nestedId]: {
      name: "api-stack-NetworkStack-XYZ",
      id: nestedId,
      status: "ROLLBACK_COMPLETE",
      events: [
        ev(
          "api-stack-NetworkStack-XYZ",
          nestedId,
          "Subnet",
          "AWS::EC2::Subnet",
          "CREATE_FAILED",
          "Resource creation cancelled",
          25,
        ),
        ev(
          "api-stack-NetworkStack-XYZ",
          nestedId,
          "Vpc",
          "AWS::EC2::VPC",
          "CREATE_FAILED",
          "The maximum number of VPCs has been reached. (Service: Ec2, Status Code: 400)",
          20,
        ),
        ev(
          "api-stack-NetworkStack-XYZ",
          nestedId,
          "api-stack-NetworkStack-XYZ",
          "AWS::CloudFormation::Stack",
          "CREATE_IN_PROGRESS",
          "User Initiated",
          10,
        ),
      ],
    },
  };
  const byName = (n: string) => stacks[n] ?? Object.values(stacks).find((s) => s.id === n);
  fake.on("cloudformation", "DescribeStacks", (i) => {
    const s = byName(i.StackName ?? "")!;
    return { Stacks: [{ StackName: s.name, StackId: s.id, StackStatus: s.status, CreationTime: at(0) }] };
  });
  fake.on("cloudformation", "DescribeStackEvents", (i) => ({ StackEvents: byName(i.StackName)!.events }));
  fake.on("cloudformation", "ListStackResources", { StackResourceSummaries: [] });
  const a = fakeAssistant(fake);
  const r = (
    await a.callTool("ecs_troubleshooting_tool", {
      action: "fetch_cloudformation_status",
      parameters: { cfn_stack_name: "api-stack" },
    })
  )._unsafeUnwrap().value as Record<string, any>;
  expect(r.root_cause).toMatchObject({
    logical_id: "Vpc",
    resource_type: "AWS::EC2::VPC",
    via: "api-stack-NetworkStack-XYZ",
  });
  expect(r.nested[0]).toMatchObject({ stack_name: "api-stack-NetworkStack-XYZ", stack_status: "ROLLBACK_COMPLETE" });
  expect(r.message).toContain("maximum number of VPCs");
});
