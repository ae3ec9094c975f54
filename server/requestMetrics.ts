// MCP request metrics: the semantic conventions' `mcp.server.operation.duration` histogram (its count is the
// requests) and, as the conventions define no errors counter, ours in our namespace: errors by `error.type` and by
// the EcsError kind of a failed tool call. https://opentelemetry.io/docs/specs/semconv/gen-ai/mcp/#metrics
import type { Attributes, Counter, Histogram, MeterProvider } from "@opentelemetry/api";
import { VERSION } from "../lib/index.ts";

type OtelApi = typeof import("@opentelemetry/api");

/** Span attributes that are also metric attributes (bounded: no request ids, sessions or resource URIs). */
const METRIC_ATTRIBUTES = ["mcp.method.name", "mcp.protocol.version", "gen_ai.tool.name", "gen_ai.prompt.name"];

/** How a request ended: `errorType` as on its span (tool_error, a JSON-RPC code, _OTHER), `errorKind` for tools. */
export interface RequestOutcome {
  readonly seconds: number;
  readonly errorType?: string;
  readonly errorKind?: string;
}

interface Instruments {
  readonly provider: MeterProvider;
  readonly duration: Histogram;
  readonly errors: Counter;
}
let instruments: Instruments | undefined;
/** Made again when the global meter provider changes (it is registered after the server modules load). */
const instrumentsOf = ({ metrics }: OtelApi): Instruments => {
  const provider = metrics.getMeterProvider();
  if (instruments?.provider !== provider) {
    const meter = provider.getMeter("ecs-mcp-server", VERSION);
    instruments = {
      provider,
      duration: meter.createHistogram("mcp.server.operation.duration", {
        description: "MCP request duration as observed on the server, from receipt until the result is sent",
        unit: "s",
      }),
      errors: meter.createCounter("ecs_assistant.mcp.server.operation.errors", {
        description: "MCP requests that failed, by error.type and (tools) ecs_assistant.error.kind",
        unit: "{error}",
      }),
    };
  }
  return instruments;
};

/** Records one MCP request: a duration point, and an error when it failed. A no-op without a meter provider. */
export const recordRequest = (api: OtelApi, spanAttributes: Attributes, outcome: RequestOutcome): void => {
  const attributes: Attributes = {};
  for (const k of METRIC_ATTRIBUTES) if (spanAttributes[k] !== undefined) attributes[k] = spanAttributes[k];
  if (outcome.errorType) attributes["error.type"] = outcome.errorType;
  const { duration, errors } = instrumentsOf(api);
  duration.record(outcome.seconds, attributes);
  if (outcome.errorType)
    errors.add(1, { ...attributes, ...(outcome.errorKind ? { "ecs_assistant.error.kind": outcome.errorKind } : {}) });
};
