#!/usr/bin/env node
// Entry point of the ecs-mcp-server binary: reads flags and env, builds the assistant, serves MCP over stdio or HTTP.
import { COMMIT, createEcsAssistant, createFileAuditSink, type FileAuditSink, VERSION } from "../lib/index.ts";
import { assistantOptions } from "./assistantOptions.ts";
import { isCliCommand } from "./cli/commands.ts";
import { ConfigError, HELP, loadConfig, type ServerConfig } from "./config.ts";
import { createLogger } from "./log.ts";
import { cancelRunning, createCallTracker } from "./shutdown.ts";
import { serveStdio } from "./stdio.ts";
import { startTelemetry, telemetryConfigured } from "./telemetry.ts";

const main = async (): Promise<number> => {
  if (isCliCommand(process.argv[2])) return runCliCommand();
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
  // OpenTelemetry SDK and exporters: loaded only when an OTLP endpoint is configured (cold start unchanged otherwise).
  const telemetry = telemetryConfigured(process.env) ? await startTelemetry(process.env, VERSION) : undefined;
  let audit: FileAuditSink | undefined;
  if (config.auditLog) {
    const opened = createFileAuditSink(config.auditLog, (m) => log.error(m));
    if (opened.isErr()) {
      process.stderr.write(`ecs-mcp-server: ${opened.error.message}\n`);
      return 2;
    }
    audit = opened.value;
  }
  const assistant = createEcsAssistant(assistantOptions(config, log, process.env, audit?.write));
  log.info(`Server started: ecs-assistant ${VERSION} (${COMMIT})`, {
    allowWrite: assistant.policy.allowWrite,
    allowSensitiveData: assistant.policy.allowSensitiveData,
    transport: config.transport,
    region: config.region ?? "(from profile)",
    ...(audit ? { auditLog: audit.path } : {}),
  });
  process.on("unhandledRejection", (e) => log.error("unhandled rejection", { error: e }));
  process.on("uncaughtException", (e) => log.error("uncaught exception", { error: e }));

  const stop = new Promise<string>((resolve) => {
    for (const sig of ["SIGINT", "SIGTERM"] as const)
      process.once(sig, () => {
        // A second signal during the grace period means "now".
        process.once(sig, () => process.exit(130));
        resolve(sig);
      });
  });
  if (config.transport === "http") {
    // Loaded only for --http: the stdio server never pays for the HTTP transport.
    const { startHttp } = await import("./http.ts");
    const { createConfirmStates } = await import("./confirmState.ts");
    const { stateSigner } = await import("./stateKey.ts");
    const { createTaskRunner } = await import("./tasks.ts");
    // One key signs MRTR states and task handles: every replica must share it (ECS_MCP_STATE_KEY).
    const signer = stateSigner(config.stateKey);
    // OAuth (and jose) load only when configured.
    const oauth = config.oauth ? (await import("./auth/oauth.ts")).createOAuthGate(config.oauth) : undefined;
    const { oauth: _oauthConfig, ...settings } = config;
    const http = await startHttp(assistant, log, {
      ...settings,
      ...(oauth ? { oauth } : {}),
      confirmStates: createConfirmStates(signer),
      tasks: createTaskRunner(assistant, log, { signer }),
    });
    const sig = await stop;
    log.info(`Server shutting down (${sig})`);
    const { cancelled } = await http.close(config.shutdownGraceMs);
    log.info(`HTTP transport closed${cancelled ? ` (${cancelled} call(s) cancelled)` : ""}`);
  } else {
    const stdio = await serveStdio(assistant, log);
    const closed = new Promise<string>((resolve) => {
      stdio.closed.then(resolve);
      process.stdin.once("end", () => resolve("stdin closed"));
    });
    const tracker = createCallTracker();
    tracker.track(stdio.wire, () => "stdio");
    const why = await Promise.race([stop, closed]);
    log.info(`Server shutting down (${why})`);
    if (!(await tracker.idle(config.shutdownGraceMs))) {
      log.warn(`Cancelling ${tracker.inFlight} tool call(s) still running after ${config.shutdownGraceMs} ms`);
      await cancelRunning(stdio.wire, tracker, "stdio");
    }
    await stdio.close();
  }
  assistant.close();
  audit?.close();
  await telemetry?.shutdown();
  return 0;
};

/** `tools`, `call`, `doctor`: the CLI, loaded only when asked for so the server path stays lean. */
const runCliCommand = async (): Promise<number> => {
  const [{ runCli }, { processIo }] = await Promise.all([import("./cli.ts"), import("./cli/io.ts")]);
  const interrupt = new AbortController();
  process.once("SIGINT", () => interrupt.abort());
  return runCli(process.argv.slice(2), process.env, processIo(), interrupt.signal);
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`ecs-mcp-server: fatal: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
