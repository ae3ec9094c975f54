// CloudWatch dimension values of an Application Load Balancer and its target group, taken from their ARNs.

/** `TargetGroup` and `LoadBalancer` dimension values of AWS/ApplicationELB target metrics. */
export interface AlbDimensions {
  /** `targetgroup/<name>/<id>`: the final part of the target group ARN. */
  readonly TargetGroup: string;
  /** `app/<name>/<id>`: the final part of the load balancer ARN. */
  readonly LoadBalancer: string;
}

const TG = /:(targetgroup\/[^/]+\/[0-9a-f]+)$/;
const LB = /:loadbalancer\/((app|net|gwy)\/[^/]+\/[0-9a-f]+)$/;

/**
 * The dimensions CloudWatch files a target group's metrics under, or undefined for a Network/Gateway Load Balancer
 * (those publish to AWS/NetworkELB and AWS/GatewayELB) or an ARN of another shape. The values are the ARNs' final
 * portions: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html#load-balancer-metric-dimensions-alb
 */
export const albDimensions = (targetGroupArn: string, loadBalancerArn: string): AlbDimensions | undefined => {
  const tg = TG.exec(targetGroupArn)?.[1];
  const lb = LB.exec(loadBalancerArn);
  if (!tg || !lb || lb[2] !== "app") return undefined;
  return { TargetGroup: tg, LoadBalancer: lb[1]! };
};
