// CloudWatch dimension values of a load balancer's target group, taken from the ARNs, with the namespace they go to.

/** `TargetGroup` and `LoadBalancer` dimension values, and which ELB namespace publishes them. */
export interface ElbDimensions {
  /** AWS/ApplicationELB for an ALB (`app/`), AWS/NetworkELB for an NLB (`net/`). */
  readonly namespace: "AWS/ApplicationELB" | "AWS/NetworkELB";
  /** `targetgroup/<name>/<id>`: the final part of the target group ARN. */
  readonly TargetGroup: string;
  /** `app/<name>/<id>` or `net/<name>/<id>`: the final part of the load balancer ARN. */
  readonly LoadBalancer: string;
}

const TG = /:(targetgroup\/[^/]+\/[0-9a-f]+)$/;
const LB = /:loadbalancer\/((app|net|gwy)\/[^/]+\/[0-9a-f]+)$/;

/**
 * The dimensions CloudWatch files a target group's metrics under: the ARNs' final portions
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-cloudwatch-metrics.html).
 * Undefined for a Gateway Load Balancer or an ARN of another shape.
 */
export const elbDimensions = (targetGroupArn: string, loadBalancerArn: string): ElbDimensions | undefined => {
  const tg = TG.exec(targetGroupArn)?.[1];
  const lb = LB.exec(loadBalancerArn);
  if (!tg || !lb || lb[2] === "gwy") return undefined;
  return {
    namespace: lb[2] === "app" ? "AWS/ApplicationELB" : "AWS/NetworkELB",
    TargetGroup: tg,
    LoadBalancer: lb[1]!,
  };
};
