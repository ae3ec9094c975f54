// Service-level rules: circuit breaker rollbacks, placement failures, cycling tasks, stuck deployments, launch errors.
import type { Service, ServiceEvent } from "@aws-sdk/client-ecs";
import { type Finding, finding } from "../finding.ts";
import type { FailureContext } from "./failureContext.ts";
import { unknownFailureCause } from "./failureFinding.ts";
import { healthEventFindings } from "./healthEventRules.ts";
import { parseFailure } from "./parseFailure.ts";
import { placementFailedCause } from "./placementFailedCause.ts";
import { classifyErrorText } from "./pullErrors.ts";

const STUCK_AFTER_MS = 30 * 60_000;

const placementOf = (s: Service): NonNullable<FailureContext["placement"]> => ({
  capacityProviders: [
    ...(s.capacityProviderStrategy ?? []),
    ...(s.deployments ?? []).flatMap((d) => d.capacityProviderStrategy ?? []),
  ]
    .map((x) => x.capacityProvider ?? "")
    .filter((x, i, a) => x && a.indexOf(x) === i),
  constraints: (s.placementConstraints ?? []).map((x) => `${x.type}${x.expression ? ` ${x.expression}` : ""}`),
  ...(s.desiredCount !== undefined ? { desiredCount: s.desiredCount } : {}),
  ...(s.deploymentConfiguration?.minimumHealthyPercent !== undefined
    ? { minimumHealthyPercent: s.deploymentConfiguration.minimumHealthyPercent }
    : {}),
  ...(s.deploymentConfiguration?.maximumPercent !== undefined
    ? { maximumPercent: s.deploymentConfiguration.maximumPercent }
    : {}),
});

const ev = (e: ServiceEvent) => ({
  source: "service_event" as const,
  text: e.message ?? "",
  at: e.createdAt?.toISOString(),
});

/** Findings from a service's deployments and its (already time-filtered) events. */
export const serviceFindings = (
  service: Service,
  events: readonly ServiceEvent[],
  now: Date,
  ctx: FailureContext = {},
): Finding[] => {
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
        fix: "Fix why the new tasks fail (see the stopped tasks), then deploy again (a new task definition revision or a forced new deployment).",
      }),
    );
  }
  // Placement and launch events: a start failure wrapped in "unable to place a task ... Reason: X" is X.
  const launch = events.filter((e) =>
    /unable to place a task|failed to launch a task|unable to assume the role/i.test(e.message ?? ""),
  );
  const byId = new Map<string, { cause: Omit<Finding, "evidence">; events: ServiceEvent[] }>();
  for (const e of launch) {
    const msg = e.message ?? "";
    const parsed = parseFailure(msg);
    const cause = classifyErrorText(msg, { ...ctx, placement: placementOf(service) });
    const role = /assume the role/i.test(msg);
    const body: Omit<Finding, "evidence"> = cause
      ? { ...cause, category: cause.category }
      : role
        ? {
            id: "role_not_assumable",
            category: "permissions",
            title: "ECS cannot assume the task or execution role",
            likelihood: 0.93,
            explanation:
              "The role's trust policy does not allow ecs-tasks.amazonaws.com to assume it, or the role does not exist.",
            fix: 'Add a trust relationship for "Service": "ecs-tasks.amazonaws.com" to the role (and check the ARN in the task definition).',
          }
        : /unable to place a task/i.test(msg) && !parsed.viaPlacement
          ? placementFailedCause(parsed, { ...ctx, placement: placementOf(service) })
          : unknownFailureCause(parsed);
    const seen = byId.get(body.id);
    if (seen) seen.events.push(e);
    else byId.set(body.id, { cause: body, events: [e] });
  }
  for (const { cause, events: evs } of byId.values()) out.push(finding({ ...cause, evidence: evs.map(ev) }));
  out.push(...healthEventFindings(events));
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
