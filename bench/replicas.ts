// 2026-07-28 over HTTP behind haproxy: calls/s, p50 and p99 with 1 and 2 replicas at 1, 8 and 32 concurrent
// stateless clients (each request may land on either replica), against the loopback fake AWS endpoint.
import { performance } from "node:perf_hooks";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { startReplicas } from "../test/support/replicas.ts";
import { ourBinary } from "./lib/build.ts";
import { startBenchAws } from "./lib/fakeEnv.ts";
import { percentile, round } from "./lib/stats.ts";

export interface ReplicaRow {
  replicas: number;
  clients: number;
  calls: number;
  calls_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
}

const CALL = {
  name: "ecs_resource_management",
  arguments: { api_operation: "DescribeClusters", api_params: { clusters: ["default"] } },
};

/** For 1 and 2 replicas: `clients` 2026-07-28 clients at once, each making `perClient` sequential calls. */
export const replicaThroughput = async (levels: readonly number[], perClient: number): Promise<ReplicaRow[]> => {
  const fake = await startBenchAws();
  const rows: ReplicaRow[] = [];
  try {
    for (const count of [1, 2]) {
      const set = await startReplicas(fake.url, count, {}, ourBinary());
      try {
        for (const clients of levels) {
          const peers = await Promise.all(
            Array.from({ length: clients }, async () => {
              const c = new Client(
                { name: "bench", version: "1" },
                { versionNegotiation: { mode: { pin: "2026-07-28" } } },
              );
              await c.connect(new StreamableHTTPClientTransport(new URL(set.url)));
              return c;
            }),
          );
          const latencies: number[] = [];
          let errors = 0;
          const t0 = performance.now();
          await Promise.all(
            peers.map(async (c) => {
              for (let i = 0; i < perClient; i++) {
                const s = performance.now();
                const r = await c.callTool(CALL).catch(() => ({ isError: true }));
                if (r.isError) errors++;
                latencies.push(performance.now() - s);
              }
            }),
          );
          const seconds = (performance.now() - t0) / 1000;
          await Promise.all(peers.map((c) => c.close()));
          latencies.sort((a, b) => a - b);
          rows.push({
            replicas: count,
            clients,
            calls: latencies.length,
            calls_per_s: round(latencies.length / seconds, 0),
            p50_ms: round(percentile(latencies, 50)),
            p99_ms: round(percentile(latencies, 99)),
            errors,
          });
        }
      } finally {
        await set.close();
      }
    }
  } finally {
    await fake.close();
  }
  return rows;
};
