// Records which bytecode an MCP stdio server's start-up runs (BUN_BYTECODE_ORDER_OUT), for `--bytecode-order`.
import { spawn } from "node:child_process";

const ENVELOPE = {
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientCapabilities": {},
  "io.modelcontextprotocol/clientInfo": { name: "startup-profile", version: "1" },
};

/** What a client does first, in both eras: 2025 initialize and lists; 2026-07-28 discover and tools/list. */
const START: readonly { method: string; params?: object; notify?: true }[] = [
  {
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "startup-profile", version: "1" } },
  },
  { method: "notifications/initialized", notify: true },
  { method: "tools/list" },
  { method: "prompts/list" },
  { method: "resources/list" },
  { method: "server/discover", params: { _meta: ENVELOPE } },
  { method: "tools/list", params: { _meta: ENVELOPE } },
];

/**
 * Runs `bin` (a compiled stdio MCP server) through a client's first requests and writes the bytecode it used to
 * `out`. Bun lays that bytecode out together at the front of the next build: the start-up touches fewer pages of the
 * executable (~3 MB less RSS for ecs-mcp-server, bench/). Rejects if the server does not answer within `timeoutMs`.
 */
export const recordStartup = (bin: string, out: string, timeoutMs = 30_000): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(bin, [], {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? "/tmp",
        AWS_REGION: "us-east-1",
        BUN_BYTECODE_ORDER_OUT: out,
      },
      stdio: ["pipe", "pipe", "ignore"],
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${bin} did not answer its start-up requests within ${timeoutMs} ms`));
    }, timeoutMs);
    let step = 0;
    let buffer = "";
    const next = () => {
      while (step < START.length) {
        const m = START[step++]!;
        const id = m.notify ? undefined : step;
        child.stdin.write(
          `${JSON.stringify({ jsonrpc: "2.0", ...(id ? { id } : {}), method: m.method, params: m.params })}\n`,
        );
        if (id) return; // wait for its answer
      }
      child.stdin.end(); // all answered: the server exits and writes the profile
    };
    child.stdout.on("data", (d: Buffer) => {
      buffer += d.toString("utf8");
      for (let i = buffer.indexOf("\n"); i >= 0; i = buffer.indexOf("\n")) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        if ((JSON.parse(line) as { id?: number }).id === step) next();
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (step < START.length) reject(new Error(`${bin} exited (${code}) before answering its start-up requests`));
      else resolve();
    });
    next();
  });

// `bun scripts/recordStartup.ts <binary> <profile>`: what compileProfiled runs between its two builds.
if (import.meta.main) {
  const [bin, out] = process.argv.slice(2);
  if (!bin || !out) throw new Error("usage: bun scripts/recordStartup.ts <binary> <profile>");
  await recordStartup(bin, out);
}
