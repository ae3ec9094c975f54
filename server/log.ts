// Server logger: text lines to stderr (never stdout, the MCP channel) and optionally appended to a log file.
import { AsyncLocalStorage } from "node:async_hooks";
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Logger, LogLevel } from "../lib/index.ts";
import { redactText } from "../lib/index.ts";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const requestFields = new AsyncLocalStorage<Readonly<Record<string, unknown>>>();

/** Runs `fn` so that every log line it (and what it awaits) writes carries `fields`, e.g. the OAuth caller. */
export const withLogFields = <T>(fields: Readonly<Record<string, unknown>>, fn: () => T): T =>
  requestFields.run({ ...requestFields.getStore(), ...fields }, fn);

/** Where logs go and from which level. */
export interface LogSettings {
  readonly level: LogLevel;
  readonly file?: string;
  /** Also write to stderr (default true). */
  readonly stderr?: boolean;
}

/** Creates the server logger. Every line passes the secret redactor, whatever the level. */
export const createLogger = (
  settings: LogSettings,
  write: (line: string) => void = (l) => process.stderr.write(l),
): Logger & { fileError?: string } => {
  let fileOk = Boolean(settings.file);
  let fileError: string | undefined;
  if (settings.file) {
    try {
      mkdirSync(dirname(settings.file), { recursive: true });
    } catch (e) {
      fileOk = false;
      fileError = `Cannot create the log directory for ${settings.file}: ${(e as Error).message}`;
    }
  }
  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[settings.level]) return;
    const all = { ...requestFields.getStore(), ...fields };
    const extra = Object.keys(all).length > 0 ? ` ${safeJson(all)}` : "";
    const line = redactText(
      `${new Date().toISOString()} - ecs-mcp-server - ${level.toUpperCase()} - ${message}${extra}`,
    ).text;
    if (settings.stderr !== false) write(`${line}\n`);
    if (fileOk && settings.file) {
      try {
        appendFileSync(settings.file, `${line}\n`);
      } catch (e) {
        fileOk = false;
        write(`Log file ${settings.file} is not writable (${(e as Error).message}); logging to stderr only.\n`);
      }
    }
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    fileError,
  };
};

const safeJson = (v: unknown): string => {
  try {
    return JSON.stringify(v, (_k, x) => (x instanceof Error ? { name: x.name, message: x.message } : x));
  } catch {
    return "[unserialisable]";
  }
};
