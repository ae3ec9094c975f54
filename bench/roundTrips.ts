// Critical path of AWS round trips: each scenario with a fixed per-call latency, our parallel library vs the same work
// strictly sequential (maxConcurrency 1, the reference's approach). Depth ≈ wall time / latency.
import { performance } from "node:perf_hooks";
import { ALL_TOOLS, createEcsAssistant, type EcsAssistant } from "../lib/index.ts";
import { fakeAwsOptions } from "../test/support/clients.ts";
import { type FakeAws, startFakeAws } from "../test/support/fakeAws.ts";
import { round } from "./lib/stats.ts";
import { SCENARIOS } from "./scenarios.ts";

export interface RoundTripRow {
  scenario: string;
  calls: number;
  parallel_ms: number;
  sequential_ms: number;
  depth: number;
  speedup: number;
  ok: boolean;
}

const assistantFor = (fake: FakeAws, maxConcurrency: number): EcsAssistant =>
  createEcsAssistant({
    policy: { allowSensitiveData: true },
    aws: {
      ...fakeAwsOptions(fake),
      maxConcurrency,
    },
    polling: { intervalMs: 10 },
  } as Parameters<typeof createEcsAssistant>[0]);

/** Runs every scenario whose tool exists, once parallel and once sequential, with `latencyMs` per AWS call. */
export const roundTrips = async (latencyMs: number): Promise<RoundTripRow[]> => {
  const fake = await startFakeAws();
  const rows: RoundTripRow[] = [];
  try {
    for (const s of SCENARIOS) {
      if (s.tool && !ALL_TOOLS.some((t) => t.name === s.tool)) continue;
      const time = async (maxConcurrency: number, latency = latencyMs) => {
        fake.reset();
        s.setup(fake);
        fake.latencyMs = latency;
        const a = assistantFor(fake, maxConcurrency);
        const t0 = performance.now();
        const ok = await s.run(a);
        const ms = performance.now() - t0;
        a.close();
        return { ms, ok, calls: fake.calls.length };
      };
      await time(16, 0); // warm-up: loads the SDK modules, so neither timed run pays for first imports
      const par = await time(16);
      const seq = await time(1);
      rows.push({
        scenario: s.name,
        calls: par.calls,
        parallel_ms: round(par.ms, 0),
        sequential_ms: round(seq.ms, 0),
        depth: Math.round(par.ms / latencyMs),
        speedup: round(seq.ms / par.ms, 2),
        ok: par.ok && seq.ok,
      });
    }
  } finally {
    await fake.close();
  }
  return rows;
};
