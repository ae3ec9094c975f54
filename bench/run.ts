// Benchmark entry (`npm run bench`, `--quick` for CI): every figure next to a baseline measured in the same run.
// Prints the tables and writes bench/results.json. `--only diagnosis` (or another section key) runs one section and
// merges it into the last full results, so one figure can be refreshed without re-measuring the rest.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { COMMIT, VERSION } from "../lib/index.ts";
import { haveHaproxy } from "../test/support/replicas.ts";
import { binarySizes } from "./binarySize.ts";
import { coldStart } from "./coldStart.ts";
import { containerizeBench } from "./containerize.ts";
import { diagnosisBench } from "./diagnosis.ts";
import { httpThroughput } from "./httpThroughput.ts";
import { memory } from "./memory.ts";
import { writePerformance } from "./readme.ts";
import { replicaThroughput } from "./replicas.ts";
import { responseSize } from "./responseSize.ts";
import { roundTrips } from "./roundTrips.ts";
import { taskLatency } from "./taskLatency.ts";
import { teamLoad } from "./teamLoad.ts";

const quick = process.argv.includes("--quick") || process.env.BENCH_QUICK === "1";
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const section = (title: string) => console.log(`\n## ${title}`);
const RESULTS = join(import.meta.dir, "results.json");

/** Runs `key`'s section unless --only names another one. */
const wanted = (key: string) => !only || only === key;

const diagnosisSection = async (results: Record<string, unknown>) => {
  section(
    "Diagnosis over the troubleshooting corpus: top-1/top-3 accuracy, wrong facts, AWS calls on the critical path",
  );
  const dx = await diagnosisBench();
  console.table([dx.summary]);
  const misses = dx.rows.filter((r) => !r.top1 || r.wrong_facts > 0);
  if (misses.length) console.table(misses);
  results.diagnosis = dx;
};

const replicasSection = async (results: Record<string, unknown>) => {
  section("2026-07-28 clients over HTTP behind haproxy round-robin: 1 vs 2 replicas");
  const rows = await replicaThroughput(quick ? [1, 8] : [1, 8, 32], quick ? 10 : 100);
  console.table(rows);
  results.replicas = { date: new Date().toISOString(), rows };
};

const tasksSection = async (results: Record<string, unknown>) => {
  section("Tasks: a task's creation → its first tasks/get answer, 1 vs 2 replicas behind haproxy");
  const rows = await taskLatency(quick ? 5 : 50);
  console.table(rows);
  results.tasks = { date: new Date().toISOString(), rows };
};

const teamSection = async (results: Record<string, unknown>) => {
  section("A team service: 2 replicas behind haproxy, 64 OAuth-authorized clients at once (p50/p99, errors, RSS)");
  const row = await teamLoad(64, quick ? 3 : 50);
  console.table([row]);
  results.team = { date: new Date().toISOString(), rows: [row] };
};

const coldStartSection = async (results: Record<string, unknown>) => {
  section("Cold start: spawn → initialize → tools/list (median)");
  const cold = await coldStart(quick ? 5 : 25);
  console.table([cold]);
  results.cold_start = { ...cold, date: new Date().toISOString() };
};

const containerizeSection = async (results: Record<string, unknown>) => {
  section(
    `containerize_app over the app corpus: detection correct${quick ? "" : "; Node/static and Python images built, booted and answering"}`,
  );
  const cz = await containerizeBench(quick);
  console.table([cz.summary]);
  if (cz.misses.length) console.log(`detection misses: ${cz.misses.join(", ")}`);
  if (cz.not_built.length)
    console.log(`Node/static images not built (reasons in expected.json): ${cz.not_built.join(", ")}`);
  for (const f of cz.failures) console.log(`image: ${f}`);
  results.containerize = { date: new Date().toISOString(), ...cz };
};

/** Sections `--only` can run alone (merged into the last results). */
const SECTIONS: Record<string, (results: Record<string, unknown>) => Promise<void>> = {
  diagnosis: diagnosisSection,
  replicas: replicasSection,
  tasks: tasksSection,
  team: teamSection,
  cold_start: coldStartSection,
  containerize: containerizeSection,
};

const main = async () => {
  const started = Date.now();
  if (only) {
    // One section merged into the last results; the README is refreshed only if those came from a full run.
    const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>) : {};
    const run = SECTIONS[only];
    if (!run) throw new Error(`--only supports: ${Object.keys(SECTIONS).join(", ")} (got ${only})`);
    await run(results);
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    if (!quick && results.quick === false) writePerformance(results);
    console.log(`\nbench (${only}) done in ${Math.round((Date.now() - started) / 1000)}s → bench/results.json`);
    return;
  }
  const results: Record<string, unknown> = { version: VERSION, commit: COMMIT, quick, date: new Date().toISOString() };

  await coldStartSection(results);

  section("Memory: RSS idle and after tool calls against the loopback fake AWS");
  const mem = await memory(quick ? 200 : 1000);
  console.table([mem]);
  results.memory = mem;

  section("Binary size vs a bare Bun binary, per platform (MB)");
  const sizes = binarySizes(quick ? ["linux-x64"] : undefined);
  console.table(sizes);
  results.binary_size = sizes;

  section("AWS round trips at 50 ms per call: parallel vs strictly sequential");
  const rt = await roundTrips(50);
  console.table(rt);
  results.round_trips = rt;

  section("Response size (tokens ≈ bytes/4): our result vs the raw AWS JSON");
  const rs = await responseSize();
  console.table(rs);
  results.response_size = rs;

  section("Streamable HTTP throughput vs in-process library calls");
  const ht = await httpThroughput(quick ? [1, 8] : [1, 8, 32], quick ? 10 : 100);
  console.table(ht);
  results.http_throughput = ht;

  if (haveHaproxy()) await replicasSection(results);
  if (haveHaproxy()) await tasksSection(results);
  if (haveHaproxy()) await teamSection(results);
  if (wanted("diagnosis")) await diagnosisSection(results);
  await containerizeSection(results);

  results.seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  if (!quick) writePerformance(results);
  console.log(`\nbench done in ${results.seconds}s → bench/results.json`);
};

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
