// OpenTelemetry for every AWS call: a CLIENT span (child of whatever span is active, e.g. the MCP request), a latency
// histogram (its count is the calls) and an errors counter by kind. Only @opentelemetry/api is used: without a
// registered provider every call here is a no-op, so library users bring their own SDK; the server registers one when
// OTEL_EXPORTER_OTLP_ENDPOINT is set.
// Attribute names follow OpenTelemetry's semantic conventions for RPC and the AWS SDK:
// https://opentelemetry.io/docs/specs/semconv/cloud-providers/aws-sdk/ and https://opentelemetry.io/docs/specs/semconv/rpc/
import type { Attributes, Context, Counter, Histogram, MeterProvider, Span } from "@opentelemetry/api";
import type { EcsError } from "../errors.ts";
import { VERSION } from "../version.ts";
import type { ServiceName } from "./services.ts";

/** Instrumentation scope of the library's spans and metrics. */
export const TELEMETRY_SCOPE = "ecs-assistant";

/** The SDK's service id of each client (its `serviceId`), the `rpc.service` value the AWS SDK conventions ask for. */
const RPC_SERVICE: Readonly<Record<ServiceName, string>> = {
  ecs: "ECS",
  ecr: "ECR",
  cloudformation: "CloudFormation",
  iam: "IAM",
  logs: "CloudWatch Logs",
  ec2: "EC2",
  elbv2: "Elastic Load Balancing v2",
  sts: "STS",
  cloudwatch: "CloudWatch",
};

type OtelApi = typeof import("@opentelemetry/api");
let otel: OtelApi | undefined;
let loading: Promise<OtelApi> | undefined;
/** The API module, imported on the first AWS call rather than at start-up (it costs start-up time and memory). */
const loadApi = (): Promise<OtelApi> => {
  if (otel) return Promise.resolve(otel);
  loading ??= import("@opentelemetry/api").then((m) => {
    otel = m;
    return m;
  });
  return loading;
};

interface Instruments {
  readonly provider: MeterProvider;
  readonly duration: Histogram;
  readonly errors: Counter;
}
let instruments: Instruments | undefined;
/** Made again when the global meter provider changes (it may be registered after this module loads). */
const meterInstruments = ({ metrics }: OtelApi): Instruments => {
  const provider = metrics.getMeterProvider();
  if (instruments?.provider !== provider) {
    const meter = provider.getMeter(TELEMETRY_SCOPE, VERSION);
    instruments = {
      provider,
      duration: meter.createHistogram("rpc.client.call.duration", {
        description: "Duration of AWS API calls made by ecs-assistant, retries included",
        unit: "s",
      }),
      // The conventions define no errors counter: ours, in our namespace, with their `error.type` (the AWS error
      // code, else the EcsError kind) and the kind itself, so errors by kind need no histogram query.
      errors: meter.createCounter("ecs_assistant.aws.call.errors", {
        description: "AWS API calls made by ecs-assistant that failed, by error.type and ecs_assistant.error.kind",
        unit: "{error}",
      }),
    };
  }
  return instruments;
};

/** One AWS call in flight: its span, `runIn` to run the SDK call as its child, and `end` to record the outcome once. */
export interface AwsCallTelemetry {
  readonly context: Context;
  runIn<T>(fn: () => T): T;
  end(outcome: AwsCallOutcome): void;
}

/** What is known when a call ends. */
export interface AwsCallOutcome {
  readonly error?: EcsError;
  /** `$metadata` of the SDK output (request id, attempts) on success. */
  readonly metadata?: { readonly requestId?: string; readonly attempts?: number };
}

/** Starts the span of `service.operation` in `region` as a child of the active span (the caller's async context). */
export const startAwsCallTelemetry = async (
  service: ServiceName,
  operation: string,
  region: string | undefined,
): Promise<AwsCallTelemetry> => {
  const api = await loadApi();
  const { context, trace, SpanKind, SpanStatusCode } = api;
  const rpcService = RPC_SERVICE[service] ?? service;
  const attributes: Attributes = {
    "rpc.system": "aws-api",
    "rpc.service": rpcService,
    "rpc.method": operation,
    ...(region ? { "cloud.region": region } : {}),
  };
  const parent = context.active();
  const span: Span = trace
    .getTracer(TELEMETRY_SCOPE, VERSION)
    .startSpan(`${rpcService}/${operation}`, { kind: SpanKind.CLIENT, attributes }, parent);
  const started = performance.now();
  let ended = false;
  const spanContext = trace.setSpan(parent, span);
  return {
    context: spanContext,
    runIn: (fn) => context.with(spanContext, fn),
    end: ({ error, metadata }) => {
      if (ended) return;
      ended = true;
      const requestId = error?.kind === "aws" ? error.requestId : metadata?.requestId;
      if (requestId) span.setAttribute("aws.request_id", requestId);
      const attempts = metadata?.attempts;
      if (attempts && attempts > 1) span.setAttribute("http.request.resend_count", attempts - 1);
      const errorType = error ? (error.kind === "aws" ? error.code : error.kind) : undefined;
      if (error) {
        span.setAttribute("error.type", errorType ?? "error");
        span.setAttribute("ecs_assistant.error.kind", error.kind);
        if (error.kind === "aws" && error.httpStatus) span.setAttribute("http.response.status_code", error.httpStatus);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error.message.slice(0, 200) });
      }
      span.end();
      const meters = meterInstruments(api);
      meters.duration.record((performance.now() - started) / 1000, {
        ...attributes,
        ...(errorType ? { "error.type": errorType } : {}),
      });
      if (error)
        meters.errors.add(1, {
          ...attributes,
          "error.type": errorType ?? "error",
          "ecs_assistant.error.kind": error.kind,
        });
    },
  };
};
