// The metric list follows what the service has: Container Insights level, ALB target groups (not NLBs).
import { expect, test } from "bun:test";
import { metricPeriod } from "./metricPeriod.ts";
import { metricSpecs } from "./metricSpecs.ts";

const TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/6d0ecf831eec9f09";
const ALB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/50dc6c495c0c9188";
const NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/nlb/50dc6c495c0c9188";
const ids = (mode: "disabled" | "enabled" | "enhanced", lb = ALB) =>
  metricSpecs({
    cluster: "web",
    service: "api",
    containerInsights: mode,
    targetGroups: [{ targetGroupArn: TG, loadBalancerArns: [lb] }],
  }).map((s) => s.id);

test("service utilization always; Container Insights when enabled; task-level only when enhanced", () => {
  expect(ids("disabled").filter((i) => i.startsWith("svc_"))).toHaveLength(4);
  expect(ids("disabled").some((i) => i.startsWith("ci_") || i.startsWith("task_"))).toBe(false);
  expect(ids("enabled")).toContain("ci_mem_utilized_max");
  expect(ids("enabled")).not.toContain("task_mem_max");
  expect(ids("enhanced")).toContain("task_mem_max");
});

test("ALB target metrics per target group plus the load balancer's own 5xx; only target health for an NLB; ids are unique and valid", () => {
  const alb = ids("disabled");
  expect(alb).toEqual(expect.arrayContaining(["tg0_0_target_5xx_sum", "tg0_0_unhealthy_max", "lb0_elb_5xx_sum"]));
  expect(ids("disabled", NLB).filter((i) => i.startsWith("tg") || i.startsWith("lb"))).toEqual([
    "tg0_0_unhealthy_max",
    "tg0_0_healthy_min",
  ]);
  const all = ids("enhanced");
  expect(new Set(all).size).toBe(all.length);
  for (const i of all) expect(i).toMatch(/^[a-z][a-zA-Z0-9_]*$/);
});

test("period: one minute up to 6 hours, then at most 360 points per series in whole minutes", () => {
  const w = (h: number) => ({ start: new Date(0), end: new Date(h * 3600_000) });
  expect(metricPeriod(w(1))).toBe(60);
  expect(metricPeriod(w(6))).toBe(60);
  expect(metricPeriod(w(24))).toBe(240);
  expect(metricPeriod(w(14 * 24)) % 60).toBe(0);
  expect((14 * 24 * 3600) / metricPeriod(w(14 * 24))).toBeLessThanOrEqual(360);
});
