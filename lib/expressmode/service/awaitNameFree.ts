// Before creating a service: waits (bounded, with progress) while a deleted same-name service is still DRAINING.
import { err, errAsync, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { pollingOf } from "../options.ts";
import { sleep } from "../util/sleep.ts";

/**
 * Resolves once no service named `name` in `cluster` is DRAINING (INACTIVE or absent counts as free; ECS refuses a
 * same-name create until then: "Unable to Start a service that is still Draining."). Waits at most drainTimeoutMs,
 * polling every serviceIntervalMs; then a `timeout` error saying to retry later. Read errors end the wait early
 * (the create itself will answer).
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteService.html
 */
export const awaitNameFree = (ctx: ToolContext, cluster: string, name: string): ResultAsync<void, EcsError> => {
  const polling = pollingOf(ctx.express);
  const started = Date.now();
  return safeTry(async function* () {
    for (let n = 1; ; n++) {
      const s = yield* ctx
        .aws("ecs", "DescribeServices", { cluster, services: [name] })
        .map((o) => o.services?.find((s) => s.status === "DRAINING"))
        .orElse((e) => (e.kind === "cancelled" ? errAsync(e) : okAsync(undefined)));
      if (!s) return ok(undefined);
      const elapsed = Date.now() - started;
      if (elapsed + polling.serviceIntervalMs > polling.drainTimeoutMs)
        return err(
          ecsError("timeout", {
            operation: "ecs:CreateExpressGatewayService",
            afterMs: elapsed,
            message: `The previous ${name} service in ${cluster} is still DRAINING after ${Math.round(elapsed / 1000)}s (${s.runningCount ?? "?"} task(s) running); a service with that name cannot be created until it is INACTIVE.`,
            hint: `Retry in a few minutes (delete_app or DescribeServices shows when ${name} is INACTIVE), or deploy under another app_name / service_name.`,
          }),
        );
      ctx.progress({
        progress: n,
        message: `The previous ${name} service is still DRAINING (${s.runningCount ?? "?"} task(s) running); waiting until it is INACTIVE (${Math.round(elapsed / 1000)}s of at most ${Math.round(polling.drainTimeoutMs / 1000)}s)`,
      });
      yield* sleep(polling.serviceIntervalMs, ctx.signal, "deploy_app");
    }
  });
};
