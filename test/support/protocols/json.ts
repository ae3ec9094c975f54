// awsJson wire formats: 1.1 (ECS, ECR, CloudWatch Logs) and 1.0 (CloudWatch, in awsQuery-compatible mode):
// X-Amz-Target routing, JSON bodies, `__type` errors.
import type { DecodedRequest, FakeOutput, FakeService, UndecodableRequest, WireCodec } from "../types.ts";

/** How a JSON service speaks: its content type, and whether it is awsQuery-compatible (CloudWatch). */
interface JsonDialect {
  readonly service: FakeService;
  readonly version: "1.0" | "1.1";
  readonly queryCompatible?: boolean;
}

/** X-Amz-Target prefixes (the service's Smithy `serviceTarget`) → service and dialect. */
const TARGETS: Record<string, JsonDialect> = {
  AmazonEC2ContainerServiceV20141113: { service: "ecs", version: "1.1" },
  AmazonEC2ContainerRegistry_V20150921: { service: "ecr", version: "1.1" },
  Logs_20140328: { service: "logs", version: "1.1" },
  // CloudWatch moved from awsQuery to awsJson1_0 keeping its query error codes (@aws-sdk/client-cloudwatch sends
  // `x-amzn-query-mode: true` and reads the code from `x-amzn-query-error: <Code>;<Sender|Receiver>`).
  GraniteServiceVersion20100801: { service: "cloudwatch", version: "1.0", queryCompatible: true },
};

/**
 * Errors carry the code twice, in `__type` and `x-amzn-errortype`; the SDK reads the body first
 * (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization).
 * awsQuery-compatible services add `x-amzn-query-error` (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#aws-protocols-awsquerycompatible-trait).
 */
const codecFor = (version: "1.0" | "1.1", queryCompatible = false): WireCodec => {
  const contentType = `application/x-amz-json-${version}`;
  return {
    unknownOperationCode: "UnknownOperationException",
    success: (_operation, output, requestId) => ({
      status: 200,
      headers: { "content-type": contentType, "x-amzn-requestid": requestId },
      body: JSON.stringify(toJsonWire(output)),
    }),
    error: (_operation, error, requestId) => ({
      status: error.status,
      headers: {
        "content-type": contentType,
        "x-amzn-requestid": requestId,
        "x-amzn-errortype": error.code,
        ...(queryCompatible
          ? { "x-amzn-query-error": `${error.code};${error.status >= 500 ? "Receiver" : "Sender"}` }
          : {}),
      },
      body: JSON.stringify({ __type: error.code, message: error.message }),
    }),
  };
};

/** The awsJson1_1 codec (ECS, ECR, CloudWatch Logs). */
export const jsonCodec: WireCodec = codecFor("1.1");
const CODECS = new Map<string, WireCodec>([["1.1", jsonCodec]]);
const codecOf = (d: JsonDialect): WireCodec => {
  const k = `${d.version}${d.queryCompatible ? "q" : ""}`;
  const c = CODECS.get(k) ?? codecFor(d.version, d.queryCompatible);
  CODECS.set(k, c);
  return c;
};

/** Routes by `X-Amz-Target: <serviceTarget>.<Operation>` and parses the JSON body. */
export const decodeJsonRequest = (target: string, body: string): DecodedRequest | UndecodableRequest => {
  const dot = target.lastIndexOf(".");
  const operation = dot < 0 ? target : target.slice(dot + 1);
  const dialect = TARGETS[target.slice(0, Math.max(dot, 0))];
  if (!dialect) {
    return {
      codec: jsonCodec,
      operation,
      error: { code: "UnknownOperationException", message: `fakeAws: unknown X-Amz-Target ${target}`, status: 400 },
    };
  }
  try {
    const input: unknown = body.trim() ? JSON.parse(body) : {};
    return { service: dialect.service, operation, input: isObject(input) ? input : {}, codec: codecOf(dialect) };
  } catch {
    return {
      codec: codecOf(dialect),
      operation,
      error: { code: "SerializationException", message: "fakeAws: request body is not JSON", status: 400 },
    };
  }
};

/**
 * awsJson timestamps are epoch seconds (fractions allowed) and blobs base64; the SDK rejects ISO strings
 * in timestamp members, so handlers return Date objects and this converts them.
 */
export const toJsonWire = (value: unknown): unknown => {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(toJsonWire);
  if (isObject(value)) {
    const out: FakeOutput = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) out[key] = toJsonWire(member);
    }
    return out;
  }
  return value;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
