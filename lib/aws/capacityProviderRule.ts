// Capacity provider refusals: one just created and not ACTIVE yet, a Managed Instances provider given to
// PutClusterCapacityProviders, a provider still in use by a service or task.
import type { CallContext } from "./hints.ts";
import type { KnownError } from "./knownErrors.ts";

/**
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html: only ACTIVE or
 * UPDATING providers can be associated; a provider in use by a service's strategy cannot be removed.
 */
export const capacityProviderRule = (code: string, message: string, ctx: CallContext): KnownError | undefined => {
  if (ctx.service !== "ecs" || !/capacity provider/i.test(message)) return undefined;
  const name = /capacity provider '([^']+)'/i.exec(message)?.[1];
  const it = name ? `The capacity provider "${name}"` : "The capacity provider";
  if (/not in an ACTIVE state/i.test(message))
    return {
      situation: "capacity_provider",
      retryable: true,
      hint: `${it} is not ACTIVE yet: one created moments ago is still being set up. Wait until DescribeCapacityProviders shows it ACTIVE, then retry.`,
    };
  if (/Managed Instances capacity provider/i.test(message) && /cannot associate/i.test(message))
    return {
      situation: "capacity_provider",
      hint: "A Managed Instances capacity provider belongs to the cluster it was created for and is not associated with PutClusterCapacityProviders: leave it out of that call's list (it stays associated) and list only the other providers.",
    };
  if (code === "ResourceInUseException" || /in use and cannot be removed/i.test(message))
    return {
      situation: "capacity_provider",
      hint: `${it} is in use: a service's capacityProviderStrategy (or the cluster's default strategy, or running tasks) still names it. Move those services to another strategy (UpdateService with forceNewDeployment) and let their tasks drain, then remove it.`,
    };
  return undefined;
};
