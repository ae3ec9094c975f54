// Deletes an Express Gateway Service and waits (bounded) until it has drained; already deleted counts as done.
import { errAsync, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { pollingOf } from "../options.ts";
import { sleep } from "../util/sleep.ts";

/** Outcome of the service step (reference fields plus `drained`). */
export interface ServiceDeletion {
  readonly status: "deleted" | "not_found" | "draining" | "failed";
  readonly service_arn: string;
  readonly message?: string;
  readonly error?: string;
  readonly details?: Record<string, unknown>;
}

/** ServiceNotFound-like answers: the service is already gone. */
export const isGone = (e: EcsError): boolean =>
  e.kind === "aws" &&
  (e.code === "ServiceNotFoundException" ||
    e.code === "ResourceNotFoundException" ||
    /not found|does not exist|is not active|INACTIVE/i.test(e.message));

/** Deletes the service, then polls until INACTIVE or gone (bounded by drainTimeoutMs); failures become a `failed` outcome. */
export const deleteExpressService = (ctx: ToolContext, serviceArn: string): ResultAsync<ServiceDeletion, EcsError> => {
  const polling = pollingOf(ctx.express);
  const deadline = Date.now() + polling.drainTimeoutMs;
  const interval = Math.min(polling.serviceIntervalMs, 15_000);
  const statusOf = (gone: string) =>
    ctx
      .aws("ecs", "DescribeExpressGatewayService", { serviceArn })
      .map((o) => o.service?.status?.statusCode as string | undefined)
      .orElse((e) => (isGone(e) ? okAsync(gone) : errAsync(e)));
  const drained = (): ResultAsync<ServiceDeletion, EcsError> =>
    safeTry(async function* () {
      for (let n = 1; ; n++) {
        const status = yield* statusOf("INACTIVE");
        ctx.progress({ progress: n, message: `Express service ${serviceArn.split("/").pop()}: ${status ?? "?"}` });
        if (!status || status === "INACTIVE")
          return ok({
            status: "deleted" as const,
            service_arn: serviceArn,
            message: "Express Gateway Service deleted successfully",
          });
        if (Date.now() + interval > deadline)
          return ok({
            status: "draining" as const,
            service_arn: serviceArn,
            message: `Deletion started; the service is still ${status} after ${Math.round(polling.drainTimeoutMs / 1000)}s.`,
          });
        yield* sleep(interval, ctx.signal, "delete_app");
      }
    });
  return safeTry(async function* () {
    const status = yield* statusOf("GONE");
    if (status === "GONE" || status === "INACTIVE")
      return ok({
        status: "not_found" as const,
        service_arn: serviceArn,
        message: "Express Gateway Service does not exist (may have been deleted already)",
      });
    if (status === "DRAINING") return drained();
    return ctx
      .aws("ecs", "DeleteExpressGatewayService", { serviceArn })
      .andThen((o) =>
        drained().map((d) => (o.service?.serviceName ? { ...d, details: { service_name: o.service.serviceName } } : d)),
      )
      .orElse((e) =>
        // Deleted meanwhile (ServiceNotActiveException: "Service is in DRAINING status", or "Service was not ACTIVE."
        // without the status): the delete is under way or done; drained() polls until INACTIVE.
        e.kind === "aws" && (e.situation === "service_draining" || e.situation === "service_not_active")
          ? drained()
          : errAsync(e),
      );
  }).orElse((e) =>
    e.kind === "cancelled"
      ? errAsync(e)
      : okAsync({ status: "failed" as const, service_arn: serviceArn, error: e.message }),
  );
};
