// Slow start vs. the health check window: tasks stopped for failing ELB health checks, while the app's own logs show
// it needs longer to start than the service allows (healthCheckGracePeriodSeconds + interval x unhealthy threshold).
// Only a start-up time read from the logs counts; without one the rule says nothing.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_definition_parameters.html (healthCheckGracePeriodSeconds)
import type { Task, TaskDefinition } from "@aws-sdk/client-ecs";
import type { TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import { type Finding, finding } from "../finding.ts";
import type { LogLine } from "./logPatterns.ts";

/** Start-up complete lines that state their own duration (Spring Boot, Quarkus, Micronaut, Nest, generic). */
const STARTED = [
  /Started \S+ in (\d+(?:\.\d+)?) seconds/,
  /started in (\d+(?:\.\d+)?)s\b/i,
  /Startup completed in (\d+)ms/i,
  /start(?:ed|up)? (?:took|in) (\d+(?:\.\d+)?) ?(ms|s|seconds)\b/i,
];

const secondsOf = (l: LogLine): number | undefined => {
  for (const re of STARTED) {
    const m = re.exec(l.message);
    if (!m) continue;
    const v = Number(m[1]);
    return /ms/i.test(m[2] ?? "") || /completed in \d+ms/i.test(l.message) ? v / 1000 : v;
  }
  return undefined;
};

/** What the rule needs beyond the findings. */
export interface SlowStartFacts {
  readonly tasks: readonly Task[];
  readonly logs: readonly LogLine[];
  readonly gracePeriodSeconds?: number;
  readonly targetGroups?: readonly TargetGroup[];
  readonly taskDefinition?: TaskDefinition;
}

/** Adds health_check_grace_too_short when a measured start-up exceeds the health check window. */
export const slowStartRule = (f: SlowStartFacts): Finding[] => {
  const killed = f.tasks.filter((t) => /failed ELB health checks/i.test(t.stoppedReason ?? ""));
  const tg = f.targetGroups?.[0];
  if (killed.length === 0 || !tg) return [];
  const measured = f.logs
    .map((l) => ({ l, s: secondsOf(l) }))
    .filter((x): x is { l: LogLine; s: number } => x.s !== undefined);
  if (measured.length === 0) return [];
  const slowest = measured.reduce((a, b) => (b.s > a.s ? b : a));
  const grace = f.gracePeriodSeconds ?? 0;
  const interval = tg.HealthCheckIntervalSeconds ?? 30;
  const threshold = tg.UnhealthyThresholdCount ?? 2;
  const window = grace + interval * threshold;
  if (slowest.s <= window) return [];
  const need = Math.ceil((slowest.s * 1.5) / 10) * 10;
  // A container health check's startPeriod is often mistaken for the load balancer's grace period.
  const startPeriod = f.taskDefinition?.containerDefinitions?.find((c) => c.healthCheck?.startPeriod)?.healthCheck
    ?.startPeriod;
  const note =
    startPeriod !== undefined
      ? ` The container health check's startPeriod (${startPeriod} s) does not apply to the load balancer's checks.`
      : "";
  return [
    finding({
      id: "health_check_grace_too_short",
      category: "service",
      title: `The app needs ~${Math.round(slowest.s)} s to start, but ECS judges it after ${window} s`,
      likelihood: 0.9,
      evidence: [
        { source: "log", ref: slowest.l.stream, at: slowest.l.timestamp, text: slowest.l.message },
        {
          source: "network_rule",
          ref: tg.TargetGroupArn,
          text: `healthCheckGracePeriodSeconds ${grace}; target group interval ${interval}s x unhealthy threshold ${threshold}`,
        },
        ...killed.slice(0, 2).map((t) => ({ source: "task" as const, ref: t.taskArn, text: t.stoppedReason ?? "" })),
      ],
      explanation: `The logs show a start-up taking ${slowest.s} s ("${slowest.l.message.slice(0, 120)}"), while the service's healthCheckGracePeriodSeconds is ${grace} and the target group marks a target unhealthy after ${interval} s x ${threshold} failed checks: a new task is judged after ${window} s (${window} s window), before it listens, and ECS replaces it.${note}`,
      fix: `Set healthCheckGracePeriodSeconds on the service to at least ${need} (about 1.5 x the start-up time), or make the app start faster (lazy initialisation, more CPU at start); a longer health check interval or unhealthy threshold on the target group also widens the window.`,
    }),
  ];
};
