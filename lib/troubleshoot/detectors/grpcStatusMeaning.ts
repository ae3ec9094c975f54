// A target group with protocol version GRPC reports gRPC status codes, not HTTP ones: 12 is UNIMPLEMENTED (the health
// check path names a method the server lacks), not "HTTP 12". ALB's default gRPC health check path is
// /AWS.ALB/healthcheck with success code 12 (the Matcher GrpcCode default, see AWS::ElasticLoadBalancingV2::TargetGroup
// Matcher); the standard service is grpc.health.v1.Health (https://grpc.io/docs/guides/health-checking/).
import type { TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";

const NAMES: Record<string, string> = {
  "0": "OK",
  "1": "CANCELLED",
  "2": "UNKNOWN",
  "4": "DEADLINE_EXCEEDED",
  "5": "NOT_FOUND",
  "7": "PERMISSION_DENIED",
  "12": "UNIMPLEMENTED",
  "13": "INTERNAL",
  "14": "UNAVAILABLE",
  "16": "UNAUTHENTICATED",
};

/** `12 (UNIMPLEMENTED)`. */
export const grpcLabel = (code: string): string => `${code}${NAMES[code] ? ` (${NAMES[code]})` : ""}`;

/** The finding id, meaning and fix of gRPC status codes a gRPC target group's health check got. */
export const grpcStatusMeaning = (
  codes: readonly string[],
  tg: TargetGroup,
): { id: string; why: string; fix: string } => {
  const c = codes[0] ?? "";
  const path = tg.HealthCheckPath ?? "/AWS.ALB/healthcheck";
  const matcher = tg.Matcher?.GrpcCode ?? "12";
  const standard = "/grpc.health.v1.Health/Check";
  if (c === "12" || c === "5")
    return {
      id: "health_check_path_wrong",
      why: `${grpcLabel(c)} means the server has no gRPC method at the health check path ${path}${path === "/AWS.ALB/healthcheck" ? " (ALB's default gRPC path, which servers do not implement; ALB's default matcher 12 accepts exactly that answer)" : ""}, while the matcher expects ${matcher}.`,
      fix: `Implement the standard gRPC health service (grpc.health.v1.Health) in the server and set HealthCheckPath ${standard} with Matcher GrpcCode 0; or keep ${path} and set Matcher GrpcCode to 12, which only proves the server answers gRPC.`,
    };
  if (c === "14" || c === "4")
    return {
      id: "health_check_app_error",
      why: `${grpcLabel(c)} means the server answered the health check but reports itself not serving or too slow (a dependency it checks is down, or it is still starting).`,
      fix: `Read the server's logs for why its health service reports NOT_SERVING or times out (fetch_task_logs); raise healthCheckGracePeriodSeconds if it starts slowly.`,
    };
  if (c === "16" || c === "7")
    return {
      id: "health_check_status_mismatch",
      why: `${grpcLabel(c)} means an interceptor demands credentials on the health check method ${path}.`,
      fix: `Exempt ${path} (the health service) from authentication interceptors.`,
    };
  return {
    id: "health_check_status_mismatch",
    why: `the server answers the gRPC health check ${path} with ${grpcLabel(c)} while the matcher expects ${matcher}.`,
    fix: `Make ${path} return gRPC status ${matcher} (implement grpc.health.v1.Health and use ${standard} with Matcher GrpcCode 0), or set the matcher to the code a healthy server returns.`,
  };
};
