// "unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different
// availability zone": Fargate (often Fargate Spot) had no capacity for the task in the service's Availability Zones.
// There are no container instances to add; the levers are the capacity provider strategy and the subnets' AZs.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
import type { FailureContext } from "./failureContext.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import type { TextCause } from "./pullErrors.ts";

/** The finding for Fargate capacity that is unavailable, from the service's capacity providers and subnets. */
export const fargateCapacityCause = (p: ParsedFailure, c: FailureContext): TextCause => {
  const cps = c.placement?.capacityProviders ?? [];
  const spotOnly = cps.length > 0 && cps.every((x) => x === "FARGATE_SPOT");
  const subnets = c.path?.subnets ?? [];
  return {
    id: "capacity_unavailable",
    category: "task",
    title: spotOnly
      ? "Fargate Spot has no capacity for the service's tasks (FARGATE_SPOT is its only capacity provider)"
      : "Fargate has no capacity for the task in the service's Availability Zones right now",
    likelihood: 0.88,
    explanation: `ECS could not place the task: ${(p.causeText ?? p.raw).replace(/\.+$/, "")}. ${spotOnly ? "The service's capacity provider strategy uses only FARGATE_SPOT, so when Spot capacity runs out in its Availability Zones no task starts (ECS does not fall back to on-demand FARGATE by itself)." : `This is Fargate capacity in the Availability Zones of the task subnets${subnets.length ? ` (${subnets.join(", ")})` : ""}, not something in the account.`}`,
    fix: spotOnly
      ? "Add FARGATE to the capacity provider strategy with a base (e.g. FARGATE base 1 weight 1, FARGATE_SPOT weight 3) so a minimum of tasks runs on on-demand capacity, and spread the service over subnets in more Availability Zones; retries succeed once Spot capacity returns."
      : `Retry later and give the service subnets in more Availability Zones${subnets.length ? ` than ${subnets.join(", ")}` : ""}; for Spot-only strategies add FARGATE with a base.`,
  };
};
