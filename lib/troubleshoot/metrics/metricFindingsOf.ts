// diagnose's metrics rules: the numbers read against the other facts (kills, failing and timing-out health checks).

import type { Finding } from "../finding.ts";
import type { ServiceFacts } from "../gatherService.ts";
import { settledValue } from "../settle.ts";
import { inWindow, type TimeWindow } from "../timeWindow.ts";
import { metricFindings } from "./metricFindings.ts";
import type { ServiceMetrics } from "./readServiceMetrics.ts";

/** Findings from the metrics given every other fact diagnose gathered. */
export const metricFindingsOf = (m: ServiceMetrics, f: ServiceFacts, w: TimeWindow): Finding[] => {
  const svc = settledValue(f.service);
  const tds = settledValue(f.taskDefinitions) ?? [];
  const td = tds.find((t) => t.taskDefinitionArn === svc?.taskDefinition) ?? tds[0];
  const stopped = (settledValue(f.tasks) ?? []).filter(
    (t) => t.lastStatus === "STOPPED" && (!t.stoppedAt || inWindow(w, t.stoppedAt)),
  );
  const targets = (settledValue(f.targetHealth) ?? []).flatMap((g) => g.targets);
  const healthStops = stopped.filter((t) => /health checks?/i.test(t.stoppedReason ?? ""));
  return metricFindings(m, {
    stoppedTasks: stopped,
    ...(td?.memory && Number(td.memory) > 0 ? { taskMemoryMiB: Number(td.memory) } : {}),
    healthChecksFailing: healthStops.length > 0 || targets.some((t) => t.TargetHealth?.State === "unhealthy"),
    // ELB reports a slow answer as Target.Timeout; a failing container health check command usually times out too.
    targetsHealthyNow: targets.length > 0 && targets.every((t) => t.TargetHealth?.State === "healthy"),
    healthCheckTimeouts:
      targets.some((t) => t.TargetHealth?.Reason === "Target.Timeout") ||
      healthStops.some((t) => /container health checks|timed? ?out/i.test(t.stoppedReason ?? "")),
  });
};
