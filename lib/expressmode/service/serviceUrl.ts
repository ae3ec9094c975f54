// Finds the public URL of an Express Mode service (ingressPaths of the running configuration) and waits for it
// when ECS has not assigned it yet, which happens right after creation.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_IngressPathSummary.html
import type { ExpressGatewayServiceConfiguration } from "@aws-sdk/client-ecs";
import { ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { sleep } from "../util/sleep.ts";

type Configs = { activeConfigurations?: Pick<ExpressGatewayServiceConfiguration, "ingressPaths">[] } | undefined;

/** The PUBLIC ingress endpoint (else the first) as an https URL (`https://<name>.ecs.<region>.on.aws`). */
export const urlOf = (service: Configs, preferred?: Pick<ExpressGatewayServiceConfiguration, "ingressPaths">) => {
  const fromPaths = (paths: { accessType?: string; endpoint?: string }[]) =>
    (paths.find((p) => p.accessType === "PUBLIC" && p.endpoint) ?? paths.find((p) => p.endpoint))?.endpoint;
  const endpoint =
    fromPaths(preferred?.ingressPaths ?? []) ??
    fromPaths(service?.activeConfigurations?.flatMap((c) => c.ingressPaths ?? []) ?? []);
  if (!endpoint) return undefined;
  return /^https?:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`;
};

/**
 * Polls DescribeExpressGatewayService until an endpoint appears or `budgetMs` passes (then undefined: the service
 * is ready, the URL is not assigned yet). Lookup errors end the wait: the URL is a bonus, not the result.
 */
export const waitForEndpoint = (
  ctx: ToolContext,
  serviceArn: string,
  budgetMs: number,
  intervalMs: number,
): ResultAsync<string | undefined, EcsError> => {
  const started = Date.now();
  return safeTry(async function* () {
    for (;;) {
      const url = yield* ctx
        .aws("ecs", "DescribeExpressGatewayService", { serviceArn })
        .map((o) => urlOf(o.service))
        .orElse(() => okAsync(undefined));
      if (url || Date.now() - started + intervalMs > budgetMs) return ok(url);
      ctx.progress({ progress: 0, message: `waiting for the endpoint of ${serviceArn.split("/").pop()}` });
      yield* sleep(intervalMs, ctx.signal, "waiting for the service endpoint");
    }
  });
};
