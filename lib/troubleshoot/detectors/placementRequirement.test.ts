// Placement requirements read against the task definition: static host ports and attributes the instances lack.
import { expect, test } from "bun:test";
import { placementRequirement } from "./placementRequirement.ts";

const EVENT = (tail: string) =>
  `(service api) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance abc123) ${tail} For more information, see the Troubleshooting section.`;

test("a taken host port names the port, dynamic port mapping and the rolling-deployment percent", () => {
  const r = placementRequirement(EVENT("is already using a port required by your task."), {
    placement: { minimumHealthyPercent: 100 },
    taskDefinition: {
      networkMode: "bridge",
      containerDefinitions: [{ name: "web", portMappings: [{ containerPort: 80, hostPort: 80 }] }],
    },
  });
  expect(r?.explanation).toContain("port 80");
  expect(r?.explanation).toContain("minimumHealthyPercent 100");
  expect(r?.fix).toContain("hostPort to 0");
  const awsvpc = placementRequirement(EVENT("is already using a port required by your task."), {
    taskDefinition: {
      networkMode: "awsvpc",
      containerDefinitions: [{ name: "web", portMappings: [{ hostPort: 80 }] }],
    },
  });
  expect(awsvpc?.explanation).not.toContain("port 80");
});

test("a missing attribute names the non-baseline requirement (a Docker plugin) and how to install it", () => {
  const r = placementRequirement(EVENT("is missing an attribute required by your task."), {
    taskDefinition: {
      requiresAttributes: [
        { name: "com.amazonaws.ecs.capability.docker-remote-api.1.19" },
        { name: "ecs.capability.execution-role-awslogs" },
        { name: "ecs.capability.docker-plugin.rexray/ebs" },
      ],
    },
  });
  expect(r?.explanation).toContain("ecs.capability.docker-plugin.rexray/ebs");
  expect(r?.explanation).not.toContain("docker-remote-api");
  expect(r?.fix).toContain("Install rexray/ebs");
  expect(placementRequirement(EVENT("has insufficient memory available."), {})).toBeUndefined();
});
