// fetch_service_metrics over the wire: the real CloudWatch client (awsJson1_0, query-compatible) against the fake.
import { describe, expect, test } from "bun:test";
import { diagnose, fetchServiceMetrics } from "../../lib/index.ts";
import { installScenario, loadScenario } from "../fixtures/troubleshoot/loadScenario.ts";
import { mcpPair } from "../hardening/support/mcpPair.ts";
import { metricDataHandler } from "../support/fakeMetrics.ts";
import { fakeAssistant, useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();
const assistant = () => fakeAssistant(fake);
const web = { ecs_cluster_name: "web", ecs_service_name: "api" };
const svc = { ClusterName: "web", ServiceName: "api" };
const TG = { TargetGroup: "targetgroup/api-tg/6d0ecf831eec9f09" };

const minutesAgo = (n: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - n * 60_000);
const series = (values: number[]) => values.map((v, i) => [minutesAgo(values.length - i), v] as const);

describe("fetch_service_metrics", () => {
  test("reads AWS/ECS and ALB metrics in one GetMetricData with dimensions from the ARNs, and reports peaks", async () => {
    installScenario(fake, loadScenario("healthy"));
    fake.on(
      "cloudwatch",
      "GetMetricData",
      metricDataHandler([
        { namespace: "AWS/ECS", metric: "MemoryUtilization", dimensions: svc, points: series([40, 55, 97.5, 60]) },
        { namespace: "AWS/ECS", metric: "CPUUtilization", dimensions: svc, points: series([12, 14, 13, 15]) },
        {
          namespace: "AWS/ApplicationELB",
          metric: "HTTPCode_Target_5XX_Count",
          dimensions: { ...TG, LoadBalancer: "app/api-alb/50dc6c495c0c9188" },
          points: series([0, 3, 9, 0]),
        },
      ]),
    );
    const r = (await fetchServiceMetrics(assistant(), { ...web, time_window: 3600 }))._unsafeUnwrap();
    const gmd = fake.calls.filter((c) => c.operation === "GetMetricData");
    expect(gmd).toHaveLength(1);
    const queries = gmd[0]!.input.MetricDataQueries as {
      Id: string;
      MetricStat: { Metric: { Dimensions: unknown } };
    }[];
    const q5xx = queries.find((q) => q.Id.endsWith("_target_5xx_sum"));
    expect(q5xx?.MetricStat.Metric.Dimensions).toEqual([
      { Name: "TargetGroup", Value: TG.TargetGroup },
      { Name: "LoadBalancer", Value: expect.stringMatching(/^app\/[^/]+\/[0-9a-f]+$/) },
    ]);
    expect(r.period_seconds).toBe(60);
    expect(r.container_insights).toBe("disabled");
    const mem = r.metrics.find((m) => m.id === "svc_mem_max")!;
    expect(mem).toMatchObject({ points: 4, max: 97.5, last: 60, unit: "Percent" });
    expect(r.metrics.find((m) => m.id === "svc_cpu_avg")?.max).toBe(15);
    expect(r.metrics.find((m) => m.id.endsWith("_target_5xx_sum"))?.total).toBe(12);
    expect(r.issues.map((i) => i.id)).toEqual(expect.arrayContaining(["target_5xx_errors", "memory_near_limit"]));
    expect(r.metrics.some((m) => m.namespace === "ECS/ContainerInsights")).toBe(false);
  });

  test("Container Insights metrics are read only when the cluster setting enables them (enhanced adds task-level)", async () => {
    installScenario(fake, loadScenario("healthy"));
    fake.on("ecs", "DescribeClusters", (input) => {
      expect(input.include).toEqual(["SETTINGS"]);
      return { clusters: [{ clusterName: "web", settings: [{ name: "containerInsights", value: "enhanced" }] }] };
    });
    fake.on(
      "cloudwatch",
      "GetMetricData",
      metricDataHandler([
        { namespace: "ECS/ContainerInsights", metric: "TaskMemoryUtilization", dimensions: svc, points: series([99]) },
      ]),
    );
    const r = (await fetchServiceMetrics(assistant(), web))._unsafeUnwrap();
    expect(r.container_insights).toBe("enhanced");
    expect(r.metrics.find((m) => m.id === "task_mem_max")?.max).toBe(99);
    expect(r.metrics.find((m) => m.id === "ci_mem_utilized_max")?.points).toBe(0);
  });

  test("NextToken pages are followed and merged per query id", async () => {
    installScenario(fake, loadScenario("healthy"));
    fake.on(
      "cloudwatch",
      "GetMetricData",
      metricDataHandler(
        [{ namespace: "AWS/ECS", metric: "CPUUtilization", dimensions: svc, points: series([1, 2, 3, 4, 5, 6, 7]) }],
        { pageSize: 3 },
      ),
    );
    const r = (await fetchServiceMetrics(assistant(), web))._unsafeUnwrap();
    expect(fake.calls.filter((c) => c.operation === "GetMetricData").length).toBeGreaterThan(2);
    const cpu = r.metrics.find((m) => m.id === "svc_cpu_max")!;
    expect(cpu.points).toBe(7);
    expect(cpu.datapoints.map(([, v]) => v)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cpu.status).toBe("Complete");
  });

  test("no datapoints says why; a denied GetMetricData is an error naming the IAM action", async () => {
    installScenario(fake, loadScenario("healthy"));
    const empty = (await fetchServiceMetrics(assistant(), web))._unsafeUnwrap();
    expect(empty.metrics.every((m) => m.points === 0)).toBe(true);
    expect(empty.message).toContain("only while tasks are RUNNING");
    fake.fail("cloudwatch", "GetMetricData", {
      kind: "aws",
      code: "AccessDenied",
      message: "not authorized",
      status: 403,
    });
    const denied = await fetchServiceMetrics(assistant(), web);
    expect(denied.isErr()).toBe(true);
    expect(denied._unsafeUnwrapErr().hint).toContain("cloudwatch:GetMetricData");
  });

  test("time window rules are the other actions': start after end is a validation error naming the field", async () => {
    const r = await fetchServiceMetrics(assistant(), {
      ...web,
      start_time: "2026-11-25T10:00:00Z",
      end_time: "2026-11-25T09:00:00Z",
    });
    expect(r._unsafeUnwrapErr()).toMatchObject({ kind: "validation" });
    expect(fake.calls).toHaveLength(0);
  });
});

describe("diagnose reads metrics in parallel with its other round-3 calls", () => {
  test("memory at the limit before each exit 137 confirms the OOM kill with numbers; still 3 rounds deep", async () => {
    installScenario(fake, loadScenario("oom-killed"));
    const d = (await diagnose(assistant(), web))._unsafeUnwrap();
    const top = d.findings[0]!;
    expect(top.id).toBe("oom_killed");
    expect(top.title).toContain("99.5%");
    expect(top.title).toContain("1024 MiB");
    expect(top.evidence.some((e) => e.source === "metric" && e.text.includes("MemoryUtilization"))).toBe(true);
    expect(d.checks.find((c) => c.check === "metrics")?.status).toBe("ok");
    expect(d.aws_calls.critical_path).toBeLessThanOrEqual(3);
    expect(d.aws_calls.by_operation["cloudwatch:GetMetricData"]).toBe(1);
  });

  test("CPU pinned while target health checks time out is ranked above the health check symptom", async () => {
    installScenario(fake, loadScenario("healthy"));
    fake.on("elbv2", "DescribeTargetHealth", {
      TargetHealthDescriptions: [
        {
          Target: { Id: "10.0.11.23", Port: 8080 },
          HealthCheckPort: "8080",
          TargetHealth: { State: "unhealthy", Reason: "Target.Timeout", Description: "Request timed out" },
        },
      ],
    });
    fake.on(
      "cloudwatch",
      "GetMetricData",
      metricDataHandler([
        { namespace: "AWS/ECS", metric: "CPUUtilization", dimensions: svc, points: series([97, 100, 99.8, 100, 98]) },
      ]),
    );
    const d = (await diagnose(assistant(), web))._unsafeUnwrap();
    expect(d.findings[0]).toMatchObject({ id: "cpu_saturated" });
    expect(d.findings[0]!.title).toContain("100%");
    expect(d.findings.map((f) => f.id)).toContain("targets_unreachable");
  });

  test("the metrics decide: exit 137 without a reason is OOM only with them, CPU pinned is the cause only with them", async () => {
    const topWith = async (name: string, deny: boolean) => {
      fake.reset();
      installScenario(fake, loadScenario(name));
      if (deny) fake.fail("cloudwatch", "GetMetricData", { kind: "aws", code: "AccessDenied", status: 403 });
      return (await diagnose(assistant(), web))._unsafeUnwrap().findings[0]?.id;
    };
    expect(await topWith("exit-137-memory-at-limit", false)).toBe("oom_killed");
    expect(await topWith("exit-137-memory-at-limit", true)).not.toBe("oom_killed");
    expect(await topWith("cpu-saturated-health-timeouts", false)).toBe("cpu_saturated");
    expect(await topWith("cpu-saturated-health-timeouts", true)).not.toBe("cpu_saturated");
  });

  test("a denied GetMetricData fails only the metrics check", async () => {
    installScenario(fake, loadScenario("oom-killed"));
    fake.fail("cloudwatch", "GetMetricData", { kind: "aws", code: "AccessDenied", message: "no", status: 403 });
    const d = (await diagnose(assistant(), web))._unsafeUnwrap();
    expect(d.findings[0]!.id).toBe("oom_killed");
    expect(d.checks.filter((c) => c.status === "failed").map((c) => c.check)).toEqual(["metrics"]);
  });
});

test("MCP (in process): fetch_service_metrics answers with structured content and a read-only tool", async () => {
  installScenario(fake, loadScenario("oom-killed"));
  const pair = await mcpPair(assistant());
  try {
    const r = await pair.call("ecs_troubleshooting_tool", {
      action: "fetch_service_metrics",
      parameters: { ecs_service_name: "arn:aws:ecs:us-east-1:123456789012:service/web/api", time_window: 3600 },
    });
    expect(r.isError ?? false).toBe(false);
    const v = r.structuredContent as { cluster: string; metrics: { id: string; max?: number }[] };
    expect(v.cluster).toBe("web");
    expect(v.metrics.find((m) => m.id === "svc_mem_max")?.max).toBe(99.5);
  } finally {
    await pair.close();
  }
});
