// End to end: the compiled binary runs diagnose, every troubleshooting action and fetch_task_logs against the fake AWS
// endpoint, for a 2025-11-25 and a 2026-07-28 client, each over stdio and HTTP.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { installScenario, loadScenario } from "../fixtures/troubleshoot/loadScenario.ts";
import { fakeAwsEnv, serverBinary } from "../support/binary.ts";
import { connectE2E, E2E_MATRIX } from "../support/e2eClient.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
let bin: string;

beforeAll(async () => {
  fake = await startFakeAws();
  bin = serverBinary("linux-x64");
}, 180_000);
afterAll(() => fake.close());

describe.each(E2E_MATRIX)("$name", (combo) => {
  test("diagnose ranks the root cause first; fetch_task_logs comes back redacted and says so", async () => {
    fake.reset();
    installScenario(fake, loadScenario("module-not-found"));
    fake.on("logs", "FilterLogEvents", {
      events: [
        {
          logStreamName: "ecs/api/4c2e",
          timestamp: Date.now() - 60_000,
          message: "ModuleNotFoundError: No module named 'flask'",
        },
        { logStreamName: "ecs/api/4c2e", timestamp: Date.now() - 50_000, message: "DB_PASSWORD=hunter2secret" },
      ],
    });
    const client = await connectE2E(combo, bin, fakeAwsEnv(fake.url));
    try {
      const { tools } = await client.listTools();
      const tool = tools.find((t) => t.name === "ecs_troubleshooting_tool");
      expect(tool?.annotations?.readOnlyHint).toBe(true);
      expect(JSON.stringify(tool?.inputSchema)).toContain("diagnose");

      const d = (await client.callTool({
        name: "ecs_troubleshooting_tool",
        arguments: { action: "diagnose", parameters: { ecs_cluster_name: "web", ecs_service_name: "api" } },
      })) as CallToolResult;
      expect(d.isError).toBeFalsy();
      const dv = d.structuredContent as { findings: { id: string }[]; aws_calls: { critical_path: number } };
      expect(dv.findings[0]?.id).toBe("missing_module");
      expect(dv.aws_calls.critical_path).toBeLessThanOrEqual(3);

      const logs = (await client.callTool({
        name: "ecs_troubleshooting_tool",
        arguments: { action: "fetch_task_logs", parameters: { ecs_cluster_name: "web", ecs_service_name: "api" } },
      })) as CallToolResult;
      expect(logs.isError).toBeFalsy();
      const text = JSON.stringify(logs.structuredContent);
      expect(text).not.toContain("hunter2secret");
      expect(text).toContain("ALLOW_SENSITIVE_DATA=true");
      expect(text).toContain("ModuleNotFoundError");

      const bad = (await client.callTool({
        name: "ecs_troubleshooting_tool",
        arguments: { action: "fetch_service_events", parameters: { ecs_cluster_name: "web", ecs_servce_name: "api" } },
      })) as CallToolResult;
      expect(bad.isError).toBe(true);
      expect(JSON.stringify(bad.structuredContent)).toContain("ecs_service_name");
    } finally {
      await client.close();
    }
  }, 60_000);

  test("every action answers through the binary (healthy service, rolled-back stack)", async () => {
    fake.reset();
    installScenario(fake, loadScenario("cfn-rollback")); // the healthy service plus a stack that rolled back
    // Without a service name, fetch_network_configuration finds the cluster's services first.
    fake.on("ecs", "ListServices", { serviceArns: ["arn:aws:ecs:us-east-1:123456789012:service/web/api"] });
    const client = await connectE2E(combo, bin, fakeAwsEnv(fake.url));
    const svc = { ecs_cluster_name: "web", ecs_service_name: "api" };
    const actions: [string, Record<string, unknown>][] = [
      ["get_ecs_troubleshooting_guidance", { ...svc, symptoms_description: "tasks keep restarting" }],
      ["fetch_cloudformation_status", { cfn_stack_name: "api-stack" }],
      ["fetch_service_events", { ...svc, time_window: 7200 }],
      ["fetch_task_failures", { ecs_cluster_name: "web" }],
      ["fetch_task_logs", { ...svc, filter_pattern: "ERROR" }],
      ["detect_image_pull_failures", svc],
      ["fetch_network_configuration", { ecs_cluster_name: "web" }],
      ["diagnose", svc],
      ["fetch_service_metrics", svc],
    ];
    try {
      for (const [action, parameters] of actions) {
        const r = (await client.callTool({
          name: "ecs_troubleshooting_tool",
          arguments: { action, parameters },
        })) as CallToolResult;
        expect({ action, isError: r.isError ?? false }).toEqual({ action, isError: false });
        expect(Object.keys(r.structuredContent ?? {}).length).toBeGreaterThan(0);
      }
    } finally {
      await client.close();
    }
  }, 120_000);

  test("fetch_service_metrics reads CloudWatch through the binary (awsJson1_0 to the fake)", async () => {
    fake.reset();
    installScenario(fake, loadScenario("oom-killed"));
    const client = await connectE2E(combo, bin, fakeAwsEnv(fake.url));
    try {
      const r = (await client.callTool({
        name: "ecs_troubleshooting_tool",
        arguments: {
          action: "fetch_service_metrics",
          parameters: { ecs_cluster_name: "web", ecs_service_name: "api" },
        },
      })) as CallToolResult;
      expect(r.isError ?? false).toBe(false);
      const v = r.structuredContent as {
        metrics: { id: string; max?: number; points: number }[];
        issues: { id: string }[];
      };
      expect(v.metrics.find((m) => m.id === "svc_mem_max")).toMatchObject({ max: 99.5 });
      expect(v.metrics.find((m) => m.id === "svc_cpu_avg")?.points).toBeGreaterThan(0);
      const gmd = fake.calls.filter((c) => c.service === "cloudwatch" && c.operation === "GetMetricData");
      expect(gmd).toHaveLength(1);
    } finally {
      await client.close();
    }
  }, 60_000);
});
