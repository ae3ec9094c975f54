// Findings the CloudWatch numbers support: OOM confirmed or ruled out, CPU pinned under failing health checks, 5xx.
import type { Task } from "@aws-sdk/client-ecs";
import { taskIdOf } from "../describeTasks.ts";
import { type Evidence, type Finding, finding } from "../finding.ts";
import { labelOf, type Peak, peakOf } from "./peakOf.ts";
import type { ServiceMetrics } from "./readServiceMetrics.ts";

/** What else diagnose knows, so the numbers can confirm or rule out a cause. */
export interface MetricContext {
  /** Stopped tasks in the window. */
  readonly stoppedTasks?: readonly Task[];
  /** Task-level memory of the running task definition, MiB. */
  readonly taskMemoryMiB?: number;
  /** Load balancer or container health checks are failing (a finding says so). */
  readonly healthChecksFailing?: boolean;
  /** The failures are timeouts (Target.Timeout, "timed out"), not wrong answers. */
  readonly healthCheckTimeouts?: boolean;
  /** Every registered target is healthy at the time of the diagnosis. */
  readonly targetsHealthyNow?: boolean;
}

/** At or above this percent of the task's memory or CPU a resource counts as at its limit. */
export const AT_LIMIT = 90;
/** Below this percent before an exit 137, memory did not cause the kill. */
export const WELL_BELOW = 60;
const MEMORY = ["task_mem_max", "svc_mem_max"];
const CPU = ["task_cpu_max", "svc_cpu_max"];
const BEFORE_STOP_MS = 15 * 60_000;

const pct = (x: number) => `${Math.round(x * 10) / 10}%`;
const ev = (p: Peak, period: number, what: string): Evidence => ({
  source: "metric",
  ref: p.series.spec.id,
  at: p.at.toISOString(),
  text: `${labelOf(p.series, period)} ${what} ${pct(p.value)} at ${p.at.toISOString()}`,
});

/** Tasks a container of which was SIGKILLed (137) or OOM-killed, and not stopped on purpose by a deployment. */
const killed = (tasks: readonly Task[]) =>
  tasks.flatMap((t) => {
    const c = (t.containers ?? []).find((x) => x.exitCode === 137 || /OutOfMemory/i.test(x.reason ?? ""));
    const onPurpose = /Scaling activity|deployment|UserInitiated|stopped by user/i.test(t.stoppedReason ?? "");
    if (!c || !t.stoppedAt || (onPurpose && !/OutOfMemory/i.test(c.reason ?? ""))) return [];
    return [{ task: t, container: c, at: t.stoppedAt }];
  });

const memoryFindings = (m: ServiceMetrics, x: MetricContext): Finding[] => {
  const kills = killed(x.stoppedTasks ?? []);
  const out: Finding[] = [];
  for (const k of kills) {
    const p = peakOf(m.series, MEMORY, {
      from: new Date(k.at.getTime() - BEFORE_STOP_MS),
      to: new Date(k.at.getTime() + m.period_seconds * 1000),
    });
    if (!p) continue;
    const stop: Evidence = {
      source: "task",
      ref: taskIdOf(k.task.taskArn ?? ""),
      at: k.at.toISOString(),
      text: `container ${k.container.name} exited ${k.container.exitCode ?? "?"}${k.container.reason ? ` (${k.container.reason})` : ""}`,
    };
    const limit = x.taskMemoryMiB ? ` of the task's ${x.taskMemoryMiB} MiB` : " of the task's memory";
    if (p.value >= AT_LIMIT) {
      out.push(
        finding({
          id: "oom_killed",
          category: "task",
          title: `Container ${k.container.name} ran out of memory: ${pct(p.value)}${limit} just before exit 137`,
          likelihood: 0.95,
          evidence: [ev(p, m.period_seconds, "peaked at"), stop],
          explanation: `Memory use reached ${pct(p.value)}${limit} in the ${BEFORE_STOP_MS / 60_000} minutes before the container was killed with exit 137: the kernel OOM killer stopped it.`,
          fix: `Raise the task memory${x.taskMemoryMiB ? ` above ${x.taskMemoryMiB} MiB (e.g. ${x.taskMemoryMiB * 2} MiB)` : ""} and any container memory hard limit, or lower the app's heap/worker count (NODE_OPTIONS=--max-old-space-size, JVM -XX:MaxRAMPercentage, fewer gunicorn workers).`,
        }),
      );
    } else if (p.value < WELL_BELOW && k.container.exitCode === 137 && !/OutOfMemory/i.test(k.container.reason ?? "")) {
      out.push(
        finding({
          id: "sigkill",
          category: "task",
          title: `Container ${k.container.name} was killed (exit 137) while memory stayed at ${pct(p.value)}`,
          // Just above the task rule's sigkill (0.55): the same cause, now with memory ruled out, so this text is kept.
          likelihood: 0.56,
          evidence: [ev(p, m.period_seconds, "was at most"), stop],
          explanation: `Memory peaked at ${pct(p.value)}${limit} before the kill, so it was not the OOM killer: exit 137 is SIGKILL after the container ignored SIGTERM for stopTimeout (the task was being stopped).`,
          fix: "See why the task was stopped (its stoppedReason: health checks, deployment), make the app exit on SIGTERM, and raise stopTimeout if shutdown is slow.",
        }),
      );
    }
  }
  if (out.length === 0) {
    const p = peakOf(m.series, MEMORY);
    if (p && p.value >= AT_LIMIT) {
      out.push(
        finding({
          id: "memory_near_limit",
          category: "task",
          title: `Memory reached ${pct(p.value)} of the task's limit`,
          likelihood: 0.4,
          evidence: [ev(p, m.period_seconds, "peaked at")],
          explanation: "A task used nearly all of its memory; one more spike gets it OOM-killed (exit 137).",
          fix: "Raise the task memory or reduce the app's memory use before it is killed.",
        }),
      );
    }
  }
  return out;
};

const cpuFinding = (m: ServiceMetrics, x: MetricContext): Finding[] => {
  const p = peakOf(m.series, CPU, { over: AT_LIMIT });
  if (!p || p.value < AT_LIMIT || p.over < Math.min(3, p.points)) return [];
  const onHealth = Boolean(x.healthChecksFailing);
  const latency = peakOf(
    m.series,
    m.series.filter((s) => s.spec.id.endsWith("_response_time_p99")).map((s) => s.spec.id),
  );
  return [
    finding({
      id: "cpu_saturated",
      category: "task",
      title: onHealth
        ? `CPU pinned at ${pct(p.value)} while health checks fail`
        : `CPU at ${pct(p.value)} of the task's CPU for ${p.over} datapoints`,
      likelihood: onHealth ? (x.healthCheckTimeouts ? 0.9 : 0.78) : 0.45,
      evidence: [
        ev(p, m.period_seconds, `reached ${AT_LIMIT}%+ in ${p.over} of ${p.points} datapoints, peak`),
        ...(latency
          ? [
              {
                ...ev(latency, m.period_seconds, "peaked at"),
                text: `${labelOf(latency.series, m.period_seconds)} peaked at ${latency.value} s`,
              },
            ]
          : []),
      ],
      explanation: onHealth
        ? "The task used all the CPU it reserves, so the app answers health checks too slowly and they time out; the load balancer or ECS then replaces the task, which starts busy again."
        : "The service runs at its CPU reservation; requests queue and slow down.",
      fix: "Give the task more CPU (task-level cpu, e.g. the next Fargate size) or scale out (desired count, target-tracking on CPUUtilization); raise the health check timeout/interval and healthCheckGracePeriodSeconds if start-up is CPU-heavy.",
    }),
  ];
};

const elbFindings = (m: ServiceMetrics, x: MetricContext): Finding[] => {
  const out: Finding[] = [];
  // Healthy now, unhealthy earlier in the window: the failure comes and goes (load, slow dependencies, restarts).
  for (const s of x.targetsHealthyNow ? m.series.filter((y) => y.spec.id.endsWith("_unhealthy_max")) : []) {
    const p = peakOf([s], [s.spec.id]);
    if (!p || p.value <= 0) continue;
    const periods = s.values.filter((v) => v > 0).length;
    out.push(
      finding({
        id: "targets_flapping",
        category: "service",
        title: `Targets are healthy now but ${p.value} were unhealthy earlier (${periods} of ${s.values.length} periods)`,
        likelihood: 0.45,
        evidence: [
          {
            ...ev(p, m.period_seconds, "peaked at"),
            text: `${labelOf(s, m.period_seconds)} peaked at ${p.value} at ${p.at.toISOString()}; all targets healthy now`,
          },
        ],
        explanation:
          "The load balancer marked targets unhealthy during the window and they recovered: an intermittent cause (load spikes, slow dependencies, long garbage collection, restarts) rather than a fixed misconfiguration.",
        fix: `Look at CPU, memory and the app's logs around ${p.at.toISOString()}; raise the health check timeout or unhealthy threshold if the app pauses briefly under load.`,
      }),
    );
  }
  for (const s of m.series.filter((x) => x.spec.id.endsWith("_target_5xx_sum"))) {
    const total = s.values.reduce((a, b) => a + b, 0);
    const p = peakOf([s], [s.spec.id]);
    if (!p || total <= 0) continue;
    out.push(
      finding({
        id: "target_5xx_errors",
        category: "service",
        title: `Targets answered ${total} requests with HTTP 5xx (${s.spec.dimensions.TargetGroup})`,
        likelihood: 0.5,
        evidence: [
          {
            ...ev(p, m.period_seconds, "peaked at"),
            text: `${labelOf(s, m.period_seconds)}: ${total} in the window, peak ${p.value} at ${p.at.toISOString()}`,
          },
        ],
        explanation:
          "The app itself returned 5xx responses (HTTPCode_Target_5XX_Count counts responses generated by the targets, not by the load balancer).",
        fix: `Read the app's logs around ${p.at.toISOString()} for the exception behind the 5xx responses.`,
      }),
    );
  }
  for (const s of m.series.filter((x) => x.spec.id.endsWith("_elb_5xx_sum"))) {
    const total = s.values.reduce((a, b) => a + b, 0);
    const p = peakOf([s], [s.spec.id]);
    if (!p || total <= 0) continue;
    out.push(
      finding({
        id: "lb_5xx_errors",
        category: "service",
        title: `The load balancer itself generated HTTP 5xx for ${total} requests (${s.spec.dimensions.LoadBalancer})`,
        likelihood: 0.45,
        evidence: [
          {
            ...ev(p, m.period_seconds, "peaked at"),
            text: `${labelOf(s, m.period_seconds)}: ${total} in the window, peak ${p.value} at ${p.at.toISOString()}`,
          },
        ],
        explanation:
          "HTTPCode_ELB_5XX_Count counts 502/503/504 generated by the load balancer: no healthy target (503), a target that closed the connection (502) or timed out (504).",
        fix: "Check target health at that time and the app's keep-alive timeout (it must be longer than the load balancer idle timeout).",
      }),
    );
  }
  return out;
};

/** Every finding the metrics support; diagnose adds `context` so the numbers can confirm or rule out task causes. */
export const metricFindings = (m: ServiceMetrics, context: MetricContext): Finding[] => [
  ...memoryFindings(m, context),
  ...cpuFinding(m, context),
  ...elbFindings(m, context),
];
