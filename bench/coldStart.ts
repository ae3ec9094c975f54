// Cold start and idle memory: spawn → initialize → tools/list answered, vs a bare Bun binary and minimal MCP SDK v1/v2 servers.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { baselineBinary, ourBinary } from "./lib/build.ts";
import { median, round } from "./lib/stats.ts";
import { INIT_PARAMS, spawnStdio } from "./lib/stdioClient.ts";

const ENV = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", AWS_REGION: "us-east-1" };

/** One start: time until tools/list answers, and RSS then. */
const startOnce = async (bin: string): Promise<{ ms: number; rssKb: number; tools: number }> => {
  const t0 = performance.now();
  const peer = spawnStdio(bin, [], ENV);
  await peer.request("initialize", INIT_PARAMS);
  peer.notify("notifications/initialized");
  const list = (await peer.request("tools/list")) as { tools: unknown[] };
  const ms = performance.now() - t0;
  const rssKb = peer.rssKb();
  await peer.close();
  return { ms, rssKb, tools: list.tools.length };
};

const helloOnce = (bin: string): number => {
  const t0 = performance.now();
  spawnSync(bin, [], { stdio: "ignore" });
  return performance.now() - t0;
};

export interface ColdStartResult {
  runs: number;
  hello_ms: number;
  minimal_server_ms: number;
  minimal_v2_server_ms: number;
  ours_ms: number;
  ours_vs_minimal: number;
  /** Against the SDK v2 server, the like-for-like baseline (ours is built on the SDK v2): the 10 % standard. */
  ours_vs_minimal_v2: number;
  ours_tools: number;
  minimal_rss_mb: number;
  minimal_v2_rss_mb: number;
  ours_rss_mb: number;
  rss_vs_minimal: number;
  rss_vs_minimal_v2: number;
}

/** Median of `runs` interleaved starts of each binary (interleaving spreads machine noise evenly). */
export const coldStart = async (runs: number): Promise<ColdStartResult> => {
  const hello = baselineBinary("hello");
  const minimal = baselineBinary("minimalServer");
  const minimalV2 = baselineBinary("minimalServerV2");
  const ours = ourBinary();
  await startOnce(ours); // warm the page cache for all, so the first run is not an outlier
  await startOnce(minimal);
  await startOnce(minimalV2);
  const h: number[] = [];
  const m: { ms: number; rssKb: number }[] = [];
  const m2: { ms: number; rssKb: number }[] = [];
  const o: { ms: number; rssKb: number; tools: number }[] = [];
  for (let i = 0; i < runs; i++) {
    h.push(helloOnce(hello));
    m.push(await startOnce(minimal));
    m2.push(await startOnce(minimalV2));
    o.push(await startOnce(ours));
  }
  const mMs = median(m.map((x) => x.ms));
  const oMs = median(o.map((x) => x.ms));
  const m2Ms = median(m2.map((x) => x.ms));
  const mRss = median(m.map((x) => x.rssKb)) / 1024;
  const m2Rss = median(m2.map((x) => x.rssKb)) / 1024;
  const oRss = median(o.map((x) => x.rssKb)) / 1024;
  return {
    runs,
    hello_ms: round(median(h)),
    minimal_server_ms: round(mMs),
    minimal_v2_server_ms: round(m2Ms),
    ours_ms: round(oMs),
    ours_vs_minimal: round(oMs / mMs, 2),
    ours_vs_minimal_v2: round(oMs / m2Ms, 2),
    ours_tools: o[0]?.tools ?? 0,
    minimal_rss_mb: round(mRss),
    minimal_v2_rss_mb: round(m2Rss),
    ours_rss_mb: round(oRss),
    rss_vs_minimal: round(oRss / mRss, 2),
    rss_vs_minimal_v2: round(oRss / m2Rss, 2),
  };
};
