// The numbers confirm or rule out causes: OOM with memory at the limit, SIGKILL with memory low, CPU under failing checks.
import { expect, test } from "bun:test";
import type { Task } from "@aws-sdk/client-ecs";
import type { MetricSeries } from "./getMetricData.ts";
import { metricFindings } from "./metricFindings.ts";
import { type MetricSpec, metricSpecs } from "./metricSpecs.ts";
import type { ServiceMetrics } from "./readServiceMetrics.ts";

const STOP = new Date("2026-11-25T09:32:00Z");
const specs = metricSpecs({
  cluster: "web",
  service: "api",
  containerInsights: "disabled",
  targetGroups: [
    {
      targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/6d0ecf831eec9f09",
      loadBalancerArns: ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/50dc6c495c0c9188"],
    },
  ],
});
const byId = (id: string): MetricSpec => specs.find((s) => s.id === id || s.id.endsWith(id))!;
/** Values one minute apart, the last at `end`. */
const series = (id: string, values: number[], end = STOP): MetricSeries => ({
  spec: byId(id),
  timestamps: values.map((_, i) => new Date(end.getTime() - (values.length - 1 - i) * 60_000)),
  values,
  status: "Complete",
  messages: [],
});
const metrics = (...s: MetricSeries[]): ServiceMetrics => ({
  period_seconds: 60,
  container_insights: "disabled",
  series: s,
});
const killed = (reason?: string): Task => ({
  taskArn: "arn:aws:ecs:us-east-1:123456789012:task/web/4c2e9a1b7d3f48e6a0b5c9d1e2f3a4b5",
  lastStatus: "STOPPED",
  stoppedAt: STOP,
  stoppedReason: "Essential container in task exited",
  containers: [{ name: "api", exitCode: 137, ...(reason ? { reason } : {}) }],
});

test("memory at the limit before an exit 137 is an OOM kill, with the numbers and the task's memory in the fix", () => {
  const [f] = metricFindings(metrics(series("svc_mem_max", [60, 85, 99.4])), {
    stoppedTasks: [killed()],
    taskMemoryMiB: 512,
  });
  expect(f?.id).toBe("oom_killed");
  expect(f?.title).toContain("99.4%");
  expect(f?.title).toContain("512 MiB");
  expect(f?.fix).toContain("above 512 MiB");
  expect(f?.evidence.map((e) => e.source)).toEqual(["metric", "task"]);
});

test("memory well below the limit before an exit 137 rules out OOM; memory long before the stop does not count", () => {
  const low = metricFindings(metrics(series("svc_mem_max", [30, 31, 35])), { stoppedTasks: [killed()] });
  expect(low.map((f) => f.id)).toEqual(["sigkill"]);
  expect(low[0]?.explanation).toContain("not the OOM killer");
  const early = new Date(STOP.getTime() - 60 * 60_000);
  const old = metricFindings(metrics(series("svc_mem_max", [99, 99], early)), { stoppedTasks: [killed()] });
  expect(old.map((f) => f.id)).toEqual(["memory_near_limit"]);
});

test("CPU pinned ranks high only while health checks fail, higher when they time out", () => {
  const cpu = metrics(series("svc_cpu_max", [95, 99, 100, 98]));
  expect(metricFindings(cpu, {})[0]?.likelihood).toBe(0.45);
  expect(metricFindings(cpu, { healthChecksFailing: true })[0]?.likelihood).toBe(0.78);
  const [t] = metricFindings(cpu, { healthChecksFailing: true, healthCheckTimeouts: true });
  expect(t).toMatchObject({ id: "cpu_saturated", likelihood: 0.9 });
  expect(t?.title).toContain("100%");
  expect(metricFindings(metrics(series("svc_cpu_max", [20, 99, 20, 20])), { healthChecksFailing: true })).toEqual([]);
});

test("target and load balancer 5xx are counted separately; zero counts are no finding", () => {
  const f = metricFindings(metrics(series("_target_5xx_sum", [0, 4, 6]), series("_elb_5xx_sum", [0, 0, 0])), {});
  expect(f.map((x) => x.id)).toEqual(["target_5xx_errors"]);
  expect(f[0]?.title).toContain("10 requests");
});

test("unhealthy hosts earlier in the window while every target is healthy now is a flapping finding, else none", () => {
  const m = metrics(series("_unhealthy_max", [0, 1, 2, 0, 0]));
  const [f] = metricFindings(m, { targetsHealthyNow: true });
  expect(f).toMatchObject({ id: "targets_flapping", likelihood: 0.45 });
  expect(f?.title).toContain("2 of 5 periods");
  expect(metricFindings(m, { targetsHealthyNow: false })).toEqual([]);
  expect(metricFindings(metrics(series("_unhealthy_max", [0, 0, 0])), { targetsHealthyNow: true })).toEqual([]);
});
