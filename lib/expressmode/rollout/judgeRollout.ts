// Decides from one poll whether a rollout succeeded, failed (and how), or is still going.
// Success = the judged deployment finished successfully, its managed resources are up, every desired task runs,
// and the running revision has what was asked for. A rollback is a failure even though the service is stable again.
import type { ServiceDeployment } from "@aws-sdk/client-ecs";
import type { DeploymentOutcome } from "../../errors.ts";
import { classicSignals } from "./classicSignals.ts";
import { configMismatches } from "./configMismatches.ts";
import { managedResourceStates } from "./managedResources.ts";
import { FAILURE_TEXT } from "./patterns.ts";
import { runningConfiguration, runningRevisionArn } from "./runningConfiguration.ts";
import type { RolloutSnapshot, RolloutTarget, RolloutVerdict } from "./types.ts";

/** Service deployment states that are not finished (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-deployment.html). */
const ONGOING = new Set(["PENDING", "IN_PROGRESS"]);

const fail = (outcome: DeploymentOutcome, message: string): RolloutVerdict => ({
  done: true,
  status: "failed",
  outcome,
  message,
});
const wait = (waiting: string): RolloutVerdict => ({ done: false, waiting });
/** The deployment's own reasons; Express canaries roll back on CloudWatch alarms, which are named. */
const why = (d: ServiceDeployment) => {
  const alarms = d.alarms?.triggeredAlarmNames ?? [];
  return [d.statusReason, d.rollback?.reason, alarms.length ? `alarms in ALARM: ${alarms.join(", ")}` : undefined]
    .filter(Boolean)
    .join("; ");
};

/** The verdict for one snapshot; see the file comment for what success means. */
export const judgeRollout = (snap: RolloutSnapshot, target: RolloutTarget): RolloutVerdict => {
  const s = snap.service;
  if (!s) return wait("service not found yet");
  if (s.status === "INACTIVE" || s.status === "DRAINING")
    return fail("service_gone", `Service is ${s.status}; it is being deleted or was deleted.`);
  const d = target.settled ? undefined : snap.deployment;
  const st = d?.status ?? "";
  const c = classicSignals(s);
  const a = target.after;
  if (
    a &&
    ((a.deploymentArn && d?.serviceDeploymentArn === a.deploymentArn) ||
      (!d && a.primaryId && c.primary?.id === a.primaryId))
  )
    return wait("waiting for the new deployment to start");
  const counts = `${s.runningCount ?? 0}/${s.desiredCount ?? 0} tasks running`;
  if (d && st === "ROLLBACK_FAILED")
    return fail("rollback_failed", `The deployment failed and so did its rollback (${why(d) || st}); ${counts}.`);
  if (d && (st.startsWith("ROLLBACK_") || d.rollback?.startedAt))
    return fail(
      "rolled_back",
      `The deployment failed and ECS ${st === "ROLLBACK_SUCCESSFUL" ? "rolled the service back" : "is rolling the service back"} to the previous revision (${st}${why(d) ? `: ${why(d)}` : ""}).`,
    );
  // A deployment with nothing to roll back to (the first one) ends STOPPED when the circuit breaker fires.
  if (d && st === "STOPPED" && (c.primaryFailed || FAILURE_TEXT.test(d.statusReason ?? "")))
    return fail("failed", `The deployment failed (${why(d) || c.primaryFailed}); ${counts}.`);
  if (d && (st === "STOPPED" || st === "STOP_REQUESTED"))
    return fail("stopped", `The deployment was stopped (${st}${why(d) ? `: ${why(d)}` : ""}); ${counts}.`);
  // DescribeServices' own view: catches rollbacks that endpoints report as a new, successful deployment.
  if (c.rollback && !target.settled)
    return fail("rolled_back", `The deployment failed and the service was rolled back: ${c.rollback}`);
  if (!d && c.rollbackByEvents && !target.settled)
    return fail("rolled_back", `The deployment failed and the service is rolling back: ${c.rollbackByEvents}`);
  if (c.primaryFailed && !ONGOING.has(st))
    return c.primaryRollingBack
      ? fail(
          "rolled_back",
          `The deployment failed and ECS is rolling the service back: ${c.primaryFailed} ${c.primaryRollingBack}`,
        )
      : fail("failed", `The deployment failed: ${c.primaryFailed}`);
  // The service events can say the deployment failed before the deployment APIs do (AWS documents no order).
  if (d && ONGOING.has(st) && c.primaryFailed)
    return c.primaryRollingBack
      ? fail(
          "rolled_back",
          `The deployment failed and ECS is rolling the service back (service events, ahead of the deployment APIs, still ${st}): ${c.primaryFailed} ${c.primaryRollingBack}`,
        )
      : fail(
          "failed",
          `The deployment failed (service events, ahead of the deployment APIs, still ${st}): ${c.primaryFailed}`,
        );
  if (d && ONGOING.has(st)) return wait(`deployment ${st}${d.lifecycleStage ? ` (${d.lifecycleStage})` : ""}`);
  if (!d && target.revisionArn && snap.deploymentApi)
    return wait("waiting for the new revision's deployment to appear");
  if (d && st !== "SUCCESSFUL") return wait(`deployment ${st || "status unknown"}`);
  if (!d && !c.complete) return wait(c.inProgress ?? c.otherFailed ?? "rollout not complete");
  if (c.primary?.rolloutState === "IN_PROGRESS") return wait(c.inProgress ?? "rollout IN_PROGRESS");
  const res = managedResourceStates(snap.revision?.ecsManagedResources);
  if (res.failed.length)
    return fail("resources_failed", `Resources ECS manages for the service failed: ${res.failed.join("; ")}.`);
  if (res.provisioning.length) return wait(`provisioning ${res.provisioning.join(", ")}`);
  const running = s.runningCount ?? 0;
  const desired = s.desiredCount ?? 0;
  if (desired === 0 || running < desired) return wait(counts);
  return judgeConfiguration(snap, target, snap.deployment, counts);
};

/** The last check: the revision that runs is the one asked for (by ARN when known, and field by field). */
const judgeConfiguration = (
  snap: RolloutSnapshot,
  target: RolloutTarget,
  d: ServiceDeployment | undefined,
  counts: string,
): RolloutVerdict => {
  const current = snap.service?.currentServiceRevisions;
  const revision = runningRevisionArn(d) ?? (current?.length === 1 ? current[0]?.arn : undefined);
  if (target.revisionArn && revision && revision !== target.revisionArn)
    return fail(
      "config_mismatch",
      `The service runs revision ${revision}, not ${target.revisionArn} that this deployment created.`,
    );
  const configs = snap.express?.activeConfigurations ?? [];
  const cfg = runningConfiguration(snap.express, revision);
  if (!cfg && target.expected && configs.length > 1) return wait(`${configs.length} active configurations (canary)`);
  const mismatches = configMismatches(cfg, target.expected);
  if (mismatches.length)
    return fail("config_mismatch", `The service does not run what was asked for: ${mismatches.join("; ")}.`);
  const unverified = target.expected && !cfg ? " (running configuration not verifiable)" : "";
  return { done: true, status: "success", message: `Service is ready: ${counts}${unverified}` };
};
