// When IAM says which policy refused ("with an explicit deny in a service control policy", "because no VPC endpoint
// policy allows ..."), granting the role more IAM permissions does not help: the explanation and fix must name that
// policy instead. https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
import type { FailureContext } from "./failureContext.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import type { TextCause } from "./pullErrors.ts";

/** The VPC endpoint service an IAM action goes through (ECR auth is ecr.api; S3 is the gateway endpoint). */
const endpointOf = (action: string | undefined, region: string): string => {
  const svc = action?.split(":")[0] ?? "the service";
  return svc === "ecr" ? `com.amazonaws.${region}.ecr.api` : `com.amazonaws.${region}.${svc}`;
};

/** Rewrites a permissions finding whose denial came from a policy other than the role's own. */
export const deniedByPolicy = (t: TextCause, p: ParsedFailure, c: FailureContext): TextCause => {
  if (!p.deniedBy || p.deniedBy === "identity_based_policy" || t.category !== "permissions") return t;
  const role = c.taskDefinition?.executionRoleArn ?? p.principal ?? "the task execution role";
  const action = p.action ?? "the action";
  const region = c.region ?? "<region>";
  const keep = "The role's own IAM policies are not what refused it, so granting it more permissions will not help.";
  switch (p.deniedBy) {
    case "service_control_policy":
    case "resource_control_policy": {
      const kind =
        p.deniedBy === "service_control_policy" ? "service control policy (SCP)" : "resource control policy (RCP)";
      return {
        ...t,
        title: `An AWS Organizations ${kind} denies ${action} to the task`,
        explanation: `${t.explanation} The denial is an explicit deny in an AWS Organizations ${kind}. ${keep}`,
        fix: `Ask the organization's administrators to exempt ${role} (or this account) from the ${kind} statement that denies ${action}; explicit denies cannot be overridden inside the account.`,
      };
    }
    case "vpc_endpoint_policy":
      return {
        ...t,
        title: `The VPC endpoint policy does not allow ${action}`,
        explanation: `${t.explanation} The request went through a VPC endpoint whose endpoint policy does not allow ${action}. ${keep}`,
        fix: `Add a statement to the endpoint policy of the ${endpointOf(p.action, region)} endpoint allowing ${action} for ${role}${p.resource ? ` on ${p.resource}` : ""} (the default endpoint policy allows everything).`,
      };
    case "resource_based_policy":
      return {
        ...t,
        title: `The resource's own policy refuses ${action}`,
        explanation: `${t.explanation} The resource's own policy (repository policy, secret resource policy, bucket or key policy) does not allow ${role}, or denies it.`,
        fix: `Allow ${role} ${action} in the resource policy of ${p.resource ?? "the resource"} (or remove the deny there); for cross-account access both that policy and the role's policy must allow it.`,
      };
    case "permissions_boundary":
      return {
        ...t,
        title: `The role's permissions boundary does not allow ${action}`,
        explanation: `${t.explanation} ${role} has a permissions boundary that does not include ${action}: its policies allow it, but the boundary caps what the role may do.`,
        fix: `Add ${action} to the permissions boundary policy attached to ${role} (or use a boundary that includes it).`,
      };
    default:
      return {
        ...t,
        explanation: `${t.explanation} The denial comes from a session policy on the role's session.`,
        fix: `Allow ${action} in the session policy used for ${role}'s session.`,
      };
  }
};
