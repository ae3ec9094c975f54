// Service-level rules: circuit breaker rollbacks, placement failures, cycling tasks, stuck deployments, launch errors.
import type { Service, ServiceEvent } from "@aws-sdk/client-ecs";
import { type Finding, finding } from "../finding.ts";
import { classifyErrorText } from "./pullErrors.ts";

const STUCK_AFTER_MS = 30 * 60_000;

const ev = (e: ServiceEvent) => ({
  source: "service_event" as const,
  text: e.message ?? "",
  at: e.createdAt?.toISOString(),
});

/** Findings from a service's deployments and its (already time-filtered) events. */
export const serviceFindings = (service: Service, events: readonly ServiceEvent[], now: Date): Finding[] => {
  const out: Finding[] = [];
  const deployments = service.deployments ?? [];
  const failed = deployments.find((d) => d.rolloutState === "FAILED");
  const rollback = events.filter((e) => /deployment failed|rolling back|circuit breaker/i.test(e.message ?? ""));
  if (failed || rollback.length > 0) {
    out.push(
      finding({
        id: "circuit_breaker_rollback",
        category: "service",
        title: "Deployment failed and the circuit breaker rolled it back",
        likelihood: 0.6,
        evidence: [
          ...(failed
            ? [
                {
                  source: "deployment" as const,
                  ref: failed.id,
                  at: failed.updatedAt?.toISOString(),
                  text: `${failed.status} deployment ${failed.id} rolloutState FAILED: ${failed.rolloutStateReason ?? "no reason"} (failedTasks ${failed.failedTasks ?? 0})`,
                },
              ]
            : []),
          ...rollback.map(ev),
        ],
        explanation:
          "The deployment circuit breaker saw new tasks fail repeatedly and stopped the rollout; the tasks' own failures are the root cause.",
        fix: "Fix the task failure listed above this finding, then deploy again (a new task definition revision or a forced new deployment).",
      }),
    );
  }
  const placement = events.filter((e) => /unable to place a task/i.test(e.message ?? ""));
  if (placement.length > 0) {
    const why = placement.at(-1)?.message ?? "";
    out.push(
      finding({
        id: "placement_failed",
        category: "service",
        title: "ECS is unable to place tasks",
        likelihood: 0.87,
        evidence: placement.map(ev),
        explanation: `No capacity satisfies the task's requirements: ${/insufficient (memory|cpu)/i.test(why) ? "the container instances lack free CPU or memory" : /no container instances/i.test(why) ? "the cluster has no registered container instances" : "CPU, memory, ports, attributes or placement constraints do not fit any instance"}.`,
        fix: "Add or scale container instances (or use a capacity provider with managed scaling / Fargate), reduce the task's cpu/memory, or relax placement constraints.",
      }),
    );
  }
  const launch = events.filter((e) => /failed to launch a task|unable to assume the role/i.test(e.message ?? ""));
  if (launch.length > 0) {
    const msg = launch.at(-1)?.message ?? "";
    const cause = classifyErrorText(msg);
    const role = /assume the role/i.test(msg);
    out.push(
      finding({
        id: cause?.id ?? (role ? "role_not_assumable" : "task_launch_failed"),
        category:
          cause?.category === "network"
            ? "network"
            : role || cause?.category === "permissions"
              ? "permissions"
              : "task",
        title: cause?.title ?? (role ? "ECS cannot assume the task or execution role" : "ECS failed to launch tasks"),
        likelihood: cause?.likelihood ?? (role ? 0.93 : 0.8),
        evidence: launch.map(ev),
        explanation:
          cause?.explanation ??
          (role
            ? "The role's trust policy does not allow ecs-tasks.amazonaws.com to assume it, or the role does not exist."
            : "ECS reported an error when launching tasks for the service."),
        fix:
          cause?.fix ??
          (role
            ? 'Add a trust relationship for "Service": "ecs-tasks.amazonaws.com" to the role (and check the ARN in the task definition).'
            : "Read the error in the event and fix the task definition or account limits it names."),
      }),
    );
  }
  const started = events.filter((e) => /has started \d+ tasks?/i.test(e.message ?? ""));
  const stopped = events.filter((e) => /has stopped \d+ running tasks?/i.test(e.message ?? ""));
  if (started.length >= 3 && stopped.length >= 2) {
    out.push(
      finding({
        id: "tasks_cycling",
        category: "service",
        title: "Tasks keep starting and stopping",
        likelihood: 0.45,
        evidence: [...started.slice(-2), ...stopped.slice(-2)].map(ev),
        explanation: `The service started tasks ${started.length} times and stopped them ${stopped.length} times in the window: the tasks die or are killed soon after start.`,
        fix: "Look at the stopped tasks' stoppedReason and the container logs for why they stop.",
      }),
    );
  }
  const primary = deployments.find((d) => d.status === "PRIMARY");
  if (
    primary &&
    primary.rolloutState === "IN_PROGRESS" &&
    primary.createdAt &&
    now.getTime() - primary.createdAt.getTime() > STUCK_AFTER_MS &&
    (primary.runningCount ?? 0) < (primary.desiredCount ?? 0)
  ) {
    const minutes = Math.round((now.getTime() - primary.createdAt.getTime()) / 60_000);
    out.push(
      finding({
        id: "deployment_stuck",
        category: "service",
        title: `Deployment in progress for ${minutes} minutes without reaching the desired count`,
        likelihood: 0.5,
        evidence: [
          {
            source: "deployment",
            ref: primary.id,
            at: primary.createdAt.toISOString(),
            text: `PRIMARY ${primary.id}: running ${primary.runningCount ?? 0}/${primary.desiredCount ?? 0}, pending ${primary.pendingCount ?? 0}, failed ${primary.failedTasks ?? 0}`,
          },
        ],
        explanation:
          "The new tasks never become steady (failing, or never healthy) and no circuit breaker is stopping the rollout.",
        fix: "Enable deploymentCircuitBreaker with rollback, and fix the failing tasks named in other findings.",
      }),
    );
  }
  return out;
};
