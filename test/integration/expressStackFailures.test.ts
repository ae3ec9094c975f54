// A failed ECR stack names its root cause first (not the cascade of cancelled resources), from paged stack events.
import { expect, test } from "bun:test";
import { stackFailures } from "../../lib/expressmode/stack/stackFailures.ts";
import { silentLogger, type ToolContext } from "../../lib/index.ts";
import { ACCOUNT, expressAssistant } from "../support/express/fakeExpress.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });

test("root cause first, cascade after, events older than the operation ignored, pages followed", async () => {
  const stack = "shop-ecr-infrastructure";
  const since = new Date(Date.now() - 60_000);
  const at = (s: number) => new Date(since.getTime() + s * 1000);
  const ev = (id: string, type: string, status: string, reason: string, t: Date) => ({
    StackName: stack,
    StackId: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/${stack}/1`,
    EventId: `${id}-${t.getTime()}`,
    LogicalResourceId: id,
    ResourceType: type,
    ResourceStatus: status,
    ResourceStatusReason: reason,
    Timestamp: t,
  });
  // Newest first, as CloudFormation returns them; two pages.
  const page1 = [
    ev(stack, "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", "", at(40)),
    ev("ECRRepository", "AWS::ECR::Repository", "CREATE_FAILED", "Resource creation cancelled", at(30)),
  ];
  const page2 = [
    ev("ECRPushPullRole", "AWS::IAM::Role", "CREATE_FAILED", "shop-ecr-role already exists in stack other", at(20)),
    ev(stack, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated", at(1)),
    ev("OldRole", "AWS::IAM::Role", "CREATE_FAILED", "an older failure", new Date(since.getTime() - 3_600_000)),
  ];
  fake.on("cloudformation", "DescribeStackEvents", (i) =>
    i.NextToken ? { StackEvents: page2 } : { StackEvents: page1, NextToken: "p2" },
  );
  const a = expressAssistant(fake);
  const ctx: ToolContext = { aws: a.aws, policy: a.policy, log: silentLogger, progress: () => {} };
  const failures = (await stackFailures(ctx, stack, since))._unsafeUnwrap();
  expect(failures.map((f) => f.logical_id)).toEqual(["ECRPushPullRole", "ECRRepository"]);
  expect(failures[0]?.reason).toContain("already exists");
});
