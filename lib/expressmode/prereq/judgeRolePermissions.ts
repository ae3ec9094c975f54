// Decides whether a role with a valid trust policy has the permissions its job needs: the managed policy, or equivalents.
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import type { RoleCheck, RoleSpec } from "./checkRole.ts";
import { simulateRole } from "./simulateRole.ts";

/**
 * Valid when the AWS managed policy is attached. Otherwise the role's own policies (inline or customer-managed) may
 * grant the same: IAM's policy simulator is asked for the spec's actions before the role is called valid (all
 * allowed: "equivalent permissions") or invalid (`missing_permissions`, naming the denied actions). When the
 * simulation itself is refused, the role stays valid with a warning that its permissions could not be verified.
 */
export const judgeRolePermissions = (
  ctx: ToolContext,
  spec: RoleSpec,
  role: { readonly name: string; readonly arn: string; readonly policies: string[] | undefined },
): ResultAsync<RoleCheck, EcsError> => {
  const { name, arn, policies } = role;
  const base = { arn, name, attached_policies: policies };
  if (policies?.some((p) => spec.policies.includes(p)))
    return okAsync({ ...base, status: "valid", message: `${spec.label} is valid` });
  const attach = `aws iam attach-role-policy --role-name ${name} --policy-arn arn:aws:iam::aws:policy/service-role/${spec.policies[0]}`;
  return simulateRole(ctx, arn, spec.actions).map((sim): RoleCheck => {
    if (!sim.ran)
      return {
        ...base,
        status: "valid",
        message: `${spec.label} is valid (trust policy); its permissions could not be verified`,
        warnings: [
          `${spec.label} ${name} ${policies === undefined ? "has policies that could not be listed" : `does not have the managed policy ${spec.policies[0]} attached`}, and iam:SimulatePrincipalPolicy could not check its own policies (${sim.why}). Unless they grant ${spec.actions.join(", ")}, deployments will fail. Fix: ${attach}`,
        ],
      };
    if (sim.denied.length === 0)
      return {
        ...base,
        status: "valid",
        message: `${spec.label} is valid: without ${spec.policies[0]}, its own policies grant the equivalent permissions (IAM policy simulation of ${spec.actions.length} actions)`,
      };
    return {
      ...base,
      status: "missing_permissions",
      error: `${spec.label} ${name} lacks ${sim.denied.join(", ")} (IAM policy simulation; ${spec.policies[0]} is not attached)`,
      fix: [attach],
    };
  });
};
