// An AuditSink appending one JSON line per entry to a file, with a single O_APPEND write so lines never interleave.
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { err, ok, type Result } from "neverthrow";
import { type EcsError, ecsError } from "../errors.ts";
import type { AuditEntry, AuditSink } from "./auditEntry.ts";

/** A file-backed sink; `close` releases the descriptor. `failures` counts entries that could not be written. */
export interface FileAuditSink {
  readonly write: AuditSink;
  readonly path: string;
  failures: number;
  /** Releases the file descriptor; later entries are counted as failures. */
  close(): void;
}

/**
 * Opens `path` for appending (creating it and its directory, mode 0600) so a server fails at start, not on the first
 * write, when the audit log is unwritable. Each entry is one `writeSync` of a whole line on an O_APPEND descriptor:
 * atomic per line, and in the kernel's page cache before the call returns, so a crash of the process loses nothing.
 */
export const createFileAuditSink = (
  path: string,
  onError: (message: string) => void = () => {},
): Result<FileAuditSink, EcsError> => {
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, "a", 0o600);
  } catch (e) {
    return err(
      ecsError("unavailable", {
        message: `Cannot open the audit log ${path}: ${(e as Error).message}`,
        hint: "Choose a writable file for --audit-log (its directory is created when missing).",
      }),
    );
  }
  let open = true;
  const sink: FileAuditSink = {
    path,
    failures: 0,
    write: (entry: AuditEntry) => {
      if (!open) return;
      try {
        writeSync(fd, `${JSON.stringify(entry)}\n`);
      } catch (e) {
        sink.failures++;
        onError(`Audit log ${path} write failed: ${(e as Error).message}`);
      }
    },
    close: () => {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
  return ok(sink);
};
