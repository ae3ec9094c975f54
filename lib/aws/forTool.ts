// The AwsCall a tool call gets: the call's abort signal and the tool's name travel with every AWS call it makes.
import type { AwsCall } from "./call.ts";

/** Binds `signal` (unless a call passes its own) and the tool name (for observers) to every call through `aws`. */
export const forTool = (aws: AwsCall, tool: string, signal?: AbortSignal): AwsCall =>
  ((service, operation, input, options) =>
    aws(service, operation, input, { ...options, signal: options?.signal ?? signal, tool })) as AwsCall;
