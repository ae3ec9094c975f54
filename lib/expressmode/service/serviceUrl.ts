// Finds the public URL of an Express Mode service (DescribeExpressGatewayService ingress paths), if it is one.
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";

/** The first PUBLIC ingress endpoint as an https URL (Express services get `https://<name>.ecs.<region>.on.aws`). */
export const urlOf = (
  service: { activeConfigurations?: { ingressPaths?: { accessType?: string; endpoint?: string }[] }[] } | undefined,
): string | undefined => {
  const paths = service?.activeConfigurations?.flatMap((c) => c.ingressPaths ?? []) ?? [];
  const endpoint = (paths.find((p) => p.accessType === "PUBLIC") ?? paths[0])?.endpoint;
  if (!endpoint) return undefined;
  return /^https?:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`;
};

/** The Express service's URL, or undefined for a classic service (or when the lookup fails: the URL is a bonus). */
export const serviceUrl = (
  ctx: ToolContext,
  serviceArn: string | undefined,
): ResultAsync<string | undefined, EcsError> =>
  serviceArn
    ? ctx
        .aws("ecs", "DescribeExpressGatewayService", { serviceArn }, { signal: ctx.signal })
        .map((o) => urlOf(o.service))
        .orElse(() => okAsync(undefined))
    : okAsync(undefined);
