// awsJson1_1 wire format (ECS, ECR, CloudWatch Logs): X-Amz-Target routing, JSON bodies, `__type` errors.
import type { DecodedRequest, FakeOutput, FakeService, UndecodableRequest, WireCodec } from "../types.ts";

/** X-Amz-Target prefixes (the service's Smithy `serviceTarget`) → service key. */
const TARGETS: Record<string, FakeService> = {
  AmazonEC2ContainerServiceV20141113: "ecs",
  AmazonEC2ContainerRegistry_V20150921: "ecr",
  Logs_20140328: "logs",
};

const CONTENT_TYPE = "application/x-amz-json-1.1";

/**
 * Errors carry the code twice, in `__type` and `x-amzn-errortype`; the SDK reads the body first
 * (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization).
 */
export const jsonCodec: WireCodec = {
  unknownOperationCode: "UnknownOperationException",
  success: (_operation, output, requestId) => ({
    status: 200,
    headers: { "content-type": CONTENT_TYPE, "x-amzn-requestid": requestId },
    body: JSON.stringify(toJsonWire(output)),
  }),
  error: (_operation, error, requestId) => ({
    status: error.status,
    headers: { "content-type": CONTENT_TYPE, "x-amzn-requestid": requestId, "x-amzn-errortype": error.code },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  }),
};

/** Routes by `X-Amz-Target: <serviceTarget>.<Operation>` and parses the JSON body. */
export const decodeJsonRequest = (target: string, body: string): DecodedRequest | UndecodableRequest => {
  const dot = target.lastIndexOf(".");
  const operation = dot < 0 ? target : target.slice(dot + 1);
  const service = TARGETS[target.slice(0, Math.max(dot, 0))];
  if (!service) {
    return {
      codec: jsonCodec,
      operation,
      error: { code: "UnknownOperationException", message: `fakeAws: unknown X-Amz-Target ${target}`, status: 400 },
    };
  }
  try {
    const input: unknown = body.trim() ? JSON.parse(body) : {};
    return { service, operation, input: isObject(input) ? input : {}, codec: jsonCodec };
  } catch {
    return {
      codec: jsonCodec,
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
