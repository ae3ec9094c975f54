// `ecs-mcp-server doctor`: runs the checks and prints each with its fix; exit 1 when any check failed.
import type { ServerConfig } from "../config.ts";
import { assistantFromConfig } from "./assistantFromConfig.ts";
import type { CheckStatus } from "./doctor/check.ts";
import { runDoctor } from "./doctor/runDoctor.ts";
import type { CliIo } from "./io.ts";

/** How the doctor was asked to run. */
export interface DoctorOptions {
  readonly json: boolean;
  readonly timeoutMs: number;
  readonly knowledgeUrl?: string;
  readonly levelAsked: boolean;
}

const MARK: Record<CheckStatus, string> = { ok: "ok  ", warn: "WARN", fail: "FAIL" };

const regionSource = (argv: readonly string[], env: NodeJS.ProcessEnv, config: ServerConfig): string =>
  argv.some((a) => a === "--region" || a.startsWith("--region="))
    ? "--region"
    : env.AWS_REGION
      ? "AWS_REGION"
      : env.AWS_DEFAULT_REGION
        ? "AWS_DEFAULT_REGION"
        : config.region
          ? "default"
          : "profile";

/** Prints the report (text, or JSON with `--json`) and returns the exit code. */
export const doctorCommand = async (
  config: ServerConfig,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  options: DoctorOptions,
): Promise<number> => {
  const assistant = assistantFromConfig(
    {
      ...config,
      maxAttempts: 1,
      requestTimeoutMs: Math.min(config.requestTimeoutMs ?? options.timeoutMs, options.timeoutMs),
    },
    options.levelAsked,
    env,
  );
  const checks = await runDoctor({
    assistant,
    region: config.region,
    regionSource: regionSource(argv, env, config),
    profile: config.profile,
    endpoints: config.endpoints,
    knowledgeUrl: options.knowledgeUrl,
    env,
    timeoutMs: options.timeoutMs,
  });
  assistant.close();
  const failed = checks.filter((c) => c.status === "fail").length;
  if (options.json) io.out(`${JSON.stringify({ ok: failed === 0, checks }, null, 2)}\n`);
  else {
    const width = Math.max(...checks.map((c) => c.name.length));
    for (const c of checks) {
      io.out(`${MARK[c.status]}  ${c.name.padEnd(width)}  ${c.detail}\n`);
      if (c.fix) io.out(`      ${" ".repeat(width)}  fix: ${c.fix}\n`);
    }
    const warned = checks.filter((c) => c.status === "warn").length;
    io.out(
      `\n${failed === 0 ? "No problems found" : `${failed} problem${failed > 1 ? "s" : ""} found`}${warned ? `, ${warned} warning${warned > 1 ? "s" : ""}` : ""}.\n`,
    );
  }
  return failed === 0 ? 0 : 1;
};
