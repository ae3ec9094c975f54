// CloudFormation failure reasons that name an ECS-specific cause get a specific explanation and fix.
import { expect, test } from "bun:test";
import { cfnReasonHint } from "./cfnReasonHint.ts";

test("a service created before its target group had a listener: add the dependency", () => {
  const h = cfnReasonHint(
    'Resource handler returned message: "Invalid request provided: CreateService error: The target group with targetGroupArn arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/6d0e does not have an associated load balancer. (Service: Ecs, Status Code: 400)"',
    "Service",
  );
  expect(h?.explanation).toContain("targetgroup/api-tg/6d0e");
  expect(h?.fix).toContain("Make Service depend on the listener");
});

test("a denied call names the principal and the action; an unknown reason gets no hint", () => {
  const h = cfnReasonHint(
    "User: arn:aws:sts::123456789012:assumed-role/deploy/ci is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/api-execution",
    "TaskDefinition",
  );
  expect(h?.fix).toContain("Allow iam:PassRole for arn:aws:sts::123456789012:assumed-role/deploy/ci");
  expect(cfnReasonHint("Resource creation cancelled", "Listener")).toBeUndefined();
});

test("target type and network mode mismatches name the target type the mode needs", () => {
  const ip = cfnReasonHint(
    "Invalid request provided: CreateService error: The provided target group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/6d0e has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.",
    "Service",
  );
  expect(ip?.fix).toContain("target type ip");
  const bridge = cfnReasonHint(
    "The provided target group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/6d0e has target type ip, which is incompatible with the bridge network mode specified in the task definition.",
    "Service",
  );
  expect(bridge?.fix).toContain("target type instance");
  expect(
    cfnReasonHint("Network Configuration is not valid for the given networkMode of this task definition.", "Service")
      ?.fix,
  ).toContain("networkMode awsvpc");
});
