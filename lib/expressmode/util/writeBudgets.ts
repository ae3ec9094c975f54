// The retry budgets of writes from the polling options: IAM propagation, the service-linked role, and concurrent
// registrations of one task definition family.
import type { ToolContext } from "../../tool.ts";
import { pollingOf } from "../options.ts";
import type { RetryBudgets } from "./retrySituations.ts";

/**
 * Budgets for a write ECS may refuse while IAM propagates a role (iamPropagationTimeoutMs, retryIntervalMs), and while
 * another registration of the same task definition family is in flight ("Too many concurrent attempts…", at most
 * 30 s: it clears within seconds).
 */
export const writeBudgets = (ctx: Pick<ToolContext, "express">): RetryBudgets => {
  const p = pollingOf(ctx.express);
  const iam = { timeoutMs: p.iamPropagationTimeoutMs, intervalMs: p.retryIntervalMs };
  const concurrent = { timeoutMs: Math.min(30_000, p.iamPropagationTimeoutMs), intervalMs: p.retryIntervalMs };
  return { iam_propagation: iam, service_linked_role_missing: iam, concurrent_update: concurrent };
};
