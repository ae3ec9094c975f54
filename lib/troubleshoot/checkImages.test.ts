// Image findings from task definitions: the execution role is only required where ECS pulls without an instance role.
import { expect, test } from "bun:test";
import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { imageFindings } from "./checkImages.ts";

const td = (requiresCompatibilities?: TaskDefinition["requiresCompatibilities"]): TaskDefinition => ({
  taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:7",
  ...(requiresCompatibilities ? { requiresCompatibilities } : {}),
  containerDefinitions: [{ name: "api", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.4.2" }],
});

test("no execution role is a finding for Fargate, not for EC2-only task definitions or EC2 capacity", () => {
  const ids = (t: TaskDefinition, onEc2?: boolean) => imageFindings([], [t], onEc2).map((f) => f.id);
  expect(ids(td(["FARGATE"]))).toContain("no_execution_role");
  expect(ids(td())).toContain("no_execution_role");
  expect(ids(td(["EC2"]))).not.toContain("no_execution_role");
  expect(ids(td(["EXTERNAL"]))).not.toContain("no_execution_role");
  expect(ids(td(), true)).not.toContain("no_execution_role");
});
