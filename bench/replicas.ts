// 2026-07-28 over HTTP behind haproxy: calls/s, p50 and p99 with 1 and 2 replicas at 1, 8 and 32 concurrent
// stateless clients (each request may land on either replica), against the loopback fake AWS endpoint.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { startReplicas } from "../test/support/replicas.ts";
import { ourBinary } from "./lib/build.ts";
import { driveClients } from "./lib/driveClients.ts";
import { startBenchAws } from "./lib/fakeEnv.ts";

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
          rows.push({ replicas: count, clients, ...(await driveClients(peers, perClient, CALL)) });
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
