// Throughput over Streamable HTTP: calls/s and p99 with 1, 8 and 32 concurrent MCP clients against the fake AWS
// endpoint, next to the same calls made in-process through the library (the transport's overhead is the gap).
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createEcsAssistant } from "../lib/index.ts";
import { fakeAwsOptions } from "../test/support/clients.ts";
import { ourBinary } from "./lib/build.ts";
import { serverEnv, startBenchAws } from "./lib/fakeEnv.ts";
import { percentile, round } from "./lib/stats.ts";

export interface ThroughputRow {
  clients: number;
  calls: number;
  http_calls_per_s: number;
  http_p50_ms: number;
  http_p99_ms: number;
  inprocess_calls_per_s: number;
  errors: number;
}

const CALL = {
  name: "ecs_resource_management",
  arguments: { api_operation: "DescribeClusters", api_params: { clusters: ["default"] } },
};

/** A free loopback port (the server logs at ERROR level here, so it cannot announce a random one). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

const startServer = async (env: Record<string, string>) => {
  const port = await freePort();
  const child = spawn(ourBinary(), ["--http", "--port", String(port)], { env, stdio: ["ignore", "ignore", "inherit"] });
  const url = new URL(`http://127.0.0.1:${port}/mcp`);
  for (let i = 0; i < 100; i++) {
    const up = await fetch(url, { method: "GET" }).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url };
};

/** `clients` sessions each making `perClient` sequential calls; all sessions run at once. */
export const httpThroughput = async (levels: readonly number[], perClient: number): Promise<ThroughputRow[]> => {
  const fake = await startBenchAws();
  const env = { ...serverEnv(fake), FASTMCP_LOG_LEVEL: "ERROR" };
  const server = await startServer(env);
  const lib = createEcsAssistant({
    aws: {
      ...fakeAwsOptions(fake),
    },
  });
  const rows: ThroughputRow[] = [];
  try {
    for (const clients of levels) {
      const sessions = await Promise.all(
        Array.from({ length: clients }, async () => {
          const c = new Client({ name: "bench", version: "1" });
          await c.connect(new StreamableHTTPClientTransport(server.url));
          return c;
        }),
      );
      const latencies: number[] = [];
      let errors = 0;
      const t0 = performance.now();
      await Promise.all(
        sessions.map(async (c) => {
          for (let i = 0; i < perClient; i++) {
            const s = performance.now();
            const r = await c.callTool(CALL).catch(() => ({ isError: true }));
            latencies.push(performance.now() - s);
            if (r.isError) errors++;
          }
        }),
      );
      const httpMs = performance.now() - t0;
      await Promise.all(sessions.map((c) => c.close()));
      const t1 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          for (let i = 0; i < perClient; i++) await lib.callTool(CALL.name, CALL.arguments);
        }),
      );
      const libMs = performance.now() - t1;
      const calls = clients * perClient;
      rows.push({
        clients,
        calls,
        http_calls_per_s: round((calls / httpMs) * 1000, 0),
        http_p50_ms: round(percentile(latencies, 50)),
        http_p99_ms: round(percentile(latencies, 99)),
        inprocess_calls_per_s: round((calls / libMs) * 1000, 0),
        errors,
      });
    }
  } finally {
    server.child.kill("SIGTERM");
    lib.close();
    await fake.close();
  }
  return rows;
};
