// The OpenTelemetry SDK for the server, loaded only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT,
// or the traces/metrics-specific variables): traces and metrics over OTLP/HTTP, W3C trace context, the standard
// OTEL_* variables (service name, resource attributes, headers, timeouts, sampler, export interval) honoured by the
// SDK's own readers. Without them nothing here is imported and @opentelemetry/api stays a no-op.
// https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/

/** A started SDK: `shutdown` flushes what is buffered (call it on exit). */
export interface TelemetryHandle {
  shutdown(): Promise<void>;
}

/** True when the environment asks for OTLP export and does not disable the SDK. */
export const telemetryConfigured = (env: NodeJS.ProcessEnv): boolean =>
  env.OTEL_SDK_DISABLED?.toLowerCase() !== "true" &&
  Boolean(
    env.OTEL_EXPORTER_OTLP_ENDPOINT ||
      env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
      env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT,
  );

/** Registers the global tracer and meter providers, context manager and propagator; the exporters read OTEL_*. */
export const startTelemetry = async (env: NodeJS.ProcessEnv, version: string): Promise<TelemetryHandle> => {
  const [api, traceSdk, { OTLPTraceExporter }, metricsSdk, { OTLPMetricExporter }, resources, hooks, core] =
    await Promise.all([
      import("@opentelemetry/api"),
      import("@opentelemetry/sdk-trace-base"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/sdk-metrics"),
      import("@opentelemetry/exporter-metrics-otlp-http"),
      import("@opentelemetry/resources"),
      import("@opentelemetry/context-async-hooks"),
      import("@opentelemetry/core"),
    ]);
  // Defaults first; OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (the env detector) win over them.
  const resource = resources
    .resourceFromAttributes({ "service.name": "ecs-mcp-server", "service.version": version })
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const tracerProvider = new traceSdk.BasicTracerProvider({
    resource,
    spanProcessors: [new traceSdk.BatchSpanProcessor(new OTLPTraceExporter())],
  });
  const interval = Number(env.OTEL_METRIC_EXPORT_INTERVAL ?? 60_000);
  const meterProvider = new metricsSdk.MeterProvider({
    resource,
    readers: [
      new metricsSdk.PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter(),
        exportIntervalMillis: Number.isFinite(interval) && interval > 0 ? interval : 60_000,
      }),
    ],
  });
  api.context.setGlobalContextManager(new hooks.AsyncLocalStorageContextManager().enable());
  api.propagation.setGlobalPropagator(
    new core.CompositePropagator({
      propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator()],
    }),
  );
  api.trace.setGlobalTracerProvider(tracerProvider);
  api.metrics.setGlobalMeterProvider(meterProvider);
  return {
    shutdown: async () => {
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
};
