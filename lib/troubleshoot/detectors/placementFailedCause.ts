// "unable to place a task because no container instance met all of its requirements": says which requirement, from
// the event's own words (insufficient memory/CPU, no instances in the capacity provider, the closest instance's
// error such as an unsatisfied placement constraint) and the service's capacity providers and constraints.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/troubleshoot-service-event-messages.html
import type { FailureContext } from "./failureContext.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import { placementRequirement } from "./placementRequirement.ts";
import type { TextCause } from "./pullErrors.ts";

const GENERIC_FIX =
  "Add or scale container instances (a capacity provider with managed scaling), reduce the task's cpu/memory, or relax placement constraints; or run on Fargate.";

/** The finding for a placement failure on EC2 capacity. */
export const placementFailedCause = (p: ParsedFailure, c: FailureContext): TextCause => {
  const raw = p.raw;
  const closest = /closest matching \(container-instance ([\w-]+)\) (has [^.]+)/i.exec(raw);
  const closestError = /closest matching \(container-instance ([\w-]+)\) encountered error \\?"([^"\\]+)/i.exec(raw);
  const cps = c.placement?.capacityProviders ?? [];
  const base = {
    id: "placement_failed",
    category: "service" as const,
    title: "ECS is unable to place tasks",
    likelihood: 0.87,
  };
  if (/no container instances were found in your capacity provider/i.test(raw))
    return {
      ...base,
      explanation: `The capacity provider${cps.length ? ` ${cps.join(", ")}` : ""} has no container instances registered with the cluster: its Auto Scaling group has no running instances, or they start but never register (wrong ECS_CLUSTER in /etc/ecs/ecs.config, no route to ECS, or an instance role without the ECS agent permissions).`,
      fix: `Check the Auto Scaling group behind ${cps[0] ?? "the capacity provider"}: desired/max capacity above 0 and managed scaling enabled; that its instances register (ECS_CLUSTER set to this cluster in user data, the ECS-optimized AMI, an instance profile with AmazonEC2ContainerServiceforEC2Role, a path to the ECS endpoint); or run the service on Fargate.`,
    };
  if (/no container instances were found/i.test(raw))
    return {
      ...base,
      explanation: "The cluster has no registered container instances, so EC2-launched tasks have nowhere to run.",
      fix: "Register container instances (an Auto Scaling group capacity provider whose instances set ECS_CLUSTER to this cluster), or run the service on Fargate.",
    };
  if (closestError && /distinctInstance/i.test(closestError[2]!)) {
    const desired = c.placement?.desiredCount;
    return {
      ...base,
      explanation: `The service's distinctInstance placement constraint allows one task per container instance, and the closest instance (${closestError[1]}) already runs one: the desired count${desired !== undefined ? ` (${desired})` : ""} is larger than the number of instances that can take a task.`,
      fix: "Add container instances (at least one per task; with managed scaling a capacity provider scales out for it), or lower the desired count, or drop the distinctInstance constraint (a spread placement strategy keeps tasks apart without blocking).",
    };
  }
  if (closestError)
    return {
      ...base,
      explanation: `No container instance satisfies the task's requirements; the closest (${closestError[1]}) failed with "${closestError[2]}".`,
      fix: `Fix what "${closestError[2]}" names (a placement constraint, an attribute or a platform requirement), or add instances that satisfy it.`,
    };
  const requirement = placementRequirement(raw, c);
  if (requirement) return { ...base, ...requirement };
  const resource = /insufficient (memory|cpu)/i.exec(raw)?.[1]?.toLowerCase();
  return {
    ...base,
    explanation: `No container instance satisfies the task's requirements: ${resource ? `the instances lack free ${resource === "memory" ? "memory" : "CPU"}${closest ? ` (the closest, ${closest[1]}, ${closest[2]})` : ""}` : "CPU, memory, ports, attributes or placement constraints do not fit any instance"}.`,
    fix: GENERIC_FIX,
  };
};
