// Placement, quota, ENI and capacity failures: the account limit, the subnets' free addresses (an ENI that timed out
// with addresses to spare is transient), Fargate capacity, and EC2 placement requirements.

import type { FailureContext } from "./failureContext.ts";
import { fargateCapacityCause } from "./fargateCapacityCause.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import { placementFailedCause } from "./placementFailedCause.ts";
import type { TextCause } from "./pullErrors.ts";

/** Placement, quota, ENI and capacity failures. */
export const placementCause = (p: ParsedFailure, _c: FailureContext): TextCause | undefined => {
  if (p.cause === "quota")
    return {
      id: "service_quota_reached",
      category: "task",
      title: "An account quota stops new tasks",
      likelihood: 0.92,
      explanation: `ECS refused to start tasks because an account limit is reached: ${p.causeText ?? p.raw}`,
      fix: "Request an increase in Service Quotas (e.g. Fargate On-Demand vCPU for the region), or lower the desired count or task size; stop unused tasks.",
    };
  if (p.cause === "no_ip")
    return {
      id: "eni_capacity",
      category: "network",
      title: "Subnets have no free IP addresses for task ENIs",
      likelihood: 0.9,
      explanation: `Each awsvpc task needs an IP in its subnet, and there is none free: ${p.causeText ?? p.raw}`,
      fix: "Add subnets with free addresses (a larger CIDR) to the service's network configuration, or release unused ENIs.",
    };
  if (p.stage === "eni_attach" && p.cause === "timeout") {
    const free = Object.entries(_c.path?.freeIps ?? {});
    const roomy = free.length > 0 && free.every(([, n]) => n >= 5);
    return {
      id: "eni_provisioning_timeout",
      category: "network",
      title: "The task's network interface was not ready in time (ENI provisioning timeout)",
      likelihood: 0.8,
      explanation: `ECS gave up waiting for the task's elastic network interface (${p.causeText ?? p.raw}).${free.length ? ` The task subnets have free addresses (${free.map(([id, n]) => `${id}: ${n}`).join(", ")}), so this is not address exhaustion${roomy ? ": it is usually a transient delay on the AWS side, and the service starts a replacement task" : ""}.` : " The subnets' free addresses were not read."}`,
      fix: roomy
        ? "Nothing to change if replacement tasks start (the service retries on its own); if it recurs, spread the service over subnets in more Availability Zones, check the account's network interface quota in the Region, and open an AWS Support case with the task ids."
        : "Check that the service's subnets have free addresses and the account's network interface quota is not reached; spread the service over more subnets/AZs and retry.",
    };
  }
  if (p.stage === "eni_attach")
    return {
      id: "eni_attach_failed",
      category: "network",
      title: "The task's network interface could not be set up",
      likelihood: 0.85,
      explanation: `ECS failed to provision or attach the task's ENI: ${p.causeText ?? p.raw}`,
      fix: "Check the subnets and security groups in the service's network configuration exist and have free addresses; for EC2 capacity enable ENI trunking or lower tasks per instance.",
    };
  if (/Capacity is unavailable at this time/i.test(p.raw)) return fargateCapacityCause(p, _c);
  if (/unable to place a task|no container instance/i.test(p.raw) && !p.viaPlacement)
    return placementFailedCause(p, _c);
  if (p.cause === "no_capacity" || p.stage === "placement")
    return {
      id: "capacity_unavailable",
      category: "task",
      title: "No capacity to place the task",
      likelihood: 0.86,
      explanation: `ECS could not find capacity for the task: ${p.causeText ?? p.raw}`,
      fix: "For Fargate retry or add subnets in more AZs; for EC2 capacity add instances (capacity provider with managed scaling) and check the task's cpu/memory fit an instance.",
    };
  return undefined;
};
