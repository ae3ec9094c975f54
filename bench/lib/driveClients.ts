// Drives connected MCP clients: each makes `perClient` sequential tool calls, all clients at once; latency summary.
import { performance } from "node:perf_hooks";
import type { Client } from "@modelcontextprotocol/client";
import { percentile, round } from "./stats.ts";

/** Throughput and latency of one load run. */
export interface LoadSummary {
  readonly calls: number;
  readonly calls_per_s: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly errors: number;
}

/** Runs the load, then closes the clients. */
export const driveClients = async (
  peers: readonly Client[],
  perClient: number,
  call: Parameters<Client["callTool"]>[0],
): Promise<LoadSummary> => {
  const latencies: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    peers.map(async (c) => {
      for (let i = 0; i < perClient; i++) {
        const s = performance.now();
        const r = await c.callTool(call).catch(() => ({ isError: true }));
        if (r.isError) errors++;
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(peers.map((c) => c.close()));
  latencies.sort((a, b) => a - b);
  return {
    calls: latencies.length,
    calls_per_s: round(latencies.length / seconds, 0),
    p50_ms: round(percentile(latencies, 50)),
    p99_ms: round(percentile(latencies, 99)),
    errors,
  };
};
