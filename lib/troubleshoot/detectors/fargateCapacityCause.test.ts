// Fargate capacity shortages name the capacity provider strategy and the AZs, never container instances.
import { expect, test } from "bun:test";
import { failureCause } from "./failureFinding.ts";
import { parseFailure } from "./parseFailure.ts";

const EVENT =
  "(service api) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone. For more information, see the Troubleshooting section.";

test("a Spot-only service is told to add FARGATE with a base; no container instances are mentioned", () => {
  const spot = failureCause(parseFailure(EVENT), { placement: { capacityProviders: ["FARGATE_SPOT"] } });
  expect(spot?.id).toBe("capacity_unavailable");
  expect(spot?.fix).toContain("FARGATE base 1");
  expect(`${spot?.explanation} ${spot?.fix}`).not.toMatch(/container instance/i);
  const od = failureCause(parseFailure(EVENT), { path: { route: "nat", subnets: ["subnet-a"], publicIp: false } });
  expect(od?.fix).toContain("more Availability Zones than subnet-a");
});
