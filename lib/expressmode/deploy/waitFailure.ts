// Turns a wait that did not end in success into deploy_app's failure: a deployment failure (rollback, stop, failure,
// wrong revision, managed resources) with stopped-task reasons and the diagnosis, or a timeout when time ran out.
import { type EcsError, ecsError } from "../../errors.ts";
import type { Diagnosis } from "../../troubleshoot/diagnose.ts";
import type { WaitForServiceResult } from "../service/waitForServiceReady.ts";

/** The troubleshooting diagnosis deploy_app attaches to a failed wait: its summary and first findings. */
export type WaitTroubleshooting = Pick<Diagnosis, "summary" | "findings">;
/** deploy_app's diagnosis of a failed wait: the wait's own evidence, plus the troubleshooting diagnosis when it ran. */
export type WaitDiagnosis = WaitForServiceResult & { readonly troubleshooting?: WaitTroubleshooting };

const HINTS: Record<string, string> = {
  rolled_back:
    "The new revision failed and ECS put the previous one back: the service runs the OLD version. The stopped tasks and diagnosis say why the new tasks failed; fix that and call deploy_app again.",
  rollback_failed:
    "The new revision failed and the rollback to the previous one failed too: the service may have no healthy tasks. Read the stopped tasks and diagnosis, fix, and call deploy_app again.",
  stopped: "The deployment was stopped before it finished; call deploy_app again to start a new one.",
  failed:
    "The deployment failed (there was no earlier revision to roll back to, or rollback is off). Read the stopped tasks and diagnosis, fix, and call deploy_app again.",
  config_mismatch:
    "The service is stable but runs another revision than the one requested (a rollback or a concurrent deployment replaced it). Check ecs_resource_management ListServiceDeployments, then call deploy_app again.",
  resources_failed:
    "ECS could not provision the load balancer, target group or certificate of the service; the reason is in the message. Fix it (quotas, DNS/CAA, infrastructure role permissions) and call deploy_app again.",
  service_gone: "The service was deleted or is being deleted; call deploy_app again to create it.",
};

/** deploy_app's failure record for a wait result with status timeout or failed. */
export const waitFailure = (
  w: WaitForServiceResult,
  troubleshooting: WaitTroubleshooting | undefined,
): { step: "wait"; error: EcsError; diagnosis: WaitDiagnosis } => {
  const diagnosis: WaitDiagnosis = { ...w, ...(troubleshooting ? { troubleshooting } : {}) };
  if (w.status === "timeout")
    return {
      step: "wait",
      diagnosis,
      error: ecsError("timeout", {
        operation: "wait_for_service_ready",
        afterMs: w.elapsed_seconds * 1000,
        message: w.message,
        hint: "The deployment neither finished nor failed in time (see waiting_for). Call wait_for_service_ready to keep waiting, or read the diagnosis.",
      }),
    };
  const outcome = w.outcome ?? "failed";
  return {
    step: "wait",
    diagnosis,
    error: ecsError("deployment_failed", {
      outcome,
      service: w.service_name,
      cluster: w.cluster,
      ...(w.deployment?.arn ? { deploymentArn: w.deployment.arn } : {}),
      ...(w.stopped_tasks?.length ? { stoppedTasks: w.stopped_tasks } : {}),
      ...(troubleshooting ? { diagnosis: troubleshooting } : {}),
      message: w.message,
      hint: HINTS[outcome] ?? HINTS.failed ?? "",
    }),
  };
};
