// Logger interface the library writes to (never stdout); the server supplies stderr/file sinks.

export type LogLevel = "debug" | "info" | "warn" | "error";

/** Structured logger. `fields` must already be free of secrets. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The default: drops everything (a library stays silent unless given a logger). */
export const silentLogger: Logger = Object.freeze({
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
});
