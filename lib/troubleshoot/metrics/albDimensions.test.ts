import { expect, test } from "bun:test";
import { albDimensions } from "./albDimensions.ts";

const TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/6d0ecf831eec9f09";

test("an ALB target group is filed under the final parts of both ARNs", () => {
  expect(
    albDimensions(TG, "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/50dc6c495c0c9188"),
  ).toEqual({ TargetGroup: "targetgroup/api-tg/6d0ecf831eec9f09", LoadBalancer: "app/web-alb/50dc6c495c0c9188" });
});

test("Network Load Balancers and malformed ARNs get no ALB dimensions", () => {
  expect(
    albDimensions(TG, "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/nlb/50dc6c495c0c9188"),
  ).toBeUndefined();
  expect(albDimensions("targetgroup/x", "app/y/z")).toBeUndefined();
});
