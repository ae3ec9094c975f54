// Health-check failures read from service events, for when the targets are already gone from the target group
// ("(service api) (port 8000) is unhealthy in (target-group ...) due to (reason Health checks failed with these
// codes: [400])"): the status the load balancer saw decides the meaning, as for live target health.
import type { ServiceEvent } from "@aws-sdk/client-ecs";
import { type Finding, finding } from "../finding.ts";
import { grpcLabel, grpcStatusMeaning } from "./grpcStatusMeaning.ts";
import { statusMeaning } from "./targetHealthRules.ts";

const UNHEALTHY = /\(port (\d+)\) is unhealthy in \(target-group ([^)]+)\) due to \(reason ([^)]*)\)/i;

/** Findings for unhealthy-target service events, grouped by the status codes (or timeout) they report. */
export const healthEventFindings = (events: readonly ServiceEvent[]): Finding[] => {
  const byKey = new Map<string, { port: string; tg: string; reason: string; events: ServiceEvent[] }>();
  for (const e of events) {
    const m = UNHEALTHY.exec(e.message ?? "");
    if (!m) continue;
    const codes = /codes: \[([^\]]*)\]/.exec(m[3]!)?.[1]?.trim();
    const key = codes ?? (/timed out/i.test(m[3]!) ? "timeout" : "failed");
    const seen = byKey.get(key);
    if (seen) seen.events.push(e);
    else byKey.set(key, { port: m[1]!, tg: m[2]!.split("/").at(-2) ?? m[2]!, reason: m[3]!, events: [e] });
  }
  const out: Finding[] = [];
  for (const [key, g] of byKey) {
    const evidence = g.events.slice(-3).map((e) => ({
      source: "service_event" as const,
      text: e.message ?? "",
      at: e.createdAt?.toISOString(),
    }));
    if (key === "timeout" || key === "failed") {
      out.push(
        finding({
          id: "targets_unreachable",
          category: "network",
          title: `Load balancer health checks on port ${g.port} ${key === "timeout" ? "time out" : "fail without a response"}`,
          likelihood: 0.72,
          evidence,
          explanation: `Target group ${g.tg} reported the tasks unhealthy (${g.reason}): the health check got no HTTP answer on port ${g.port}. The app may listen on another port or only on 127.0.0.1, a security group may block the load balancer, or the app answers too slowly.`,
          fix: `Make the app listen on 0.0.0.0:${g.port}, allow the load balancer's security group on ${g.port}, and raise healthCheckGracePeriodSeconds or the health check timeout for slow answers.`,
        }),
      );
      continue;
    }
    const codes = key.split(/[,\s]+/).filter(Boolean);
    // HTTP matchers take 200-499; codes below 100 are gRPC statuses from a target group with protocol version GRPC.
    const grpc = codes.every((c) => Number(c) < 100);
    const meaning = grpc ? grpcStatusMeaning(codes, {}) : statusMeaning(codes);
    const got = grpc ? `gRPC status ${codes.map(grpcLabel).join("/")}` : `HTTP ${codes.join("/")}`;
    out.push(
      finding({
        id: meaning.id,
        category: "service",
        title: `Load balancer health check gets ${got} from the app`,
        likelihood: 0.84,
        evidence,
        explanation: `Target group ${g.tg} saw ${grpc ? got : codes.join("/")} on port ${g.port}, so the network path works: ${meaning.why}`,
        fix: meaning.fix,
      }),
    );
  }
  return out;
};
