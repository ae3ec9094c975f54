// Every AWS call is an OpenTelemetry CLIENT span, child of the active span, with the AWS SDK semantic-convention
// attributes, and a latency histogram point; without a registered provider nothing is recorded (the API is a no-op).
import { afterAll, beforeAll, expect, test } from "bun:test";
import { context, metrics, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { fakeAssistant, useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();
const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
});
afterAll(() => {
  trace.disable();
  metrics.disable();
  context.disable();
});

const CLUSTERS = { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/default"] };

test("an AWS call made under an active span is its CLIENT child, named and attributed by the AWS SDK conventions", async () => {
  spans.reset();
  fake.on("ecs", "ListClusters", CLUSTERS);
  const a = fakeAssistant(fake);
  const parent = trace.getTracer("test").startSpan("tools/call ecs_resource_management");
  const r = await context.with(trace.setSpan(context.active(), parent), () =>
    a.callTool("ecs_resource_management", { api_operation: "ListClusters" }),
  );
  parent.end();
  expect(r.isOk()).toBe(true);
  const call = spans.getFinishedSpans().find((s) => s.name === "ECS/ListClusters");
  expect(call).toBeDefined();
  expect(call!.kind).toBe(SpanKind.CLIENT);
  expect(call!.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  expect(call!.spanContext().traceId).toBe(parent.spanContext().traceId);
  expect(call!.attributes).toMatchObject({
    "rpc.system": "aws-api",
    "rpc.service": "ECS",
    "rpc.method": "ListClusters",
    "cloud.region": "us-east-1",
    "aws.request_id": fake.calls[0]!.requestId,
  });
  a.close();
});

test("a failed call: error status, error.type is the AWS code, HTTP status kept; retries counted", async () => {
  spans.reset();
  fake.fail("ecs", "DescribeClusters", { kind: "aws", code: "AccessDeniedException", message: "not authorized" });
  fake.fail("ecs", "ListClusters", { kind: "aws", code: "ThrottlingException", times: 1 });
  fake.on("ecs", "ListClusters", CLUSTERS);
  const a = fakeAssistant(fake, {}, { aws: { maxAttempts: 3 } });
  await a.callTool("ecs_resource_management", { api_operation: "DescribeClusters", api_params: { clusters: ["x"] } });
  await a.callTool("ecs_resource_management", { api_operation: "ListClusters" });
  const denied = spans.getFinishedSpans().find((s) => s.name === "ECS/DescribeClusters")!;
  expect(denied.status.code).toBe(SpanStatusCode.ERROR);
  expect(denied.attributes).toMatchObject({ "error.type": "AccessDeniedException", "http.response.status_code": 400 });
  const retried = spans.getFinishedSpans().find((s) => s.name === "ECS/ListClusters")!;
  expect(retried.status.code).not.toBe(SpanStatusCode.ERROR);
  expect(retried.attributes["http.request.resend_count"]).toBe(1);
  a.close();
});

test("each call records a point of the rpc.client.call.duration histogram (seconds), errors with error.type", async () => {
  await reader.forceFlush();
  const points = metricExporter
    .getMetrics()
    .flatMap((rm) => rm.scopeMetrics)
    .flatMap((sm) => sm.metrics)
    .filter((m) => m.descriptor.name === "rpc.client.call.duration")
    .flatMap((m) => m.dataPoints as readonly { attributes: Record<string, unknown> }[]);
  expect(points.length).toBeGreaterThan(0);
  const denied = points.find((p) => p.attributes["error.type"] === "AccessDeniedException");
  expect(denied).toBeDefined();
  expect(
    points.some((p) => p.attributes["rpc.method"] === "ListClusters" && p.attributes["error.type"] === undefined),
  ).toBe(true);
});

test("each failed call adds 1 to ecs_assistant.aws.call.errors by error.type and kind; successes add nothing", async () => {
  await reader.forceFlush();
  const points = metricExporter
    .getMetrics()
    .flatMap((rm) => rm.scopeMetrics)
    .flatMap((sm) => sm.metrics)
    .filter((m) => m.descriptor.name === "ecs_assistant.aws.call.errors")
    .flatMap((m) => m.dataPoints as readonly { attributes: Record<string, unknown>; value: number }[]);
  const denied = points.find((p) => p.attributes["error.type"] === "AccessDeniedException");
  expect(denied?.attributes).toMatchObject({
    "ecs_assistant.error.kind": "aws",
    "rpc.system": "aws-api",
    "rpc.service": "ECS",
    "rpc.method": "DescribeClusters",
  });
  expect(denied?.value).toBe(1);
  // The throttled ListClusters succeeded on its retry: one call, no error.
  expect(points.filter((p) => p.attributes["rpc.method"] === "ListClusters")).toEqual([]);
});
