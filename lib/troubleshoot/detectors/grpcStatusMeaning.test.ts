// gRPC target groups report gRPC status codes: 12 is UNIMPLEMENTED at the health check path, never "HTTP 12".
import { expect, test } from "bun:test";
import { grpcLabel, grpcStatusMeaning } from "./grpcStatusMeaning.ts";
import { healthEventFindings } from "./healthEventRules.ts";
import { targetHealthFindings } from "./targetHealthRules.ts";

test("12 at ALB's default path names the standard health service and the matcher that accepts 12", () => {
  const m = grpcStatusMeaning(["12"], { HealthCheckPath: "/AWS.ALB/healthcheck", Matcher: { GrpcCode: "0" } });
  expect(m.id).toBe("health_check_path_wrong");
  expect(m.why).toContain("12 (UNIMPLEMENTED)");
  expect(m.fix).toContain("/grpc.health.v1.Health/Check");
  expect(m.fix).toContain("GrpcCode to 12");
  expect(grpcStatusMeaning(["14"], {}).id).toBe("health_check_app_error");
  expect(grpcLabel("99")).toBe("99");
});

test("target health and service events read codes below 100 as gRPC statuses, HTTP codes as before", () => {
  const [live] = targetHealthFindings([
    {
      targetGroup: { TargetGroupName: "g", ProtocolVersion: "GRPC", HealthCheckPath: "/AWS.ALB/healthcheck" },
      targets: [
        {
          TargetHealth: {
            State: "unhealthy",
            Reason: "Target.ResponseCodeMismatch",
            Description: "Health checks failed with these codes: [12]",
          },
        },
      ],
    },
  ]);
  expect(live!.title).toContain("gRPC status 12 (UNIMPLEMENTED)");
  expect(live!.title).not.toContain("HTTP");
  const msg = (codes: string) => ({
    message: `(service api) (port 50051) is unhealthy in (target-group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/g/1) due to (reason Health checks failed with these codes: [${codes}]).`,
  });
  expect(healthEventFindings([msg("12")])[0]!.title).toContain("gRPC status 12");
  expect(healthEventFindings([msg("404")])[0]!.title).toContain("HTTP 404");
});
