// Reads a CloudFormation failure reason for the ECS-specific causes it names, so the stack's root-cause finding says
// what to change instead of "fix the cause named in the reason".
import { parseFailure } from "./parseFailure.ts";

/** A specific explanation and fix for a failed resource's reason, or undefined when the reason is not recognised. */
export const cfnReasonHint = (
  reason: string,
  logicalId: string | undefined,
): { explanation: string; fix: string } | undefined => {
  const tg = /targetGroupArn (arn:aws[\w-]*:elasticloadbalancing:[^\s]+?)(?:\s|$)/.exec(reason)?.[1];
  if (/does not have an associated load balancer/i.test(reason))
    return {
      explanation: `The ECS service was created before its target group${tg ? ` (${tg.split(":").at(-1)})` : ""} was attached to a load balancer listener or listener rule: CloudFormation created them in parallel, and CreateService refuses a target group no load balancer forwards to.`,
      fix: `Make ${logicalId ?? "the service"} depend on the listener (and listener rule) that forwards to the target group (DependsOn in CloudFormation; node.addDependency(listener) in CDK; depends_on in Terraform), then deploy again.`,
    };
  const p = parseFailure(reason);
  if (p.action && /not authorized to perform/i.test(reason))
    return {
      explanation: `${p.principal ?? "The identity CloudFormation used"} may not call ${p.action}${p.deniedBy && p.deniedBy !== "identity_based_policy" ? ` (refused by a ${p.deniedBy.replace(/_/g, " ")})` : ""}.`,
      fix: `Allow ${p.action} for ${p.principal ?? "the deploying role (or the stack's service role)"}${p.deniedBy && p.deniedBy !== "identity_based_policy" ? ` in the ${p.deniedBy.replace(/_/g, " ")} that refuses it` : ""}, then deploy again.`,
    };
  if (/Circuit Breaker was triggered|did not stabilize|failed to stabilize/i.test(reason))
    return {
      explanation:
        "CloudFormation gave up because the ECS service's tasks never became healthy: the stack failure is a consequence, the cause is in the service's stopped tasks and events.",
      fix: "Run diagnose on the ECS service the stack created (ecs_cluster_name and ecs_service_name) to see why its tasks fail, fix that, then deploy again.",
    };
  return undefined;
};
