// Shared types of the loopback fake AWS endpoint: services, handlers, faults, recorded calls, wire codecs.
import type { IncomingHttpHeaders } from "node:http";

/** Service keys; the same names as lib/aws/services.ts so tests read alike. */
export type FakeService = "ecs" | "ecr" | "logs" | "cloudformation" | "iam" | "elbv2" | "ec2" | "sts" | "cloudwatch";

/**
 * A decoded request. JSON services give the body as sent; query services give strings only
 * (the wire carries no types), with `.member.N` / EC2 `.N` lists turned back into arrays.
 */
// biome-ignore lint/suspicious/noExplicitAny: handler inputs are whatever the SDK sent; tests read them freely.
export type FakeInput = Record<string, any>;

/** SDK-shaped output (PascalCase member names as in the SDK's `*CommandOutput`); Dates are allowed anywhere. */
export type FakeOutput = Record<string, unknown>;

/** One request as the fake saw it, recorded before any fault or handler runs. */
export interface RecordedCall {
  readonly service: FakeService;
  readonly operation: string;
  readonly input: FakeInput;
  /** Date.now() when the request body was decoded. */
  readonly time: number;
  readonly requestId: string;
}

/** What a handler may look at besides the input. */
export interface HandlerContext {
  readonly service: FakeService;
  readonly operation: string;
  /** 1-based: how many calls to this service+operation were recorded, this one included. */
  readonly callCount: number;
  readonly requestId: string;
  readonly headers: IncomingHttpHeaders;
  /** The request body as sent (form-encoded for query services). */
  readonly rawBody: string;
  /** Every call recorded so far, this one included. */
  readonly calls: readonly RecordedCall[];
}

export type FakeHandler = (input: FakeInput, ctx: HandlerContext) => FakeOutput | Promise<FakeOutput>;

/** `times`: fail this many calls, then let the handler answer (omit to fail until `clearFaults`). */
interface Repeat {
  readonly times?: number;
}

/** An AWS error response in the service's own protocol; status defaults to 400 (5xx for server-side codes). */
export interface AwsFault extends Repeat {
  readonly kind: "aws";
  readonly code: string;
  readonly message?: string;
  readonly status?: number;
}

/** A bare HTTP error with an optional body, e.g. a load balancer's 503. */
export interface HttpFault extends Repeat {
  readonly kind: "http";
  readonly status: number;
  readonly body?: string;
}

/** `reset` destroys the socket; `hang` never answers (use a client requestTimeout). */
export interface ConnectionFault extends Repeat {
  readonly kind: "reset" | "hang";
}

export type Fault = AwsFault | HttpFault | ConnectionFault;

/** An HTTP response ready to write. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** An AWS error to encode in some protocol. */
export interface WireError {
  readonly code: string;
  readonly message: string;
  readonly status: number;
}

/** Encodes results and errors the way one protocol (and service) does on the wire. */
export interface WireCodec {
  /** The code the real service uses for an action it does not know. */
  readonly unknownOperationCode: string;
  success(operation: string, output: FakeOutput, requestId: string): WireResponse;
  error(operation: string, error: WireError, requestId: string): WireResponse;
}

/** A request the fake understood: who is called, with what, and how to answer. */
export interface DecodedRequest {
  readonly service: FakeService;
  readonly operation: string;
  readonly input: FakeInput;
  readonly codec: WireCodec;
}

/** A request the fake could not route: answer with this error in this codec. */
export interface UndecodableRequest {
  readonly codec: WireCodec;
  readonly operation: string;
  readonly error: WireError;
}
