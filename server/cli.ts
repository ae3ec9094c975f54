// The CLI for people and scripts: `tools`, `call <tool> --args '{...}'`, `doctor`, with the server's policy and AWS flags.

import { KNOWLEDGE_DEFAULT_URL } from "../lib/index.ts";
import { assistantFromConfig } from "./cli/assistantFromConfig.ts";
import { callCommand, EXIT } from "./cli/callCommand.ts";
import { type CliCommand, isCliCommand } from "./cli/commands.ts";
import { doctorCommand } from "./cli/doctorCommand.ts";
import type { CliIo } from "./cli/io.ts";
import { type CliFlags, splitArgs } from "./cli/splitArgs.ts";
import { toolsCommand } from "./cli/toolsCommand.ts";
import { ConfigError, loadConfig, type ServerConfig } from "./config.ts";

/** Usage of the subcommands (the server's flags are in `--help`). */
export const CLI_HELP = `Usage: ecs-mcp-server tools [--json] [policy flags]
       ecs-mcp-server call <tool> --args '{...}' | --args-file FILE|- [--pretty] [policy and AWS flags]
       ecs-mcp-server doctor [--json] [--timeout MS] [AWS and knowledge flags]

  tools    lists the tools with their gate (read, write, sensitive, per operation)
  call     runs one tool with the same policy as the server (read-only unless --allow-write) and prints
           its result as JSON on stdout (--pretty: indented text); exit 1 when the tool fails, 2 on bad usage
  doctor   checks region, credentials (STS GetCallerIdentity), AWS endpoints (honours AWS_ENDPOINT_URL*),
           the AWS Knowledge server and a container runtime, each with a fix; exit 1 when a check fails

Policy, AWS and logging flags and environment variables are the server's: see ecs-mcp-server --help.
`;

/** The knowledge server the doctor probes: the server's --knowledge-url / ECS_KNOWLEDGE_URL, none with --no-knowledge. */
const knowledgeUrlOf = (config: ServerConfig): string | undefined =>
  config.knowledge.enabled ? (config.knowledge.url ?? KNOWLEDGE_DEFAULT_URL) : undefined;

/** Runs one subcommand; returns the exit code. `argv` starts with the subcommand. */
export const runCli = async (
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  signal?: AbortSignal,
): Promise<number> => {
  const [command, ...after] = argv;
  if (!isCliCommand(command)) {
    io.err(`ecs-mcp-server: unknown command ${command}\n${CLI_HELP}`);
    return EXIT.usage;
  }
  const tool = command === "call" && after[0] && !after[0].startsWith("-") ? after.shift() : undefined;
  let flags: CliFlags;
  let config: ServerConfig;
  let rest: string[];
  try {
    ({ flags, rest } = splitArgs(after));
    if (flags.help) {
      io.out(CLI_HELP);
      return EXIT.ok;
    }
    config = loadConfig(rest, env);
  } catch (e) {
    if (!(e instanceof ConfigError) && !(e instanceof Error)) throw e;
    io.err(`ecs-mcp-server ${command}: ${e.message}\n`);
    return EXIT.usage;
  }
  const levelAsked = rest.some((a) => a.startsWith("--log-level")) || env.FASTMCP_LOG_LEVEL !== undefined;
  return dispatch(command, tool, flags, config, rest, env, io, levelAsked, signal);
};

const dispatch = async (
  command: CliCommand,
  tool: string | undefined,
  flags: CliFlags,
  config: ServerConfig,
  rest: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  levelAsked: boolean,
  signal?: AbortSignal,
): Promise<number> => {
  if (command === "doctor") {
    const timeoutMs = flags.timeoutMs === undefined ? 5000 : Number(flags.timeoutMs);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
      io.err("ecs-mcp-server doctor: --timeout must be an integer from 100 to 120000 (ms)\n");
      return EXIT.usage;
    }
    const knowledgeUrl = knowledgeUrlOf(config);
    return doctorCommand(config, rest, env, io, { json: flags.json, timeoutMs, knowledgeUrl, levelAsked });
  }
  let assistant: ReturnType<typeof assistantFromConfig>;
  try {
    assistant = assistantFromConfig(config, levelAsked, env);
  } catch (e) {
    io.err(`ecs-mcp-server ${command}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  try {
    return command === "tools"
      ? toolsCommand(assistant, io, flags.json)
      : await callCommand(assistant, tool, flags, io, signal);
  } finally {
    assistant.close();
  }
};
