// Retries a write while AWS refuses it for a known transient reason (IAM propagation, a draining same-name service).
import { errAsync, type ResultAsync } from "neverthrow";
import type { AwsSituation, EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { sleep } from "./sleep.ts";

/** How long each transient situation may be retried, and how often. */
export type RetryBudgets = Partial<Record<AwsSituation, { readonly timeoutMs: number; readonly intervalMs: number }>>;

const WHY: Partial<Record<AwsSituation, string>> = {
  iam_propagation: "IAM has not propagated the role yet",
  service_linked_role_missing: "the ECS service-linked role is not usable yet",
  service_draining: "a same-name service is still draining",
  concurrent_update: "another registration of the same family is in flight",
};

/**
 * Runs `run`; while it fails with an AWS error whose `situation` has a budget, reports progress and tries again after
 * the budget's interval, until the budget is spent (then the last error, saying how long it was retried). Any other
 * error, a real access denial included, is returned at once.
 */
export const retrySituations = <T>(
  ctx: Pick<ToolContext, "progress" | "signal">,
  what: string,
  budgets: RetryBudgets,
  run: () => ResultAsync<T, EcsError>,
): ResultAsync<T, EcsError> => {
  const started = Date.now();
  const attempt = (n: number): ResultAsync<T, EcsError> =>
    run().orElse((e) => {
      const budget = e.kind === "aws" && e.situation ? budgets[e.situation] : undefined;
      if (!budget || e.kind !== "aws") return errAsync(e);
      const elapsed = Date.now() - started;
      if (elapsed + budget.intervalMs > budget.timeoutMs)
        return errAsync({
          ...e,
          message: `${e.message} (still refused after ${n} attempts over ${Math.round(elapsed / 1000)}s)`,
          hint: `${e.hint} Retried for ${Math.round(budget.timeoutMs / 1000)}s, longer than this usually lasts: the cause is likely not transient.`,
        });
      ctx.progress({
        progress: n,
        message: `${what}: ${WHY[e.situation!] ?? e.situation}; retrying in ${Math.round(budget.intervalMs / 1000)}s (${Math.round(elapsed / 1000)}s of at most ${Math.round(budget.timeoutMs / 1000)}s)`,
      });
      return sleep(budget.intervalMs, ctx.signal, what).andThen(() => attempt(n + 1));
    });
  return attempt(1);
};
