// The one mapping from ServerConfig to EcsAssistantOptions, shared by the MCP server and the CLI.
import type { AuditSink, EcsAssistantOptions, Logger } from "../lib/index.ts";
import type { ServerConfig } from "./config.ts";

/**
 * Assistant options for a server-side config. `env` is the process environment handed to build/push child
 * processes (the library never reads process.env itself).
 */
export const assistantOptions = (
  config: ServerConfig,
  logger: Logger,
  env: NodeJS.ProcessEnv,
  audit?: AuditSink,
): EcsAssistantOptions => ({
  policy: config.policy,
  logger,
  ...(audit ? { audit } : {}),
  aws: {
    region: config.region,
    profile: config.profile,
    endpoints: config.endpoints,
    maxAttempts: config.maxAttempts,
    requestTimeoutMs: config.requestTimeoutMs,
  },
  knowledge: config.knowledge,
  container: {
    ...(config.containerRuntime ? { runtime: config.containerRuntime } : {}),
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
  },
  ...(config.hosted ? { hosted: config.hosted } : {}),
});
