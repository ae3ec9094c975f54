// Reads a CloudFormation failure reason for the ECS-specific causes it names, so the stack's root-cause finding says
// what to change instead of "fix the cause named in the reason".
import { parseFailure } from "./parseFailure.ts";

/** A specific explanation and fix for a failed resource's reason, or undefined when the reason is not recognised. */
export const cfnReasonHint = (
  reason: string,
  logicalId: string | undefined,
): { explanation: string; fix: string } | undefined => {
  const tg = /target ?group(?:Arn)? (arn:aws[\w-]*:elasticloadbalancing:[^\s]+?)(?:\s|$)/i.exec(reason)?.[1];
  if (/does not have an associated load balancer/i.test(reason))
    return {
      explanation: `The ECS service was created before its target group${tg ? ` (${tg.split(":").at(-1)})` : ""} was attached to a load balancer listener or listener rule: CloudFormation created them in parallel, and CreateService refuses a target group no load balancer forwards to.`,
      fix: `Make ${logicalId ?? "the service"} depend on the listener (and listener rule) that forwards to the target group (DependsOn in CloudFormation; node.addDependency(listener) in CDK; depends_on in Terraform), then deploy again.`,
    };
  const targetType = /has target type (\w+), which is incompatible with the (\w+) network mode/i.exec(reason);
  if (targetType) {
    const want = targetType[2] === "awsvpc" ? "ip" : "instance";
    return {
      explanation: `The target group${tg ? ` (${tg.split(":").at(-1)})` : ""} has target type ${targetType[1]}, but the task definition uses the ${targetType[2]} network mode, which registers ${want === "ip" ? "each task's own IP address (target type ip)" : "the container instance and a host port (target type instance)"}.`,
      fix: `Create a target group with target type ${want} (the target type cannot be changed in place: replace the target group and its listener rule), point ${logicalId ?? "the service"} at it, then deploy again.`,
    };
  }
  if (/Network Configuration is not valid for the given networkMode/i.test(reason))
    return {
      explanation:
        "The service passes a networkConfiguration (subnets, security groups), which only the awsvpc network mode accepts, but the task definition uses another network mode (bridge or host).",
      fix: `Either set networkMode awsvpc in the task definition (required on Fargate), or remove networkConfiguration from ${logicalId ?? "the service"}, then deploy again.`,
    };
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html
  if (/Unable to assume the service linked role/i.test(reason))
    return {
      explanation: `ECS could not use its service-linked role AWSServiceRoleForECS when creating ${logicalId ?? "the resource"}: the role does not exist yet in this account (the first cluster or service of an account creates it, and a template that creates both at once can race it) or the deploying identity may not create it.`,
      fix: "Create the role once (aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com; the deploying identity needs iam:CreateServiceLinkedRole), or deploy again now that the first attempt created it; in the template, do not create an IAM role named AWSServiceRoleForECS yourself.",
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
