import { expect, test } from "bun:test";
import { elbDimensions } from "./elbDimensions.ts";

const TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/6d0ecf831eec9f09";
const LB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer";

test("a target group is filed under the final parts of both ARNs, in the namespace of its load balancer type", () => {
  expect(elbDimensions(TG, `${LB}/app/web-alb/50dc6c495c0c9188`)).toEqual({
    namespace: "AWS/ApplicationELB",
    TargetGroup: "targetgroup/api-tg/6d0ecf831eec9f09",
    LoadBalancer: "app/web-alb/50dc6c495c0c9188",
  });
  expect(elbDimensions(TG, `${LB}/net/nlb/50dc6c495c0c9188`)?.namespace).toBe("AWS/NetworkELB");
});

test("Gateway Load Balancers and malformed ARNs get no dimensions", () => {
  expect(elbDimensions(TG, `${LB}/gwy/gw/50dc6c495c0c9188`)).toBeUndefined();
  expect(elbDimensions("targetgroup/x", "app/y/z")).toBeUndefined();
});
