// Target group rules: unhealthy targets by reason code (ResponseCodeMismatch, Timeout, FailedHealthChecks).
import type { TargetGroup, TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import { type Evidence, type Finding, finding } from "../finding.ts";

/** Health of one target group's targets. */
export interface TargetGroupHealth {
  readonly targetGroup: TargetGroup;
  readonly targets: readonly TargetHealthDescription[];
}

// Reason codes: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html#target-health-reason-codes
/** Findings for unhealthy targets, one per reason family. */
export const targetHealthFindings = (groups: readonly TargetGroupHealth[]): Finding[] => {
  const byReason = new Map<string, Evidence[]>();
  const tgOf = new Map<string, TargetGroup>();
  for (const g of groups) {
    for (const t of g.targets) {
      const h = t.TargetHealth;
      if (!h || h.State === "healthy" || h.State === "initial" || h.State === "draining") continue;
      const reason = h.Reason ?? "Unknown";
      const list = byReason.get(reason) ?? [];
      list.push({
        source: "target_health",
        ref: g.targetGroup.TargetGroupName,
        text: `target ${t.Target?.Id}:${t.Target?.Port} ${h.State} (${reason}): ${h.Description ?? ""}`.trim(),
      });
      byReason.set(reason, list);
      tgOf.set(reason, g.targetGroup);
    }
  }
  const out: Finding[] = [];
  for (const [reason, evidence] of byReason) {
    const tg = tgOf.get(reason)!;
    const check = `${tg.HealthCheckProtocol ?? "HTTP"} ${tg.HealthCheckPath ?? "/"} on port ${tg.HealthCheckPort ?? "traffic-port"}, matcher ${tg.Matcher?.HttpCode ?? "200"}`;
    if (reason === "Target.ResponseCodeMismatch") {
      out.push(
        finding({
          id: "health_check_path_wrong",
          category: "service",
          title: "Load balancer health check gets the wrong HTTP status",
          likelihood: 0.86,
          evidence,
          explanation: `The app answers the health check (${check}) but not with a success code: usually the path does not exist (404), redirects (301/302) or needs auth.`,
          fix: `Serve a cheap 200 on the health check path, or change the target group's HealthCheckPath/Matcher (Express: healthCheckPath) to a path that returns 200.`,
        }),
      );
    } else if (reason === "Target.Timeout" || reason === "Target.FailedHealthChecks") {
      out.push(
        finding({
          id: "targets_unreachable",
          category: "network",
          title: "Load balancer cannot reach the tasks on the health check port",
          likelihood: 0.74, // closer to the cause than elb_health_check_failed (0.72), the symptom it leads to
          evidence,
          explanation: `Health checks (${check}) time out or the connection fails: the app listens on another port or only on 127.0.0.1, the security group blocks the load balancer, or the app is too slow to start.`,
          fix: "Make the app listen on 0.0.0.0 and the container port, allow the load balancer's security group on that port, and raise healthCheckGracePeriodSeconds for slow starts.",
        }),
      );
    } else if (reason !== "Elb.InitialHealthChecking" && reason !== "Target.DeregistrationInProgress") {
      out.push(
        finding({
          id: "unhealthy_targets",
          category: "service",
          title: `Targets unhealthy (${reason})`,
          likelihood: 0.5,
          evidence,
          explanation: `The target group reports its targets unhealthy with ${reason}.`,
          fix: "See the reason code's description in the target group and fix the registration or health check.",
        }),
      );
    }
  }
  return out;
};
