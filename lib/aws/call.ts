// The one wrapper around SDK calls: loads the command lazily, sends it, maps failures to EcsError.

import { ResultAsync } from "neverthrow";
import pLimit from "p-limit";
import type { EcsError } from "../errors.ts";
import { type AwsCallTelemetry, startAwsCallTelemetry } from "./callTelemetry.ts";
import type { ClientFactory } from "./clients.ts";
import { type CallContext, mapAwsError } from "./hints.ts";
import { LOADERS, type ServiceModules, type ServiceName } from "./services.ts";

type CommandKey<M> = Extract<keyof M, `${string}Command`>;
/** Operation names of a service, e.g. `ListClusters` for ECS. */
export type OperationOf<S extends ServiceName> =
  CommandKey<ServiceModules[S]> extends `${infer Op}Command` ? Op : never;

type CommandCtor<S extends ServiceName, Op extends string> = ServiceModules[S][`${Op}Command` &
  keyof ServiceModules[S]];
type Instance<C> = C extends abstract new (...args: never[]) => infer I ? I : never;
/** Input type of `Op` on service `S`. */
export type InputOf<S extends ServiceName, Op extends string> =
  Instance<CommandCtor<S, Op>> extends { input: infer I } ? I : never;
/** Output type of `Op` on service `S`. */
export type OutputOf<S extends ServiceName, Op extends string> =
  Instance<CommandCtor<S, Op>> extends {
    /** The SDK command's handler; only its output type is used. */
    resolveMiddleware(...a: never[]): (...a: never[]) => Promise<{ output: infer O }>;
  }
    ? O
    : never;

/** Per-call options a tool may pass. The abort signal is not one: it comes with the tool's AwsCall (see forTool). */
export interface CallOptions {
  /** Call another region than the assistant's (e.g. a log group in its awslogs-region). */
  readonly region?: string;
}

/** Options of the assistant's raw call: what a tool's AwsCall binds for it (its signal and name), plus CallOptions. */
export interface RawCallOptions extends CallOptions {
  readonly signal?: AbortSignal;
  /** The tool this call is made for (observers see it). */
  readonly tool?: string;
}

/**
 * The shape capabilities use to talk to AWS: typed, lazy, never throwing. A tool's `ctx.aws` already carries the
 * tool call's abort signal, so tools pass only {@link CallOptions}.
 */
export type AwsCall<O extends CallOptions = CallOptions> = <S extends ServiceName, Op extends OperationOf<S>>(
  service: S,
  operation: Op,
  input: InputOf<S, Op>,
  options?: O,
) => ResultAsync<OutputOf<S, Op>, EcsError>;

/** The assistant's own AwsCall (`assistant.aws`): scripts pass their signal per call; the registry binds a tool's. */
export type RawAwsCall = AwsCall<RawCallOptions>;

/** Observer hook for metrics/logging of every AWS call. */
export type CallObserver = (event: {
  service: ServiceName;
  operation: string;
  /** The tool that made the call, when a tool did. */
  tool?: string;
  ms: number;
  ok: boolean;
  code?: string;
}) => void;

/** Creates the raw AWS call bound to a client factory; tools get it through `forTool`. */
export const createAwsCall = (
  clients: ClientFactory,
  ctx: { region?: string; profile?: string; observe?: CallObserver; maxConcurrency?: number },
): RawAwsCall => {
  const limit = pLimit(ctx.maxConcurrency ?? 16);
  return (service, operation, input, options) => {
    const callCtx: CallContext = { service, operation, region: options?.region ?? ctx.region, profile: ctx.profile };
    const started = Date.now();
    let telemetry: AwsCallTelemetry | undefined;
    const run = async () => {
      const [client, mod] = await Promise.all([clients.get(service, options?.region), LOADERS[service]()]);
      const Command = (mod as Record<string, unknown>)[`${operation}Command`] as
        | (new (
            input: unknown,
          ) => unknown)
        | undefined;
      if (!Command)
        throw Object.assign(new Error(`No such operation ${operation}`), { name: "UnknownOperationException" });
      const send = (client as unknown as { send(c: unknown, o?: object): Promise<unknown> }).send.bind(client);
      return send(new Command(input ?? {}), options?.signal ? { abortSignal: options.signal } : undefined);
    };
    return ResultAsync.fromPromise(
      limit(async () => {
        telemetry = await startAwsCallTelemetry(service, operation, callCtx.region);
        return telemetry.runIn(run);
      }),
      (e) => mapAwsError(e, callCtx),
    )
      .map((out) => {
        telemetry?.end({ metadata: (out as { $metadata?: { requestId?: string; attempts?: number } }).$metadata });
        ctx.observe?.({ service, operation, tool: options?.tool, ms: Date.now() - started, ok: true });
        return out as OutputOf<typeof service, typeof operation>;
      })
      .mapErr((e) => {
        telemetry?.end({ error: e });
        ctx.observe?.({
          service,
          operation,
          tool: options?.tool,
          ms: Date.now() - started,
          ok: false,
          code: e.kind === "aws" ? e.code : e.kind,
        });
        return e;
      });
  };
};
