// wait_for_service_ready: polls a service until its deployment completes, fails, or the bounded timeout passes.
import type { Deployment, Service } from "@aws-sdk/client-ecs";
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type EcsError, isTransient } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { pollingOf } from "../options.ts";
import { sleep } from "../util/sleep.ts";
import { serviceUrl } from "./serviceUrl.ts";
import { type StoppedTask, stoppedTasks } from "./stoppedTasks.ts";

/** Input of wait_for_service_ready (reference names). */
export interface WaitForServiceInput {
  readonly cluster: string;
  readonly service_name: string;
  readonly timeout_seconds?: number;
}

/** The result: reference `status`/`message` plus counts, URL and, on failure, what went wrong. */
export interface WaitForServiceResult {
  readonly status: "success" | "timeout" | "failed";
  readonly message: string;
  readonly cluster: string;
  readonly service_name: string;
  readonly running_count?: number;
  readonly desired_count?: number;
  readonly pending_count?: number;
  readonly rollout_state?: string;
  readonly elapsed_seconds: number;
  readonly polls: number;
  readonly url?: string;
  readonly events?: { created_at?: string; message?: string }[];
  readonly stopped_tasks?: StoppedTask[];
}

/** Tasks that failed in the current deployment before we call it "stopping repeatedly". */
export const REPEATED_FAILURES = 3;
const MISSING_POLLS = 3;

type Verdict = { done: false } | { done: true; status: WaitForServiceResult["status"]; message: string };

/** Decides from one DescribeServices answer: ready, failed, or keep waiting. */
export const judge = (s: Service): Verdict => {
  const primary: Deployment | undefined = s.deployments?.find((d) => d.status === "PRIMARY") ?? s.deployments?.[0];
  const running = s.runningCount ?? 0;
  const desired = s.desiredCount ?? 0;
  if (s.status === "INACTIVE" || s.status === "DRAINING")
    return { done: true, status: "failed", message: `Service is ${s.status}; it is being deleted or was deleted.` };
  if (primary?.rolloutState === "FAILED")
    return {
      done: true,
      status: "failed",
      message: `Deployment failed${primary.rolloutStateReason ? `: ${primary.rolloutStateReason}` : ""} (circuit breaker rollback or failed rollout).`,
    };
  // Events of an earlier (e.g. previously failed) deployment must not fail the current one.
  const since = primary?.createdAt?.getTime();
  const rolledBack = s.events
    ?.slice(0, 5)
    .find(
      (e) =>
        /circuit breaker|rolling back/i.test(e.message ?? "") &&
        !(since !== undefined && e.createdAt && e.createdAt.getTime() < since),
    );
  if (rolledBack) return { done: true, status: "failed", message: `Deployment is rolling back: ${rolledBack.message}` };
  if ((primary?.failedTasks ?? 0) >= REPEATED_FAILURES && running < desired)
    return {
      done: true,
      status: "failed",
      message: `Tasks are stopping repeatedly: ${primary?.failedTasks} tasks failed in the current deployment and ${running}/${desired} are running.`,
    };
  const completed = primary?.rolloutState ? primary.rolloutState === "COMPLETED" : (s.deployments?.length ?? 0) <= 1;
  if (completed && running === desired && desired > 0)
    return { done: true, status: "success", message: `Service is ready with ${running} running task(s)` };
  return { done: false };
};

/**
 * Waits for a service deployment to finish. Unlike the reference (first RUNNING task = ready, errors swallowed
 * until timeout), readiness means running == desired with a COMPLETED rollout, and failure signs end the wait early.
 */
export const waitForServiceReady = (
  input: WaitForServiceInput,
  ctx: ToolContext,
): ResultAsync<WaitForServiceResult, EcsError> => {
  const { cluster, service_name } = input;
  const timeoutMs = (input.timeout_seconds ?? 300) * 1000;
  const interval = pollingOf(ctx.express).serviceIntervalMs;
  const started = Date.now();
  let missing = 0;
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  const finish = (
    status: WaitForServiceResult["status"],
    message: string,
    polls: number,
    s?: Service,
  ): ResultAsync<WaitForServiceResult, EcsError> => {
    const primary = s?.deployments?.find((d) => d.status === "PRIMARY");
    const base: WaitForServiceResult = {
      status,
      message,
      cluster,
      service_name,
      running_count: s?.runningCount,
      desired_count: s?.desiredCount,
      pending_count: s?.pendingCount,
      rollout_state: primary?.rolloutState,
      elapsed_seconds: elapsed(),
      polls,
    };
    if (status === "success") return serviceUrl(ctx, s?.serviceArn).map((url) => (url ? { ...base, url } : base));
    const events = (s?.events ?? [])
      .slice(0, 5)
      .map((e) => ({ created_at: e.createdAt?.toISOString(), message: e.message }));
    return stoppedTasks(ctx, cluster, service_name).map((stopped_tasks) => ({ ...base, events, stopped_tasks }));
  };
  const poll = (n: number): ResultAsync<WaitForServiceResult, EcsError> =>
    ctx
      .aws("ecs", "DescribeServices", { cluster, services: [service_name] }, { signal: ctx.signal })
      .map((o) => ({ service: o.services?.[0], transient: undefined as EcsError | undefined }))
      .orElse((e) => (isTransient(e) ? okAsync({ service: undefined, transient: e }) : errAsync(e)))
      .andThen(({ service, transient }) => {
        if (service) missing = 0;
        else if (!transient) missing += 1;
        if (missing >= MISSING_POLLS)
          return finish("failed", `Service ${service_name} was not found in cluster ${cluster}.`, n);
        const verdict = service ? judge(service) : ({ done: false } as Verdict);
        ctx.progress({
          progress: service?.runningCount ?? 0,
          total: service?.desiredCount,
          message: service
            ? `${service_name}: ${service.runningCount ?? 0}/${service.desiredCount ?? 0} running, ${service.pendingCount ?? 0} pending, rollout ${service.deployments?.[0]?.rolloutState ?? "?"} (${elapsed()}s)`
            : `${service_name}: ${transient ? `poll failed (${transient.message}), retrying` : "not found yet"} (${elapsed()}s)`,
        });
        if (verdict.done) return finish(verdict.status, verdict.message, n, service);
        if (Date.now() - started + interval > timeoutMs)
          return finish("timeout", `Timeout after ${elapsed()}s - service not ready`, n, service);
        return sleep(interval, ctx.signal, `wait_for_service_ready ${service_name}`).andThen(() => poll(n + 1));
      });
  return poll(1);
};
