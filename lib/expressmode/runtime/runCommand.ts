// Runs one container CLI command: argument array (never a shell), optional stdin, streamed lines, bounded tail, kill on cancel.
import { spawn } from "node:child_process";
import { ResultAsync } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";
import { cancelledError } from "../util/sleep.ts";

/** How to run a command. */
export interface RunOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Written to stdin, then stdin is closed (how secrets reach the CLI: never in argv). */
  readonly stdin?: string;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** Each output line (stdout and stderr), as it arrives. */
  readonly onLine?: (line: string) => void;
  /** Lines kept for the result (default 60). */
  readonly tailLines?: number;
}

/** A finished command. */
export interface RunResult {
  readonly exitCode: number;
  /** The last lines of stdout and stderr, interleaved as they came. */
  readonly tail: readonly string[];
  /** All of stdout (bounded to 64 KiB), for commands whose answer is on stdout. */
  readonly stdout: string;
}

const STDOUT_MAX = 64 * 1024;
const KILL_GRACE_MS = 3000;

/**
 * Spawns `command args` without a shell. Resolves with the exit code (non-zero is not an error here: callers
 * know what a failure means); a missing binary is a `container_runtime` error, abort is `cancelled`, and
 * running past `timeoutMs` is `timeout` — the child is killed in both cases.
 */
export const runCommand = (
  command: string,
  args: readonly string[],
  o: RunOptions = {},
): ResultAsync<RunResult, EcsError> =>
  ResultAsync.fromPromise(
    new Promise<RunResult>((resolve, reject) => {
      if (o.signal?.aborted) return reject(cancelledError(`${command} ${args[0] ?? ""}`));
      const child = spawn(command, [...args], {
        env: o.env ? { ...o.env } : undefined,
        cwd: o.cwd,
        stdio: ["pipe", "pipe", "pipe"],
        shell: false,
      });
      const tail: string[] = [];
      const max = o.tailLines ?? 60;
      let stdout = "";
      let ended: EcsError | undefined;
      const line = (l: string) => {
        tail.push(l);
        if (tail.length > max) tail.shift();
        o.onLine?.(l);
      };
      const splitter = () => {
        let buf = "";
        return {
          push: (chunk: string) => {
            buf += chunk;
            const parts = buf.split(/\r?\n|\r/);
            buf = parts.pop() ?? "";
            for (const p of parts) if (p.trim()) line(p);
          },
          flush: () => buf.trim() && line(buf),
        };
      };
      const out = splitter();
      const errs = splitter();
      child.stdout.setEncoding("utf8").on("data", (c: string) => {
        if (stdout.length < STDOUT_MAX) stdout += c.slice(0, STDOUT_MAX - stdout.length);
        out.push(c);
      });
      child.stderr.setEncoding("utf8").on("data", (c: string) => errs.push(c));
      const kill = (why: EcsError) => {
        ended ??= why;
        child.kill("SIGTERM");
        setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), KILL_GRACE_MS).unref();
      };
      const onAbort = () => kill(cancelledError(`${command} ${args[0] ?? ""}`));
      o.signal?.addEventListener("abort", onAbort, { once: true });
      const timer = o.timeoutMs
        ? setTimeout(
            () =>
              kill(
                ecsError("timeout", {
                  operation: `${command} ${args[0] ?? ""}`,
                  afterMs: o.timeoutMs,
                  message: `${command} ${args[0] ?? ""} did not finish within ${Math.round((o.timeoutMs ?? 0) / 1000)}s and was stopped.`,
                  hint: "Check the build log tail; raise container.commandTimeoutMs for slow builds.",
                }),
              ),
            o.timeoutMs,
          )
        : undefined;
      child.on("error", (e: NodeJS.ErrnoException) => {
        ended ??=
          e.code === "ENOENT"
            ? ecsError("container_runtime", {
                command,
                message: `The container CLI '${command}' was not found on PATH.`,
                hint: "Install Docker, Finch or Podman, or choose an installed one with options.container.runtime.",
              })
            : ecsError("container_runtime", {
                command,
                message: `Could not start '${command}': ${e.message}`,
                hint: "Check that the container CLI is installed and executable.",
              });
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        o.signal?.removeEventListener("abort", onAbort);
        out.flush();
        errs.flush();
        if (ended) reject(ended);
        else resolve({ exitCode: code ?? 1, tail, stdout });
      });
      child.stdin.on("error", () => {}); // the child may exit before reading stdin (e.g. unknown flag)
      child.stdin.end(o.stdin ?? "");
    }),
    (e) => e as EcsError,
  );
