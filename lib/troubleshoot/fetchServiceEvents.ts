// fetch_service_events: a service's events in the window (deduplicated), its deployments, and the issues they show.

import type { Service } from "@aws-sdk/client-ecs";
import { errAsync, okAsync, type ResultAsync, safeTry } from "neverthrow";
import type { EcsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { dedupeEvents, type EventLine } from "./detectors/dedupeEvents.ts";
import { serviceFindings } from "./detectors/serviceRules.ts";
import { targetHealthFindings } from "./detectors/targetHealthRules.ts";
import { type Finding, rankFindings } from "./finding.ts";
import { describeService, describeTargetHealth } from "./gatherService.ts";
import { resolveService } from "./resolveService.ts";
import type { ActionParams } from "./schemas.ts";
import { type CheckReport, report, settle } from "./settle.ts";
import { inWindow, resolveTimeWindow } from "./timeWindow.ts";

/** Result of fetch_service_events. */
export interface ServiceEvents {
  readonly status: "success";
  readonly service_exists: boolean;
  readonly cluster: string;
  readonly service: string;
  readonly window: { start: string; end: string };
  /** Oldest first; repeats collapsed with a count. */
  readonly events: EventLine[];
  readonly deployments?: Record<string, unknown>[];
  readonly counts?: { desired?: number; running?: number; pending?: number };
  readonly issues: Finding[];
  readonly checks: CheckReport[];
  readonly message: string;
}

/** Compact deployment lines of a service. */
export const deploymentLines = (s: Service) =>
  (s.deployments ?? []).map((d) => ({
    id: d.id,
    status: d.status,
    task_definition: d.taskDefinition?.split("/").at(-1),
    rollout_state: d.rolloutState,
    rollout_state_reason: d.rolloutStateReason,
    desired: d.desiredCount,
    running: d.runningCount,
    pending: d.pendingCount,
    failed_tasks: d.failedTasks,
    created_at: d.createdAt?.toISOString(),
    updated_at: d.updatedAt?.toISOString(),
  }));

/** Events come from DescribeServices (ECS keeps the last 100); target health is read when there is a load balancer. */
export const fetchServiceEvents = (
  p: ActionParams["fetch_service_events"],
  ctx: ToolContext,
): ResultAsync<ServiceEvents, EcsError> =>
  safeTry(async function* () {
    const w = yield* resolveTimeWindow(p);
    const t = yield* resolveService(p, ctx);
    const window = { start: w.start.toISOString(), end: w.end.toISOString() };
    // A missing service is an answer (service_exists: false), not an error.
    const s = yield* describeService(ctx, t)
      .map((found): Service | undefined => found)
      .orElse((e) => (e.kind === "not_found" ? okAsync(undefined) : errAsync(e)));
    if (!s) {
      return okAsync<ServiceEvents, EcsError>({
        status: "success",
        service_exists: false,
        cluster: t.cluster,
        service: t.service,
        window,
        events: [],
        issues: [],
        checks: [],
        message: `Service '${t.service}' not found in cluster '${t.cluster}'`,
      });
    }
    const events = (s.events ?? []).filter((e) => inWindow(w, e.createdAt));
    const tgArns = (s.loadBalancers ?? []).map((l) => l.targetGroupArn).filter((a): a is string => Boolean(a));
    const th = tgArns.length > 0 ? await settle(describeTargetHealth(ctx, tgArns)) : undefined;
    const lines = dedupeEvents(events);
    const issues: Finding[] = [...serviceFindings(s, events, w.end), ...(th?.ok ? targetHealthFindings(th.value) : [])];
    return okAsync<ServiceEvents, EcsError>({
      status: "success",
      service_exists: true,
      cluster: t.cluster,
      service: s.serviceName ?? t.service,
      window,
      events: lines,
      deployments: deploymentLines(s),
      counts: { desired: s.desiredCount, running: s.runningCount, pending: s.pendingCount },
      issues: rankFindings(issues),
      checks: th ? [report("target_health", th)] : [],
      message: lines.length
        ? `Found ${events.length} events (${lines.length} distinct) for service '${t.service}' in the specified time window`
        : `No events found for service '${t.service}' in the specified time window`,
    });
  });
