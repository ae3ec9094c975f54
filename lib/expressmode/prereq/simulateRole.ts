// Asks IAM's policy simulator whether a role's own policies (inline or customer-managed) grant a list of actions.
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";

/** The simulation's answer: the actions the role is not allowed, or why it could not be asked. */
export type Simulation =
  | { readonly ran: true; readonly denied: readonly string[] }
  | { readonly ran: false; readonly why: string };

/**
 * Simulates `actions` for the role with iam:SimulatePrincipalPolicy, which evaluates every policy attached to it
 * (inline and managed, permission boundary included) — so a role given equivalent permissions without the AWS managed
 * policy is recognised. https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 * A refused or failed simulation is not a verdict on the role: `ran: false` with the reason.
 */
export const simulateRole = (
  ctx: ToolContext,
  roleArn: string,
  actions: readonly string[],
): ResultAsync<Simulation, EcsError> =>
  ctx
    .aws("iam", "SimulatePrincipalPolicy", { PolicySourceArn: roleArn, ActionNames: [...actions] })
    .map((out): Simulation => {
      const allowed = new Set(
        (out.EvaluationResults ?? []).filter((r) => r.EvalDecision === "allowed").map((r) => r.EvalActionName),
      );
      return { ran: true, denied: actions.filter((a) => !allowed.has(a)) };
    })
    .orElse((e) => okAsync<Simulation, EcsError>({ ran: false, why: e.kind === "aws" ? `${e.code}` : e.kind }));
