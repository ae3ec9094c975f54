// Target group rules: unhealthy targets by reason code (ResponseCodeMismatch, Timeout, FailedHealthChecks).
import type { TargetGroup, TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import { type Evidence, type Finding, finding } from "../finding.ts";
import { grpcLabel, grpcStatusMeaning } from "./grpcStatusMeaning.ts";

/** Health of one target group's targets. */
export interface TargetGroupHealth {
  readonly targetGroup: TargetGroup;
  readonly targets: readonly TargetHealthDescription[];
}

const codesOf = (evidence: readonly Evidence[]): string[] => [
  ...new Set(
    evidence.flatMap(
      (e) =>
        /codes: \[([^\]]*)\]/
          .exec(e.text)?.[1]
          ?.split(/[,\s]+/)
          .filter(Boolean) ?? [],
    ),
  ),
];

/** What a health-check status means and how to fix it (the 400 of a Host check is not a missing path). */
export const statusMeaning = (codes: readonly string[]): { id: string; why: string; fix: string } => {
  const c = codes[0] ?? "";
  if (c === "400" || c === "421")
    return {
      id: "health_check_host_rejected",
      why: "a 400 to a health check usually means the app validates the Host header and rejects the one the load balancer sends (the task's private IP): Django ALLOWED_HOSTS (DisallowedHost), Rails config.hosts (HostAuthorization), or another host allow-list.",
      fix: "Let the health check through the host check: add the task's private IP / VPC range to the allow-list at start (e.g. Django ALLOWED_HOSTS from the ECS task metadata), or answer the health path before host validation (a middleware ahead of it; Rails config.host_authorization exclude for the health path). Keep the matcher at 200.",
    };
  if (c === "403")
    return {
      id: "health_check_status_mismatch",
      why: "403 means the app refuses the request: authentication/authorization on the health path, a WAF-like filter, or a host allow-list (Rails answers blocked hosts with 403).",
      fix: "Exempt the health check path from authentication and host checks (Rails: config.host_authorization exclude), or point HealthCheckPath at an unauthenticated endpoint returning 200.",
    };
  if (c === "404")
    return {
      id: "health_check_path_wrong",
      why: "404 means the health check path does not exist in the app.",
      fix: "Serve a cheap 200 on the health check path, or change the target group's HealthCheckPath (Express: healthCheckPath) to a path that returns 200.",
    };
  if (/^30[1278]$/.test(c))
    return {
      id: "health_check_redirect",
      why: `${c} means the app redirects the health check (HTTP to HTTPS, a missing trailing slash, or a login page).`,
      fix: "Exempt the health path from the HTTPS/login redirect (or use the exact path with its trailing slash), or accept the redirect code in the matcher only if the redirect is intended.",
    };
  if (c === "401")
    return {
      id: "health_check_status_mismatch",
      why: "401 means the health path requires authentication.",
      fix: "Exempt the health check path from authentication, or use an unauthenticated path.",
    };
  if (/^5\d\d$/.test(c))
    return {
      id: "health_check_app_error",
      why: `${c} means the app fails while answering the health check (an exception, or a dependency the health path checks is down); its logs show why.`,
      fix: "Read the app's error for the health path in its logs (fetch_task_logs) and fix it; keep the health path free of slow or optional dependencies.",
    };
  return {
    id: "health_check_path_wrong",
    why: "the path may not exist, redirect or need auth.",
    fix: "Serve a cheap 200 on the health check path, or change the target group's HealthCheckPath/Matcher (Express: healthCheckPath) to a path that returns 200.",
  };
};

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
    // HTTP matchers take 200-499: codes below 100 are gRPC statuses even if ProtocolVersion was not read.
    const grpc =
      tg.ProtocolVersion === "GRPC" ||
      (codesOf(evidence).length > 0 && codesOf(evidence).every((c) => Number(c) < 100));
    const check = grpc
      ? `gRPC ${tg.HealthCheckPath ?? "/AWS.ALB/healthcheck"} on port ${tg.HealthCheckPort ?? "traffic-port"}, matcher GrpcCode ${tg.Matcher?.GrpcCode ?? "12"}`
      : `${tg.HealthCheckProtocol ?? "HTTP"} ${tg.HealthCheckPath ?? "/"} on port ${tg.HealthCheckPort ?? "traffic-port"}, matcher ${tg.Matcher?.HttpCode ?? "200"}`;
    if (reason === "Target.ResponseCodeMismatch") {
      const codes = codesOf(evidence);
      const meaning = grpc ? grpcStatusMeaning(codes, tg) : statusMeaning(codes);
      const got = grpc
        ? `gRPC status ${codes.map(grpcLabel).join("/") || "a non-success status"}`
        : `HTTP ${codes.join("/") || "a non-success status"}`;
      out.push(
        finding({
          id: meaning.id,
          category: "service",
          title: `Load balancer health check gets ${got} from the app`,
          likelihood: 0.86,
          evidence,
          explanation: `The app answers the health check (${check}), so the network path works, but with ${grpc ? got : codes.join("/") || "an unexpected status"}: ${meaning.why}`,
          fix: meaning.fix,
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
