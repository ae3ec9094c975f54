// Builds the assistant the CLI uses from the same ServerConfig as the MCP server, so flags and env mean the same.
import { createEcsAssistant, createFileAuditSink, type EcsAssistant } from "../../lib/index.ts";
import { assistantOptions } from "../assistantOptions.ts";
import type { ServerConfig } from "../config.ts";
import { createLogger } from "../log.ts";

/**
 * The CLI's assistant: the server's policy, AWS, knowledge, container, hosted and audit options (kept in step
 * with server/main.ts). Logs go to stderr at WARNING unless a level was asked for (`--log-level`,
 * FASTMCP_LOG_LEVEL), so a script's stderr stays quiet. Throws when the audit log cannot be opened.
 */
export const assistantFromConfig = (
  config: ServerConfig,
  levelAsked: boolean,
  env: NodeJS.ProcessEnv = {},
): EcsAssistant => {
  const log = createLogger({ level: levelAsked ? config.logLevel : "warn", file: config.logFile });
  const audit = config.auditLog ? createFileAuditSink(config.auditLog, (m) => log.error(m)) : undefined;
  if (audit?.isErr()) throw new Error(audit.error.message);
  return createEcsAssistant(assistantOptions(config, log, env, audit?.isOk() ? audit.value.write : undefined));
};
