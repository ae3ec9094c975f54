// The load balancers in front of each of a service's target groups (DescribeTargetGroups).
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import type { MetricTargets } from "./metricSpecs.ts";

/** Target groups with their load balancer ARNs; none when the service has no load balancer. */
export const targetGroupsOf = (
  ctx: ToolContext,
  arns: readonly string[],
): ResultAsync<MetricTargets["targetGroups"], EcsError> =>
  arns.length === 0
    ? okAsync([])
    : ctx.aws("elbv2", "DescribeTargetGroups", { TargetGroupArns: [...arns] }).map((o) =>
        (o.TargetGroups ?? []).map((g) => ({
          targetGroupArn: g.TargetGroupArn ?? "",
          loadBalancerArns: g.LoadBalancerArns ?? [],
        })),
      );
