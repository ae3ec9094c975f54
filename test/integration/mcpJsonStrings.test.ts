// Shared case 13: MCP clients that send object, array, number and boolean arguments as JSON text; and case-free
// bounds on what an error echoes (a 120 kB api_operation). Real MCP client and server, fake AWS on loopback.
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import type { EcsAssistant } from "../../lib/index.ts";
import { mcpPair } from "../hardening/support/mcpPair.ts";
import { fakeAssistant } from "../hardening/support/world.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
let assistant: EcsAssistant;
beforeAll(async () => {
  fake = await startFakeAws();
  assistant = fakeAssistant(fake);
});
afterAll(async () => {
  assistant.close();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  fake.on("ecs", "DescribeServices", {
    services: [{ serviceName: "api", status: "ACTIVE", desiredCount: 1, runningCount: 1, events: [] }],
    failures: [],
  });
  fake.on("ecs", "ListServices", { serviceArns: ["arn:aws:ecs:us-east-1:123456789012:service/web/api"] });
});

const text = (r: { content: unknown }) => (r.content as { text: string }[]).map((c) => c.text).join("\n");

test("A: api_params sent as a JSON string runs as if an object had been sent", async () => {
  const mcp = await mcpPair(assistant);
  const r = await mcp.call("ecs_resource_management", {
    api_operation: "DescribeServices",
    api_params: '{"cluster":"web","services":["api"]}',
  });
  expect(r.isError).toBeFalsy();
  expect(fake.calls.map((c) => [c.operation, c.input])).toEqual([
    ["DescribeServices", { cluster: "web", services: ["api"] }],
  ]);
  await mcp.close();
});

test("B: troubleshooting parameters sent as a JSON string (with a number inside) are decoded", async () => {
  const mcp = await mcpPair(assistant);
  const r = await mcp.call("ecs_troubleshooting_tool", {
    action: "fetch_service_events",
    parameters: '{"ecs_cluster_name":"web","ecs_service_name":"api","time_window":7200}',
  });
  expect(r.isError).toBeFalsy();
  const describe = fake.calls.find((c) => c.operation === "DescribeServices");
  expect(describe?.input).toMatchObject({ cluster: "web", services: ["api"] });
  await mcp.close();
});

test("C: max_items and dry_run as strings are accepted as 50 and false", async () => {
  const mcp = await mcpPair(assistant);
  const r = await mcp.call("ecs_resource_management", {
    api_operation: "ListServices",
    api_params: { cluster: "web" },
    max_items: "50",
    dry_run: "false",
  });
  expect(r.isError).toBeFalsy();
  // Not a dry run: the call went out, asking for at most 50 items.
  expect(fake.calls.map((c) => c.operation)).toEqual(["ListServices"]);
  expect(fake.calls[0]!.input).toMatchObject({ cluster: "web" });
  await mcp.close();
});

test("D: truncated JSON and a JSON array are validation errors naming api_params, with no AWS call", async () => {
  const mcp = await mcpPair(assistant);
  for (const [bad, why] of [
    ['{"cluster": "web"', "not valid JSON"],
    ["[1,2]", "JSON of another type (array)"],
  ] as const) {
    const r = await mcp.call("ecs_resource_management", { api_operation: "ListServices", api_params: bad });
    expect(r.isError).toBe(true);
    const t = text(r);
    expect(t).toContain("api_params");
    expect(t).toContain("JSON-encoded string");
    expect(t).toContain(why);
    expect(t).toContain("expected an object");
  }
  expect(fake.calls).toEqual([]);
  await mcp.close();
});

test("D (CLI path, same registry): an undecodable parameters string names `parameters`", async () => {
  const r = await assistant.callTool("ecs_troubleshooting_tool", {
    action: "fetch_service_events",
    parameters: '{"ecs_cluster_name": "web",',
  });
  const e = r._unsafeUnwrapErr();
  expect(e).toMatchObject({ kind: "validation", issues: [{ path: "parameters", expected: "an object" }] });
  expect(fake.calls).toEqual([]);
});

test("a 120 kB api_operation comes back as a short prefix, not three times whole", async () => {
  const mcp = await mcpPair(assistant);
  const r = await mcp.call("ecs_resource_management", { api_operation: "Describe".repeat(15_000) });
  expect(r.isError).toBe(true);
  const all = JSON.stringify(r);
  expect(all.length).toBeLessThan(10_000);
  expect(all).toContain("DescribeDescribe");
  expect(all).toContain("more chars]");
  await mcp.close();
});

test("a huge bad value inside api_params and a huge unknown key are echoed only as prefixes", async () => {
  const r = await assistant.callTool("ecs_resource_management", {
    api_operation: "ListServices",
    api_params: { cluster: 5, ["k".repeat(50_000)]: 1, launchType: "x".repeat(100_000) },
  });
  const e = r._unsafeUnwrapErr();
  expect(JSON.stringify(e).length).toBeLessThan(8_000);
  expect(fake.calls).toEqual([]);
});

test("numbers where a tool takes text (deploy_app cpu: 512, memory: 1024) are taken as that text; a bad case gets a did-you-mean", async () => {
  const mcp = await mcpPair(assistant);
  const r = await mcp.call("deploy_app", {
    app_name: "shop",
    app_path: "/nonexistent-app-folder",
    port: 8080,
    cpu: 512,
    memory: 1024,
    dry_run: true,
  });
  // Past validation: what fails now is the folder, not the types of cpu and memory.
  expect(text(r)).not.toContain("cpu");
  expect(text(r)).not.toContain("memory");
  expect(text(r)).toContain("/nonexistent-app-folder");
  const bad = await mcp.call("ecs_resource_management", { api_operation: "ListClusters", response_format: "AWS" });
  expect(bad.isError).toBe(true);
  expect(text(bad)).toContain('did you mean "aws"');
  expect(fake.calls).toEqual([]);
  await mcp.close();
});

test("JSON text nested inside api_params and parameters is decoded where the AWS model (or the action) wants that type", async () => {
  const mcp = await mcpPair(assistant);
  const a = await mcp.call("ecs_resource_management", {
    api_operation: "DescribeServices",
    api_params: { cluster: "web", services: '["api"]' },
  });
  expect(a.isError).toBeFalsy();
  const b = await mcp.call("ecs_resource_management", {
    api_operation: "ListServices",
    api_params: { cluster: "web", maxResults: "10" },
  });
  expect(b.isError).toBeFalsy();
  const c = await mcp.call("ecs_resource_management", {
    api_operation: "CreateService",
    dry_run: "true",
    api_params: {
      cluster: "web",
      serviceName: "api",
      taskDefinition: "api:3",
      desiredCount: "2",
      networkConfiguration:
        '{"awsvpcConfiguration":{"subnets":["subnet-0a1b2c3d4e5f60001"],"assignPublicIp":"ENABLED"}}',
    },
  });
  expect(c.isError).toBeFalsy();
  expect(JSON.parse(text(c)).would_call.parameters).toMatchObject({
    desiredCount: 2,
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d4e5f60001"], assignPublicIp: "ENABLED" } },
  });
  const d = await mcp.call("ecs_troubleshooting_tool", {
    action: "fetch_service_events",
    parameters: { ecs_cluster_name: "web", ecs_service_name: "api", time_window: "7200" },
  });
  expect(d.isError).toBeFalsy();
  expect(fake.calls.map((x) => [x.operation, x.input])).toEqual([
    ["DescribeServices", { cluster: "web", services: ["api"] }],
    ["ListServices", { cluster: "web", maxResults: 10 }],
    ["DescribeServices", { cluster: "web", services: ["api"] }],
  ]);
  await mcp.close();
});

test("nested JSON text that does not decode is a validation error naming its path and the JSON-encoded string", async () => {
  const mcp = await mcpPair(assistant);
  const r = await mcp.call("ecs_resource_management", {
    api_operation: "CreateService",
    dry_run: true,
    api_params: { serviceName: "api", taskDefinition: "api:3", networkConfiguration: '{"awsvpcConfiguration": ' },
  });
  expect(r.isError).toBe(true);
  const t = text(r);
  expect(t).toContain("api_params.networkConfiguration");
  expect(t).toContain("JSON-encoded string");
  expect(t).toContain("expected an object");
  expect(fake.calls).toEqual([]);
  await mcp.close();
});

test('an array where an object belongs (api_params: [], environment: ["A=1"]) is refused as such, with no AWS call', async () => {
  const mcp = await mcpPair(assistant);
  const r = await mcp.call("ecs_resource_management", { api_operation: "ListClusters", api_params: [] });
  expect(r.isError).toBe(true);
  expect(text(r)).toContain("api_params: expected an object, got an array of 0");
  const d = await mcp.call("deploy_app", {
    app_name: "shop",
    app_path: "/nonexistent-app-folder",
    port: 8080,
    environment: ["NODE_ENV=production"],
    dry_run: true,
  });
  expect(text(d)).toContain("environment: expected an object of names to values");
  expect(fake.calls).toEqual([]);
  await mcp.close();
});

test("deploy_app environment: booleans are taken as their text; more than a task definition holds is refused briefly", async () => {
  const mcp = await mcpPair(assistant);
  const base = { app_name: "shop", app_path: "/nonexistent-app-folder", port: 8080, dry_run: true };
  const ok = await mcp.call("deploy_app", { ...base, environment: { DEBUG: true, WORKERS: 4 } });
  // Past validation: what fails now is the folder, not the environment's types.
  expect(text(ok)).not.toContain("environment");
  expect(text(ok)).toContain("/nonexistent-app-folder");
  const big = await mcp.call("deploy_app", { ...base, environment: { BIG: "v".repeat(1_000_000) } });
  expect(big.isError).toBe(true);
  expect(text(big)).toContain("64 KiB");
  expect(JSON.stringify(big).length).toBeLessThan(3_000);
  expect(fake.calls).toEqual([]);
  await mcp.close();
});
