// Healthy services that look suspicious: diagnose must not report a problem the live target health contradicts.
import { expect, test } from "bun:test";
import { diagnose } from "../../lib/index.ts";
import { installScenario, loadScenario } from "../fixtures/troubleshoot/loadScenario.ts";
import { fakeAssistant, useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();
const assistant = () => fakeAssistant(fake);
const web = { ecs_cluster_name: "web", ecs_service_name: "api" };

test("a healthy app that logs 'running at http://localhost:8080' (and a sidecar on 8126) is not reported", async () => {
  installScenario(fake, loadScenario("healthy"));
  const at = Date.now() - 40 * 60_000;
  fake.on("logs", "FilterLogEvents", {
    events: [
      {
        logStreamName: "ecs/api/8f2d1c0b9a7e4d3c8b1a0f9e8d7c6b5a",
        timestamp: at + 1000,
        message: "Server running at http://localhost:8080",
      },
      {
        logStreamName: "ecs/datadog-agent/8f2d1c0b9a7e4d3c8b1a0f9e8d7c6b5a",
        timestamp: at,
        message: "Listening for traces at http://localhost:8126",
      },
    ],
  });
  const d = (await diagnose(assistant(), web))._unsafeUnwrap();
  expect(d.findings.map((f) => f.id)).not.toContain("binds_localhost");
  expect(d.findings.map((f) => f.id)).not.toContain("app_port_mismatch");
  expect(d.summary).toStartWith("No problem found");
});

test("a sidecar's 'listening on localhost:8126' does not outrank the wrong health check path the targets show", async () => {
  installScenario(fake, loadScenario("health-check-404"));
  fake.on("logs", "FilterLogEvents", {
    events: [
      {
        logStreamName: "ecs/datadog-agent/8f2d1c0b9a7e4d3c8b1a0f9e8d7c6b5a",
        timestamp: Date.now() - 20 * 60_000,
        message: "Listening for traces at http://localhost:8126",
      },
    ],
  });
  const d = (await diagnose(assistant(), web))._unsafeUnwrap();
  expect(d.findings[0]?.id).toBe("health_check_path_wrong");
  expect(d.findings.map((f) => f.id)).not.toContain("binds_localhost");
  expect(d.findings.map((f) => f.id)).not.toContain("app_port_mismatch");
});

test("an EC2-capacity service pulls from ECR with the instance role and its tasks need no public IP", async () => {
  const s = loadScenario("healthy");
  const ecs = s.aws.ecs as Record<
    string,
    { services?: Record<string, unknown>[]; taskDefinition?: Record<string, unknown> }
  >;
  const svc = structuredClone(ecs.DescribeServices!.services![0]!);
  const td = structuredClone(ecs.DescribeTaskDefinition!.taskDefinition!);
  const vpc = {
    awsvpcConfiguration: {
      subnets: ["subnet-0f9e8d7c6b5a40001", "subnet-0f9e8d7c6b5a40002"],
      securityGroups: ["sg-0a7c1e2d3f4b50001"],
    },
  };
  Object.assign(svc, { launchType: "EC2", networkConfiguration: vpc, platformVersion: undefined });
  delete td.executionRoleArn;
  td.requiresCompatibilities = ["EC2"];
  installScenario(fake, {
    ...s,
    aws: {
      ...s.aws,
      ecs: {
        ...s.aws.ecs,
        DescribeServices: { services: [svc], failures: [] },
        DescribeTaskDefinition: { taskDefinition: td },
      },
    },
  });
  const d = (await diagnose(assistant(), web))._unsafeUnwrap();
  const ids = d.findings.map((f) => f.id);
  expect(ids).not.toContain("no_execution_role");
  expect(ids).not.toContain("public_subnet_without_public_ip");
  expect(d.summary).toStartWith("No problem found");
});
