// The retry budgets of writes from the polling options: IAM propagation and the service-linked role.
import type { ToolContext } from "../../tool.ts";
import { pollingOf } from "../options.ts";
import type { RetryBudgets } from "./retrySituations.ts";

/** Budgets for a write ECS may refuse while IAM propagates a role (iamPropagationTimeoutMs, retryIntervalMs). */
export const writeBudgets = (ctx: Pick<ToolContext, "express">): RetryBudgets => {
  const p = pollingOf(ctx.express);
  const iam = { timeoutMs: p.iamPropagationTimeoutMs, intervalMs: p.retryIntervalMs };
  return { iam_propagation: iam, service_linked_role_missing: iam };
};
