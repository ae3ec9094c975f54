// Checks an IAM role: it exists, trusts the right service principal (exact match), and has the expected managed policy.
import { okAsync, ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { judgeRolePermissions } from "./judgeRolePermissions.ts";

/** What a role must satisfy. */
export interface RoleSpec {
  /** "Task Execution Role" or "Infrastructure Role" (the reference's wording). */
  readonly label: string;
  readonly principal: string;
  /** Managed policy names of which one must be attached. */
  readonly policies: readonly string[];
  /** Actions that policy grants which the role cannot work without: simulated when the policy is not attached. */
  readonly actions: readonly string[];
  /** IAM CLI steps that create a correct role with this name. */
  readonly createSteps: (name: string) => string[];
}

/** Outcome of a role check. `warnings` are problems that may still work (e.g. an equivalent inline policy). */
export interface RoleCheck {
  readonly status: "valid" | "invalid_trust_policy" | "missing_permissions" | "not_found" | "invalid_arn" | "error";
  readonly arn: string;
  readonly name?: string;
  readonly message?: string;
  readonly error?: string;
  readonly attached_policies?: string[];
  readonly warnings?: string[];
  readonly fix?: string[];
}

/** Which parts of two role ARNs differ: partition, account or path. */
const arnDifference = (given: string, found: string): string => {
  const [, gp, , , ga, gr] = given.split(":");
  const [, fp, , , fa, fr] = found.split(":");
  const parts = [
    gp !== fp ? `partition ${gp} instead of ${fp}` : "",
    ga !== fa ? `account ${ga} instead of ${fa}` : "",
    gr !== fr ? `path ${gr} instead of ${fr}` : "",
  ].filter(Boolean);
  return parts.join(", ") || "they differ";
};

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const ROLE_NAME = /^()([\w+=,.@-]{1,64})$/;

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Principal?: { Service?: string | string[] } | string;
}

/** True when some Allow statement names `principal` exactly as a service principal for sts:AssumeRole. */
export const trusts = (document: string | undefined, principal: string): boolean => {
  if (!document) return false;
  let doc: { Statement?: Statement | Statement[] };
  try {
    doc = JSON.parse(decodeURIComponent(document));
  } catch {
    try {
      doc = JSON.parse(document);
    } catch {
      return false;
    }
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  return statements.some((s) => {
    if (s.Effect !== "Allow" || typeof s.Principal !== "object") return false;
    const actions = [s.Action ?? []].flat();
    if (actions.length > 0 && !actions.some((a) => a === "sts:AssumeRole" || a === "sts:*" || a === "*")) return false;
    return [s.Principal.Service ?? []].flat().includes(principal);
  });
};

/**
 * Checks a role against `spec`: GetRole, trust policy, attached managed policies, all at once. A bare role name
 * (the defaults) needs no account id: GetRole returns the ARN, so no STS round trip precedes the checks.
 */
export const checkRole = (ctx: ToolContext, arnOrName: string, spec: RoleSpec): ResultAsync<RoleCheck, EcsError> => {
  const byName = !arnOrName.startsWith("arn:");
  const arn = arnOrName;
  const m = (byName ? ROLE_NAME : ROLE_ARN).exec(arnOrName);
  if (!m)
    return okAsync({
      status: "invalid_arn",
      arn,
      error: `${spec.label} ${byName ? "name" : "ARN"} is malformed: ${arn}`,
      fix: ["Use the form arn:aws:iam::<account-id>:role/<role-name>."],
    });
  const name = m[2]!;
  const get = ctx.aws("iam", "GetRole", { RoleName: name });
  const attached = ctx
    .aws("iam", "ListAttachedRolePolicies", { RoleName: name, MaxItems: 100 })
    .map((o) => (o.AttachedPolicies ?? []).map((p) => p.PolicyName ?? "").filter(Boolean))
    .orElse(() => okAsync<string[] | undefined, EcsError>(undefined));
  return ResultAsync.combine([get, attached] as const)
    .andThen(([role, policies]): ResultAsync<RoleCheck, EcsError> => {
      const arn = role.Role?.Arn ?? arnOrName;
      // GetRole looks the name up in the caller's account: an ARN of another account, partition or path names
      // another role than the one found, and ECS will be given the ARN as written.
      if (!byName && role.Role?.Arn && role.Role.Arn !== arnOrName)
        return okAsync({
          status: "invalid_arn",
          arn: arnOrName,
          name,
          error: `${spec.label} ARN ${arnOrName} is not the role these credentials see under that name (${role.Role.Arn}): ${arnDifference(arnOrName, role.Role.Arn)}. ECS is given the ARN as written.`,
          fix: [`Use ${role.Role.Arn}, or credentials of the account and partition that own ${arnOrName}.`],
        });
      if (!trusts(role.Role?.AssumeRolePolicyDocument, spec.principal))
        return okAsync({
          status: "invalid_trust_policy",
          arn,
          name,
          attached_policies: policies,
          error: `${spec.label} trust policy does not allow ${spec.principal} to assume the role`,
          fix: [
            `aws iam update-assume-role-policy --role-name ${name} --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"${spec.principal}"},"Action":"sts:AssumeRole"}]}'`,
          ],
        });
      return judgeRolePermissions(ctx, spec, { name, arn, policies });
    })
    .orElse((e) => {
      if (!(e.kind === "aws" && (e.code === "NoSuchEntity" || e.code === "NoSuchEntityException")))
        return okAsync<RoleCheck, EcsError>({
          status: "error",
          arn,
          name,
          error: `Error validating ${spec.label}: ${e.message}`,
          fix: [e.hint],
        });
      const notFound = (full: string): RoleCheck => ({
        status: "not_found",
        arn: full,
        name,
        error: `${spec.label} not found: ${full}`,
        fix: spec.createSteps(name),
      });
      // Only a missing role needs the account id, to name the ARN the user should create.
      return byName
        ? ctx
            .aws("sts", "GetCallerIdentity", {})
            .map((id) => notFound(`arn:${id.Arn?.split(":")[1] ?? "aws"}:iam::${id.Account}:role/${name}`))
            .orElse(() => okAsync<RoleCheck, EcsError>(notFound(`role/${name}`)))
        : okAsync<RoleCheck, EcsError>(notFound(arn));
    });
};
