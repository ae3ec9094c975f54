// The AwsCall a tool call gets: the call's abort signal and the tool's name travel with every AWS call it makes.
import type { AwsCall, RawAwsCall } from "./call.ts";

/**
 * The one place a tool's AWS calls get their abort signal: every call through the result carries `signal` (a
 * cancelled MCP request, `InvokeOptions.signal`) and the tool's name (for observers). Tools never pass a signal.
 */
export const forTool = (aws: RawAwsCall, tool: string, signal?: AbortSignal): AwsCall =>
  ((service, operation, input, options) =>
    aws(service, operation, input, { ...options, ...(signal ? { signal } : {}), tool })) as AwsCall;
