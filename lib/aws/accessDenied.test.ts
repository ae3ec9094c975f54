// parseDenial/denialHint: principal, action, resource and reason are read from the message; nothing is guessed.
import { expect, test } from "bun:test";
import { denialHint, parseDenial } from "./accessDenied.ts";

test("identity-based denial: principal, action, resource and reason", () => {
  const m =
    "User: arn:aws:sts::123456789012:assumed-role/Deployer/ci-42 is not authorized to perform: ecs:CreateService on resource: arn:aws:ecs:us-east-1:123456789012:service/web/api because no identity-based policy allows the ecs:CreateService action";
  expect(parseDenial(m)).toEqual({
    principal: "arn:aws:sts::123456789012:assumed-role/Deployer/ci-42",
    action: "ecs:CreateService",
    resource: "arn:aws:ecs:us-east-1:123456789012:service/web/api",
    reason: "because no identity-based policy allows the ecs:CreateService action",
  });
  const h = denialHint(m, "ecs:CreateService");
  expect(h).toContain("arn:aws:sts::123456789012:assumed-role/Deployer/ci-42 is not allowed ecs:CreateService");
});

test("the action named in the message wins over the operation called (iam:PassRole during CreateService)", () => {
  const m =
    "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/app-exec";
  const h = denialHint(m, "ecs:RegisterTaskDefinition");
  expect(h).toContain("iam:PassRole on arn:aws:iam::123456789012:role/app-exec");
  expect(h).toContain("IAM propagation");
  expect(h).not.toContain("Grant ecs:RegisterTaskDefinition");
});

test("an explicit deny in an SCP says that an Allow will not help", () => {
  const m =
    "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:CreateRepository on resource: arn:aws:ecr:us-east-1:123456789012:repository/shop-repo with an explicit deny in a service control policy";
  expect(denialHint(m, "ecr:CreateRepository")).toContain("the deny must be lifted");
});

test("a message without an action names no action as missing", () => {
  const h = denialHint("Access Denied", "ecr:GetAuthorizationToken");
  expect(parseDenial("Access Denied")).toEqual({
    principal: undefined,
    action: undefined,
    resource: undefined,
    reason: undefined,
  });
  expect(h).toContain("without naming the IAM action");
  expect(h).not.toMatch(/lack|Grant/);
});
