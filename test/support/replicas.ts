// Server replicas (separate processes) behind haproxy round-robin on loopback, for the 2026-07-28 stateless tests/bench.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fakeAwsEnv } from "./binary.ts";

const ROOT = join(import.meta.dir, "..", "..");

/** Whether haproxy is installed (`.ci/install-deps.sh` installs it). */
export const haveHaproxy = (): boolean => spawnSync("haproxy", ["-v"], { stdio: "ignore" }).status === 0;

const freePort = async (): Promise<number> => {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
};

/** A running set: the balancer's URL, each replica's own URL, and a stop for all of it. */
export interface Replicas {
  /** `http://127.0.0.1:<balancer>/mcp`; each response names its replica in `x-replica` (r1, r2, …). */
  readonly url: string;
  readonly direct: readonly string[];
  /** Each replica's process id (r1, r2, …), e.g. to read its RSS from /proc. */
  readonly pids: readonly number[];
  close(): Promise<void>;
}

const waitForListen = (child: ChildProcess): Promise<number> =>
  new Promise((resolve, reject) => {
    let err = "";
    let port: number | undefined;
    child.stderr?.on("data", (d: Buffer) => {
      if (port !== undefined) return; // keep the pipe drained, stop keeping the log
      err += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/mcp/.exec(err);
      if (m) {
        port = Number(m[1]);
        resolve(port);
      }
    });
    child.once("exit", (c) => reject(new Error(`replica exited ${c}: ${err}`)));
  });

/**
 * Starts `count` server processes (`bun server/main.ts --http`, or `bin`) sharing `env` (ECS_MCP_STATE_KEY…), and
 * haproxy balancing each request round-robin over them. With count 1 the balancer still sits in front.
 */
export const startReplicas = async (
  fakeAwsUrl: string,
  count: number,
  env: Record<string, string> = {},
  bin?: string,
): Promise<Replicas> => {
  const lbPort = await freePort();
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  for (let i = 0; i < count; i++) {
    const args = ["--http", "--port", "0", "--allowed-host", `127.0.0.1:${lbPort}`];
    const child = bin
      ? spawn(bin, args, { env: fakeAwsEnv(fakeAwsUrl, env), stdio: ["ignore", "ignore", "pipe"] })
      : spawn(join(ROOT, "node_modules/.bin/bun"), [join(ROOT, "server/main.ts"), ...args], {
          env: fakeAwsEnv(fakeAwsUrl, env),
          stdio: ["ignore", "ignore", "pipe"],
        });
    children.push(child);
    ports.push(await waitForListen(child));
  }
  const dir = mkdtempSync(join(tmpdir(), "ecs-lb-"));
  const cfg = join(dir, "haproxy.cfg");
  writeFileSync(
    cfg,
    [
      "global",
      "  maxconn 4096",
      "defaults",
      "  mode http",
      "  timeout connect 5s",
      "  timeout client 60s",
      "  timeout server 60s",
      "frontend mcp",
      `  bind 127.0.0.1:${lbPort}`,
      "  default_backend replicas",
      "backend replicas",
      "  balance roundrobin",
      "  http-response set-header x-replica %s",
      ...ports.map((p, i) => `  server r${i + 1} 127.0.0.1:${p}`),
      "",
    ].join("\n"),
  );
  const lb = spawn("haproxy", ["-db", "-f", cfg], { stdio: ["ignore", "ignore", "pipe"] });
  const url = `http://127.0.0.1:${lbPort}/mcp`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(url, { method: "GET" }).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    direct: ports.map((p) => `http://127.0.0.1:${p}/mcp`),
    pids: children.map((c) => c.pid ?? 0),
    close: async () => {
      const exits = [lb, ...children].map((c) => new Promise((r) => (c.exitCode !== null ? r(0) : c.once("exit", r))));
      for (const c of [lb, ...children]) c.kill("SIGTERM");
      await Promise.all(exits);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
