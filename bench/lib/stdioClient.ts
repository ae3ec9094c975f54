// A minimal line-delimited JSON-RPC client over a child's stdio, to time MCP start-up without SDK overhead.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** A spawned MCP server and a request function. */
export interface StdioPeer {
  readonly child: ChildProcessWithoutNullStreams;
  request(method: string, params?: unknown): Promise<unknown>;
  notify(method: string, params?: unknown): void;
  /** Resident set size of the child in KB (Linux /proc). */
  rssKb(): number;
  close(): Promise<void>;
}

/** Spawns `cmd` and wires JSON-RPC over its stdin/stdout. */
export const spawnStdio = (cmd: string, args: string[], env: Record<string, string>): StdioPeer => {
  const child = spawn(cmd, args, { env, stdio: ["pipe", "pipe", "pipe"] });
  const pending = new Map<number, (v: unknown) => void>();
  let buffer = "";
  let nextId = 1;
  child.stdout.on("data", (d: Buffer) => {
    buffer += d.toString("utf8");
    for (let i = buffer.indexOf("\n"); i >= 0; i = buffer.indexOf("\n")) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      if (!line.trim()) continue;
      const msg = JSON.parse(line) as { id?: number; result?: unknown; error?: unknown };
      if (msg.id !== undefined) pending.get(msg.id)?.(msg.error ? { error: msg.error } : msg.result);
    }
  });
  child.stderr.resume();
  return {
    child,
    request: (method, params) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
      }),
    notify: (method, params) => child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method, params })}\n`),
    rssKb: () => {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      return m ? Number(m[1]) : Number.NaN;
    },
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.stdin.end();
        setTimeout(() => child.kill("SIGKILL"), 2000).unref();
      }),
  };
};

export const INIT_PARAMS = {
  protocolVersion: "2025-06-18",
  capabilities: {},
  clientInfo: { name: "bench", version: "1" },
};
