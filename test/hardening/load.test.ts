// Bounded loopback load test of the Streamable HTTP transport: N concurrent sessions × M tool calls against the fake
// AWS endpoint; zero errors, stable memory; prints p50/p99 latency and RSS before/after.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { silentLogger } from "../../lib/index.ts";
import { type HttpHandle, startHttp } from "../../server/http.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { fakeAssistant } from "./support/world.ts";

// Full size locally (50 × 200, ~30 s on 2 cores); CI runs 25 × 100 unless told otherwise (never below 20 × 50).
const SESSIONS = Number(process.env.LOAD_SESSIONS ?? (process.env.CI ? 25 : 50));
const CALLS = Number(process.env.LOAD_CALLS ?? (process.env.CI ? 100 : 200));

let fake: FakeAws;
let http: HttpHandle;
beforeAll(async () => {
  fake = await startFakeAws();
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/default"] });
  http = await startHttp(fakeAssistant(fake, {}, { aws: { maxConcurrency: 64 } }), silentLogger, {
    host: "127.0.0.1",
    port: 0,
    allowedHosts: [],
    allowedOrigins: [],
    maxConcurrentCalls: SESSIONS + 10,
  });
});
afterAll(async () => {
  await http.close();
  await fake.close();
});

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
const settle = () => {
  Bun.gc(true);
  return process.memoryUsage();
};

test(`load: ${SESSIONS} sessions × ${CALLS} calls over Streamable HTTP, zero errors, stable memory`, async () => {
  const url = new URL(`http://127.0.0.1:${http.port}/mcp`);
  const run = async (calls: number) => {
    const latencies: number[] = [];
    let errors = 0;
    await Promise.all(
      Array.from({ length: SESSIONS }, async () => {
        const client = new Client({ name: "load", version: "1" });
        await client.connect(new StreamableHTTPClientTransport(url));
        for (let i = 0; i < calls; i++) {
          const t = performance.now();
          try {
            const r = (await client.callTool({
              name: "ecs_resource_management",
              arguments: { api_operation: "ListClusters" },
            })) as CallToolResult;
            if (r.isError) errors++;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - t);
        }
        await client.close();
      }),
    );
    return { latencies: latencies.sort((a, b) => a - b), errors };
  };

  await run(5); // warm-up: JIT, SDK modules, sockets
  const before = settle();
  const t0 = performance.now();
  const { latencies, errors } = await run(CALLS);
  const seconds = (performance.now() - t0) / 1000;
  const after = settle();
  console.log(
    `load: ${SESSIONS}×${CALLS} = ${latencies.length} calls in ${seconds.toFixed(1)} s (${(latencies.length / seconds).toFixed(0)}/s), ` +
      `errors ${errors}, p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, ` +
      `RSS ${mb(before.rss)} → ${mb(after.rss)}, heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`,
  );
  expect(errors).toBe(0);
  expect(latencies).toHaveLength(SESSIONS * CALLS);
  expect(http.inFlight()).toBe(0);
  // Stable memory: closed sessions release their state; the heap after GC does not grow with the number of calls.
  expect(after.heapUsed - before.heapUsed).toBeLessThan(64 * 1_048_576);
  expect(after.rss - before.rss).toBeLessThan(256 * 1_048_576);
}, 300_000);
