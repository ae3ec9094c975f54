// Slow start vs. the health check window: tasks stopped for failing ELB health checks (window = the service's
// healthCheckGracePeriodSeconds + target group interval x unhealthy threshold) or container health checks (window =
// startPeriod + interval x retries), while the app's own logs show it needs longer to start.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_definition_parameters.html (healthCheckGracePeriodSeconds)
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html (startPeriod, interval, retries)
import type { Task, TaskDefinition } from "@aws-sdk/client-ecs";
import type { TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import { type Evidence, type Finding, finding } from "../finding.ts";
import type { LogLine } from "./logPatterns.ts";
import { type StartupEvidence, startupEvidence } from "./startupEvidence.ts";

/** What the rule needs beyond the findings. */
export interface SlowStartFacts {
  readonly tasks: readonly Task[];
  readonly logs: readonly LogLine[];
  readonly gracePeriodSeconds?: number;
  readonly targetGroups?: readonly TargetGroup[];
  readonly taskDefinition?: TaskDefinition;
}

const shown = (e: StartupEvidence) =>
  e.kind === "measured"
    ? `The logs show a start-up taking ${e.seconds} s ("${e.line.message.slice(0, 120)}")`
    : `${e.tasks === 1 ? "The stopped task was" : `All ${e.tasks} stopped tasks were`} still starting when ECS stopped ${e.tasks === 1 ? "it" : "them"}: after ${e.seconds} s the last log line was a start-up step ("${e.line.message.slice(0, 120)}"), with no error and no ready line`;

const evidenceOf = (e: StartupEvidence, rule: string, killed: readonly Task[]): Evidence[] => [
  { source: "log", ref: e.line.stream, at: e.line.timestamp, text: e.line.message },
  { source: "network_rule", text: rule },
  ...killed.slice(0, 2).map((t) => ({ source: "task" as const, ref: t.taskArn, text: t.stoppedReason ?? "" })),
];

/** Adds health_check_grace_too_short when the app's start-up exceeds the window it is judged in. */
export const slowStartRule = (f: SlowStartFacts): Finding[] => {
  const elb = f.tasks.filter((t) => /failed ELB health checks/i.test(t.stoppedReason ?? ""));
  const tg = f.targetGroups?.[0];
  if (elb.length > 0 && tg) {
    const grace = f.gracePeriodSeconds ?? 0;
    const interval = tg.HealthCheckIntervalSeconds ?? 30;
    const threshold = tg.UnhealthyThresholdCount ?? 2;
    const window = grace + interval * threshold;
    const e = startupEvidence(f.logs, elb, window);
    if (!e || (e.kind === "measured" && e.seconds <= window)) return [];
    const need = Math.ceil((Math.max(e.seconds, window) * 1.5) / 10) * 10;
    // A container health check's startPeriod is often mistaken for the load balancer's grace period.
    const sp = f.taskDefinition?.containerDefinitions?.find((c) => c.healthCheck?.startPeriod)?.healthCheck
      ?.startPeriod;
    const note =
      sp !== undefined
        ? ` The container health check's startPeriod (${sp} s) does not apply to the load balancer's checks.`
        : "";
    return [
      finding({
        id: "health_check_grace_too_short",
        category: "service",
        title: `The app needs ${e.kind === "measured" ? `~${Math.round(e.seconds)} s` : "longer"} to start than the ${window} s ECS gives it before load balancer checks count`,
        likelihood: e.kind === "measured" ? 0.9 : 0.84,
        evidence: evidenceOf(
          e,
          `healthCheckGracePeriodSeconds ${grace}; target group interval ${interval}s x unhealthy threshold ${threshold}`,
          elb,
        ),
        explanation: `${shown(e)}, while the service's healthCheckGracePeriodSeconds is ${grace} and the target group marks a target unhealthy after ${interval} s x ${threshold} failed checks: a new task is judged after ${window} s, before it listens, and ECS replaces it.${note}`,
        fix: `Set healthCheckGracePeriodSeconds on the service to at least ${need} (about 1.5 x the start-up time), or make the app start faster (lazy initialisation, more CPU at start); a longer health check interval or unhealthy threshold on the target group also widens the window.`,
      }),
    ];
  }
  const own = f.tasks.filter((t) => /failed container health checks/i.test(t.stoppedReason ?? ""));
  const c = f.taskDefinition?.containerDefinitions?.find((x) => x.healthCheck?.command?.length);
  if (own.length === 0 || !c?.healthCheck) return [];
  const { startPeriod = 0, interval = 30, retries = 3 } = c.healthCheck;
  const window = startPeriod + interval * retries;
  const e = startupEvidence(f.logs, own, window);
  if (!e || (e.kind === "measured" && e.seconds <= window)) return [];
  const need = Math.min(300, Math.ceil((Math.max(e.seconds, window) * 1.5) / 10) * 10);
  return [
    finding({
      id: "health_check_grace_too_short",
      category: "task",
      title: `The app needs ${e.kind === "measured" ? `~${Math.round(e.seconds)} s` : "longer"} to start than its container health check allows (${window} s)`,
      likelihood: e.kind === "measured" ? 0.9 : 0.84,
      evidence: evidenceOf(
        e,
        `container ${c.name} healthCheck startPeriod ${startPeriod}s, interval ${interval}s x retries ${retries}`,
        own,
      ),
      explanation: `${shown(e)}, while the container health check of ${c.name} starts counting failures after startPeriod ${startPeriod} s and marks the container unhealthy after ${retries} failures ${interval} s apart: it is judged after about ${window} s, before the app is up, and ECS replaces the task.`,
      fix: `Raise healthCheck.startPeriod of ${c.name} to at least ${need} s (the maximum is 300), or make the app start faster; more retries or a longer interval also widen the window.`,
    }),
  ];
};
