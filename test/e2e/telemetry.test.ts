// OpenTelemetry end to end: the compiled server, OTEL_EXPORTER_OTLP_ENDPOINT pointing at a loopback OTLP receiver;
// an MCP tools/call carrying a W3C traceparent (in _meta, or as an HTTP header) yields a SERVER span child of the
// caller's span, and the AWS calls it makes are CLIENT spans under it.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { serverBinary } from "../support/binary.ts";
import { type OtlpReceiver, startOtlpReceiver } from "../support/otlpReceiver.ts";
import { type Replicas, startReplicas } from "../support/replicas.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });
let receiver: OtlpReceiver;
let server: Replicas;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/default"] });
  server = await startReplicas(
    fake.url,
    1,
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: "ecs-mcp-team",
      OTEL_BSP_SCHEDULE_DELAY: "50",
      OTEL_METRIC_EXPORT_INTERVAL: "200",
    },
    process.env.ECS_TELEMETRY_FROM_SOURCE ? undefined : serverBinary(),
  );
}, 180_000);
afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const callList = (traceparent: string, where: "meta" | "header", args: object = { api_operation: "ListClusters" }) =>
  fetch(server.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2026-07-28",
      "mcp-method": "tools/call",
      "mcp-name": "ecs_resource_management",
      ...(where === "header" ? { traceparent } : {}),
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 7,
      method: "tools/call",
      params: {
        name: "ecs_resource_management",
        arguments: args,
        _meta: {
          "io.modelcontextprotocol/protocolVersion": "2026-07-28",
          "io.modelcontextprotocol/clientCapabilities": {},
          "io.modelcontextprotocol/clientInfo": { name: "otel-test", version: "1" },
          ...(where === "meta" ? { traceparent } : {}),
        },
      },
    }),
  });

for (const where of ["meta", "header"] as const)
  test(`traceparent in ${where === "meta" ? "_meta" : "the HTTP header"}: MCP SERVER span under it, AWS CLIENT span under that`, async () => {
    const parent = where === "meta" ? "00f067aa0ba902b7" : "00f067aa0ba902b8";
    const r = await callList(`00-${TRACE}-${parent}-01`, where);
    expect(r.status).toBe(200);
    const mcp = await receiver.waitFor(
      (s) => s.name === "tools/call ecs_resource_management" && s.parentSpanId === parent,
    );
    expect(mcp.traceId).toBe(TRACE);
    expect(mcp.kind).toBe(2); // SPAN_KIND_SERVER
    expect(mcp.attributes).toMatchObject({
      "mcp.method.name": "tools/call",
      "gen_ai.tool.name": "ecs_resource_management",
    });
    expect(mcp.resource["service.name"]).toBe("ecs-mcp-team");
    const aws = await receiver.waitFor((s) => s.name === "ECS/ListClusters" && s.parentSpanId === mcp.spanId);
    expect(aws.traceId).toBe(TRACE);
    expect(aws.kind).toBe(3); // SPAN_KIND_CLIENT
    expect(aws.attributes).toMatchObject({
      "rpc.system": "aws-api",
      "rpc.service": "ECS",
      "rpc.method": "ListClusters",
    });
    expect(typeof aws.attributes["aws.request_id"]).toBe("string");
  });

test("the AWS call latency histogram is exported as a metric", async () => {
  const until = Date.now() + 10_000;
  while (!receiver.metricNames.has("rpc.client.call.duration") && Date.now() < until)
    await new Promise((r) => setTimeout(r, 100));
  expect([...receiver.metricNames]).toContain("rpc.client.call.duration");
});

test("errors by kind: a denied AWS call is counted by its code and kind, and its MCP request as a tool_error of that kind", async () => {
  fake.fail("ecs", "DescribeClusters", { kind: "aws", code: "AccessDeniedException", message: "not authorized" });
  const r = await callList(`00-${TRACE}-00f067aa0ba902b9-01`, "meta", {
    api_operation: "DescribeClusters",
    api_params: { clusters: ["denied"] },
  });
  expect(r.status).toBe(200);
  const aws = await receiver.waitForPoint(
    (p) => p.name === "ecs_assistant.aws.call.errors" && p.attributes["error.type"] === "AccessDeniedException",
  );
  expect(aws.attributes).toMatchObject({ "ecs_assistant.error.kind": "aws", "rpc.method": "DescribeClusters" });
  expect(aws.value).toBeGreaterThanOrEqual(1);
  const mcp = await receiver.waitForPoint(
    (p) => p.name === "ecs_assistant.mcp.server.operation.errors" && p.attributes["error.type"] === "tool_error",
  );
  expect(mcp.attributes).toMatchObject({
    "mcp.method.name": "tools/call",
    "gen_ai.tool.name": "ecs_resource_management",
    "ecs_assistant.error.kind": "aws",
  });
  // The successful ListClusters calls of the tests above are counted as requests, not as errors.
  const calls = await receiver.waitForPoint(
    (p) =>
      p.name === "mcp.server.operation.duration" &&
      p.attributes["gen_ai.tool.name"] === "ecs_resource_management" &&
      p.attributes["error.type"] === undefined &&
      p.value >= 2,
  );
  expect(calls.attributes["mcp.method.name"]).toBe("tools/call");
  expect(
    receiver.points.filter(
      (p) => p.name === "ecs_assistant.aws.call.errors" && p.attributes["rpc.method"] === "ListClusters",
    ),
  ).toEqual([]);
});
