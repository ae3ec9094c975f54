#!/usr/bin/env node
// Entry point of the ecs-mcp-server binary: reads flags and env, builds the assistant, serves MCP over stdio or HTTP.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { COMMIT, createEcsAssistant, VERSION } from "../lib/index.ts";
import { ConfigError, HELP, loadConfig, type ServerConfig } from "./config.ts";
import { startHttp } from "./http.ts";
import { createLogger } from "./log.ts";
import { createMcpServer } from "./mcp.ts";

const main = async (): Promise<number> => {
  let config: ServerConfig;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`ecs-mcp-server: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (config.command === "version") {
    process.stdout.write(`ecs-mcp-server ${VERSION} (${COMMIT})\n`);
    return 0;
  }
  if (config.command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  const log = createLogger({ level: config.logLevel, file: config.logFile });
  if (log.fileError) log.warn(log.fileError);
  const assistant = createEcsAssistant({
    policy: config.policy,
    flagNaming: "env",
    logger: log,
    aws: {
      region: config.region,
      profile: config.profile,
      endpoints: config.endpoints,
      maxAttempts: config.maxAttempts,
      requestTimeoutMs: config.requestTimeoutMs,
    },
  });
  log.info(`Server started: ecs-assistant ${VERSION} (${COMMIT})`, {
    allowWrite: assistant.policy.allowWrite,
    allowSensitiveData: assistant.policy.allowSensitiveData,
    transport: config.transport,
    region: config.region ?? "(from profile)",
  });
  process.on("unhandledRejection", (e) => log.error("unhandled rejection", { error: e }));
  process.on("uncaughtException", (e) => log.error("uncaught exception", { error: e }));

  const stop = new Promise<string>((resolve) => {
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => resolve(sig));
  });
  if (config.transport === "http") {
    const http = await startHttp(assistant, log, config);
    const sig = await stop;
    log.info(`Server shutting down (${sig})`);
    await http.close();
  } else {
    const transport = new StdioServerTransport();
    const closed = new Promise<string>((resolve) => {
      transport.onclose = () => resolve("stdin closed");
      process.stdin.once("end", () => resolve("stdin closed"));
    });
    await createMcpServer(assistant, log).connect(transport);
    const why = await Promise.race([stop, closed]);
    log.info(`Server shutting down (${why})`);
  }
  assistant.close();
  return 0;
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`ecs-mcp-server: fatal: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
