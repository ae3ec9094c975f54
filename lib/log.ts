// Logger interface the library writes to (never stdout); the server supplies stderr/file sinks.

/** Severity of a log line; the sink drops lines below its level. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** Structured logger. `fields` must already be free of secrets. */
export interface Logger {
  /** Detail for debugging (AWS calls, retries). */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Normal operation (tool calls, start-up). */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Something degraded but the call went on. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** A failure. */
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The default: drops everything (a library stays silent unless given a logger). */
export const silentLogger: Logger = Object.freeze({
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
});
