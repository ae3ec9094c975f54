// Builds the assistant the CLI uses from the same ServerConfig as the MCP server, so flags and env mean the same.
import { createEcsAssistant, type EcsAssistant } from "../../lib/index.ts";
import type { ServerConfig } from "../config.ts";
import { createLogger } from "../log.ts";

/**
 * The CLI's assistant: the server's policy, AWS and logging options. Logs go to stderr at WARNING unless
 * a level was asked for (`--log-level`, FASTMCP_LOG_LEVEL), so a script's stderr stays quiet.
 */
export const assistantFromConfig = (config: ServerConfig, levelAsked: boolean): EcsAssistant =>
  createEcsAssistant({
    policy: config.policy,
    flagNaming: "env",
    logger: createLogger({ level: levelAsked ? config.logLevel : "warn", file: config.logFile }),
    aws: {
      region: config.region,
      profile: config.profile,
      endpoints: config.endpoints,
      maxAttempts: config.maxAttempts,
      requestTimeoutMs: config.requestTimeoutMs,
    },
  });
