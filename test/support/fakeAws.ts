// Loopback fake AWS endpoint: real SDK v3 clients talk to it over HTTP in the services' own wire protocols.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { defaultStatus, FakeAwsError } from "./awsError.ts";
import { decodeJsonRequest } from "./protocols/json.ts";
import { decodeQueryRequest } from "./protocols/query.ts";
import type { Loose, LooseIn, OperationName, SdkInput, SdkOutput } from "./sdkTypes.ts";
import type {
  DecodedRequest,
  FakeHandler,
  FakeInput,
  FakeOutput,
  FakeService,
  Fault,
  HandlerContext,
  RecordedCall,
  WireError,
  WireResponse,
} from "./types.ts";

export { awsError, FakeAwsError } from "./awsError.ts";
export type * from "./types.ts";

/** Services whose wire format is JSON: inputs keep numbers and booleans; query services send every leaf as text. */
type JsonService = "ecs" | "ecr" | "logs" | "cloudwatch";
/** A query-protocol input as decoded: the SDK's members, every leaf a string, lists as arrays. */
type Wire<T> = T extends readonly (infer E)[]
  ? Wire<E>[]
  : T extends Date
    ? string
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : string;
/** The input a handler sees for `service.operation`. */
export type HandlerInput<S extends FakeService, Op extends string> = S extends JsonService
  ? LooseIn<SdkInput<S, Op>> & FakeInput
  : Wire<SdkInput<S, Op>> & FakeInput;
/** A handler typed by the SDK's model of `service.operation`. */
export type TypedHandler<S extends FakeService, Op extends string> = (
  input: HandlerInput<S, Op>,
  ctx: HandlerContext,
) => Loose<SdkOutput<S, Op>> | Promise<Loose<SdkOutput<S, Op>>>;

export interface FakeAwsOptions {
  /** Fixed delay added to every answer, ms (also settable later via `latencyMs`). */
  readonly latencyMs?: number;
}

/** The running fake. Operation names are the SDK's (`DescribeClusters`); `"*"` matches any operation. */
export interface FakeAws {
  /** `http://127.0.0.1:<port>`: pass as `endpoint` to every client. */
  readonly url: string;
  /** Every request in arrival order, including those answered with a fault. */
  readonly calls: RecordedCall[];
  /** Delay added to every answer (faults included, except `reset`/`hang`), ms. */
  latencyMs: number;
  /**
   * Answers `service.operation` with the handler's result, or with a fixed output object. Operation names and output
   * members are the SDK's own (type-checked against the installed client: see sdkTypes.ts); `"*"` answers any operation.
   */
  on<S extends FakeService, Op extends OperationName<S>>(
    service: S,
    operation: Op,
    handler: TypedHandler<S, Op> | Loose<SdkOutput<S, Op>>,
  ): FakeAws;
  on(service: FakeService, operation: "*", handler: FakeHandler | FakeOutput): FakeAws;
  /** `on` for data-driven fixtures (JSON scenarios, wire-name tables) whose operation names are only known at run time. */
  onUntyped(service: FakeService, operation: string, handler: FakeHandler | FakeOutput): FakeAws;
  /** Makes `service.operation` fail (before the handler runs); replaces an earlier fault for it. */
  fail<S extends FakeService>(service: S, operation: OperationName<S> | "*", fault: Fault): FakeAws;
  /** Extra delay for one operation, added to `latencyMs`. */
  /** `fail` for data-driven fixtures whose operation names are only known at run time. */
  failUntyped(service: FakeService, operation: string, fault: Fault): FakeAws;
  setLatency<S extends FakeService>(service: S, operation: OperationName<S> | "*", ms: number): FakeAws;
  clearCalls(): void;
  clearFaults(): void;
  /** Forgets handlers, faults, per-operation latencies and calls; `latencyMs` goes back to the start option. */
  reset(): void;
  /** Stops listening and drops open connections, hanging ones included. */
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with a random port. */
export const startFakeAws = async (options: FakeAwsOptions = {}): Promise<FakeAws> => {
  const state = new FakeState(options.latencyMs ?? 0);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void serve(state, req, res).catch((cause: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`fakeAws internal error: ${String(cause)}`);
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const answer = (service: FakeService, operation: string, handler: unknown): FakeAws => {
    state.handlers.set(
      key(service, operation),
      (typeof handler === "function" ? handler : () => handler) as FakeHandler,
    );
    return fake;
  };
  const failWith = (service: FakeService, operation: string, fault: Fault): FakeAws => {
    state.faults.set(key(service, operation), { fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
    return fake;
  };
  const fake: FakeAws = {
    url: `http://127.0.0.1:${port}`,
    calls: state.calls,
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(ms: number) {
      state.latencyMs = ms;
    },
    on: (service: FakeService, operation: string, handler: unknown) => answer(service, operation, handler),
    onUntyped: (service, operation, handler) => answer(service, operation, handler),
    fail: (service, operation, fault) => failWith(service, operation, fault),
    failUntyped: (service, operation, fault) => failWith(service, operation, fault),
    setLatency: (service, operation, ms) => {
      state.latencies.set(key(service, operation), ms);
      return fake;
    },
    clearCalls: () => state.calls.splice(0),
    clearFaults: () => state.faults.clear(),
    reset: () => state.reset(),
    close: async () => {
      state.closed.abort();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
};

const key = (service: FakeService, operation: string): string => `${service}.${operation}`;

/** Everything a test configures, plus the recording. */
class FakeState {
  readonly calls: RecordedCall[] = [];
  readonly handlers = new Map<string, FakeHandler>();
  readonly faults = new Map<string, { fault: Fault; remaining: number }>();
  readonly latencies = new Map<string, number>();
  readonly closed = new AbortController();
  latencyMs: number;
  constructor(readonly initialLatencyMs: number) {
    this.latencyMs = initialLatencyMs;
  }

  reset(): void {
    this.calls.splice(0);
    this.handlers.clear();
    this.faults.clear();
    this.latencies.clear();
    this.latencyMs = this.initialLatencyMs;
  }

  /** Looks up `service.operation`, then `service.*`. */
  find<T>(map: Map<string, T>, service: FakeService, operation: string): T | undefined {
    return map.get(key(service, operation)) ?? map.get(key(service, "*"));
  }

  /** The fault for this call, counting it against `times`. */
  takeFault(service: FakeService, operation: string): Fault | undefined {
    const entry = this.find(this.faults, service, operation);
    if (!entry || entry.remaining <= 0) return undefined;
    entry.remaining -= 1;
    return entry.fault;
  }

  delayFor(service: FakeService, operation: string): number {
    return this.latencyMs + (this.find(this.latencies, service, operation) ?? 0);
  }
}

const serve = async (state: FakeState, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const rawBody = await readBody(req);
  const target = req.headers["x-amz-target"];
  const decoded = typeof target === "string" ? decodeJsonRequest(target, rawBody) : decodeQueryRequest(rawBody);
  const requestId = randomUUID();
  if (!("service" in decoded)) {
    return send(state, res, decoded.codec.error(decoded.operation, decoded.error, requestId), 0);
  }
  const { service, operation, input, codec } = decoded;
  const call: RecordedCall = { service, operation, input, time: Date.now(), requestId };
  state.calls.push(call);
  const delay = state.delayFor(service, operation);

  const fault = state.takeFault(service, operation);
  if (fault?.kind === "reset") return void req.socket.destroy();
  if (fault?.kind === "hang") return;
  if (fault?.kind === "http") {
    const body = fault.body ?? "";
    return send(state, res, { status: fault.status, headers: { "x-amzn-requestid": requestId }, body }, delay);
  }
  if (fault?.kind === "aws") {
    const error = { code: fault.code, message: fault.message ?? `${fault.code} (fake)`, status: fault.status };
    return send(
      state,
      res,
      codec.error(operation, { ...error, status: error.status ?? defaultStatus(fault.code) }, requestId),
      delay,
    );
  }
  const response = await answer(state, decoded, call, req, rawBody);
  return send(state, res, response, delay);
};

/** Runs the handler; a missing handler or a thrown error becomes an AWS error the test will notice. */
const answer = async (
  state: FakeState,
  { service, operation, input, codec }: DecodedRequest,
  call: RecordedCall,
  req: IncomingMessage,
  rawBody: string,
): Promise<WireResponse> => {
  const handler = state.find(state.handlers, service, operation);
  if (!handler) {
    const message = `fakeAws: no handler for ${service}.${operation}`;
    const error: WireError = { code: codec.unknownOperationCode, message, status: 400 };
    return codec.error(operation, error, call.requestId);
  }
  const callCount = state.calls.filter((c) => c.service === service && c.operation === operation).length;
  const ctx = {
    service,
    operation,
    callCount,
    requestId: call.requestId,
    headers: req.headers,
    rawBody,
    calls: state.calls,
  };
  try {
    return codec.success(operation, await handler(input, ctx), call.requestId);
  } catch (cause) {
    const error: WireError =
      cause instanceof FakeAwsError
        ? cause
        : { code: "InternalFailure", message: `fakeAws handler threw: ${String(cause)}`, status: 500 };
    return codec.error(operation, error, call.requestId);
  }
};

const send = async (state: FakeState, res: ServerResponse, response: WireResponse, delayMs: number): Promise<void> => {
  if (delayMs > 0) await sleep(delayMs, state.closed.signal);
  if (state.closed.signal.aborted || res.destroyed) return;
  res.writeHead(response.status, { ...response.headers, "content-length": String(Buffer.byteLength(response.body)) });
  res.end(response.body);
};

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
};
