// Whether the execution role may read the secrets a deployment injects. ECS fetches them at task start as that role
// (ssm:GetParameters for Parameter Store, secretsmanager:GetSecretValue for Secrets Manager), and the managed
// AmazonECSTaskExecutionRolePolicy grants neither, so a role that passes the role checks can still stop every task
// with ResourceInitializationError. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
import { okAsync, ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";

/** Unreadable secrets: errors for Parameter Store (no resource policy can grant it), warnings otherwise. */
export interface SecretAccess {
  readonly errors: string[];
  readonly warnings: string[];
}

const ACTION = { ssm: "ssm:GetParameters", secretsmanager: "secretsmanager:GetSecretValue" } as const;

/** The IAM resource a `valueFrom` ARN names (a Secrets Manager ARN may carry `:json-key:stage:version` after it). */
const targetOf = (valueFrom: string): { service: keyof typeof ACTION; resource: string } | undefined => {
  const m = /^arn:aws[\w-]*:(ssm|secretsmanager):/.exec(valueFrom);
  if (!m) return undefined; // a bare parameter name: its ARN needs the account and region, left to ECS
  const service = m[1] as keyof typeof ACTION;
  return { service, resource: service === "ssm" ? valueFrom : valueFrom.split(":").slice(0, 7).join(":") };
};

/**
 * Simulates the role's reads of every secret ARN (iam:SimulatePrincipalPolicy with ResourceArns; one call per
 * service). Per-resource decisions come from ResourceSpecificResults (IAM returns one EvaluationResult per action
 * whatever the number of resources). A simulation that cannot run leaves a warning, never an error.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 */
export const checkSecretAccess = (
  ctx: ToolContext,
  roleArn: string,
  secrets: Readonly<Record<string, string>>,
): ResultAsync<SecretAccess, EcsError> => {
  const byService = new Map<keyof typeof ACTION, Map<string, string[]>>();
  for (const [name, valueFrom] of Object.entries(secrets)) {
    const t = targetOf(valueFrom);
    if (!t) continue;
    const names = byService.get(t.service) ?? new Map<string, string[]>();
    names.set(t.resource, [...(names.get(t.resource) ?? []), name]);
    byService.set(t.service, names);
  }
  const checks = [...byService].map(([service, resources]) =>
    ctx
      .aws("iam", "SimulatePrincipalPolicy", {
        PolicySourceArn: roleArn,
        ActionNames: [ACTION[service]],
        ResourceArns: [...resources.keys()],
      })
      .map((out): SecretAccess => {
        const decisions = (out.EvaluationResults ?? []).flatMap((r) =>
          r.ResourceSpecificResults?.length
            ? r.ResourceSpecificResults.map((x) => [x.EvalResourceName, x.EvalResourceDecision] as const)
            : [[r.EvalResourceName, r.EvalDecision] as const],
        );
        const denied = [...resources].filter(([arn]) => !decisions.some(([n, d]) => n === arn && d === "allowed"));
        const lines = denied.map(
          ([arn, names]) =>
            `The execution role ${roleArn} is not allowed ${ACTION[service]} on ${arn} (secrets ${names.join(", ")}), so every task would stop with ResourceInitializationError before the app starts. Fix: add an inline policy to the execution role allowing ${ACTION[service]} on ${arn} (and kms:Decrypt on its key if it is encrypted with a customer managed KMS key).`,
        );
        // Parameter Store has no resource policies: the role's own policies decide. A secret's resource policy can
        // grant what the role's policies do not, so a Secrets Manager denial is only a warning.
        return service === "ssm"
          ? { errors: lines, warnings: [] }
          : { errors: [], warnings: lines.map((l) => `${l} (Unless the secret's resource policy grants it.)`) };
      })
      .orElse((e) =>
        okAsync<SecretAccess, EcsError>({
          errors: [],
          warnings: [
            `Could not check that the execution role may read the secrets (iam:SimulatePrincipalPolicy: ${e.kind === "aws" ? e.code : e.kind}); it needs ${ACTION[service]} on ${[...resources.keys()].join(", ")}.`,
          ],
        }),
      ),
  );
  return ResultAsync.combine(checks).map((all) => ({
    errors: all.flatMap((a) => a.errors),
    warnings: all.flatMap((a) => a.warnings),
  }));
};
