// Diagnosis benchmark: diagnose over every scenario of the troubleshooting corpus (test/fixtures/troubleshoot), scored
// against each scenario's expectations. It measures; it asserts nothing (the scenario test does).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { COMMIT, createEcsAssistant, diagnose, type Finding } from "../lib/index.ts";
import { installScenario, loadScenario, type Scenario } from "../test/fixtures/troubleshoot/loadScenario.ts";
import { fakeAwsOptions } from "../test/support/clients.ts";
import { startFakeAws } from "../test/support/fakeAws.ts";
import { round } from "./lib/stats.ts";

const DIR = join(import.meta.dir, "..", "test", "fixtures", "troubleshoot");

/** One scenario's score. */
export interface DiagnosisRow {
  scenario: string;
  expected: string;
  got: string;
  top1: boolean;
  top3: boolean;
  /** must_name facts the top finding names / facts required. */
  named: string;
  /** must_not_claim texts found in any finding, plus `absent` ids present. */
  wrong_facts: number;
  critical_path: number;
  calls: number;
}

/** Totals over the corpus. */
export interface DiagnosisSummary {
  scenarios: number;
  top1_accuracy: number;
  top3_accuracy: number;
  must_name_coverage: number;
  wrong_facts: number;
  max_critical_path: number;
  mean_calls: number;
}

const text = (f: Finding) => `${f.id}: ${f.title}\n${f.explanation}\n${f.fix}`.toLowerCase();
/** A healthy scenario (top null) is right when nothing reaches likelihood 0.5, as the scenario test requires. */
const rankOf = (findings: readonly Finding[], top: string | null): number =>
  top === null ? (findings.some((f) => f.likelihood >= 0.5) ? -1 : 0) : findings.findIndex((f) => f.id === top);

/** Scores one diagnosis against the scenario's expectations (pure: the benchmark's arithmetic, tested on its own). */
export const scoreDiagnosis = (
  name: string,
  s: Pick<Scenario, "expect">,
  d: { findings: readonly Finding[]; aws_calls: { critical_path: number; total: number } } | undefined,
  error?: string,
): DiagnosisRow & { hit: number; required: number } => {
  const findings = d?.findings ?? [];
  const rank = d ? rankOf(findings, s.expect.top) : -1;
  const must = s.expect.must_name ?? [];
  const hit = findings[0] ? must.filter((m) => text(findings[0]!).includes(m.toLowerCase())).length : 0;
  const wrong =
    (s.expect.must_not_claim ?? []).filter((m) => findings.some((f) => text(f).includes(m.toLowerCase()))).length +
    (s.expect.absent ?? []).filter((id) => findings.some((f) => f.id === id)).length;
  return {
    scenario: name,
    expected: s.expect.top ?? "(healthy)",
    got: d ? (findings[0]?.id ?? "(none)") : `error: ${error ?? "?"}`,
    top1: rank === 0,
    top3: rank >= 0 && rank < 3,
    named: `${hit}/${must.length}`,
    wrong_facts: wrong,
    critical_path: d?.aws_calls.critical_path ?? 0,
    calls: d?.aws_calls.total ?? 0,
    hit,
    required: must.length,
  };
};

/** Runs diagnose once per scenario against the loopback fake (default policy, no latency). */
export const diagnosisBench = async (): Promise<{
  date: string;
  commit: string;
  summary: DiagnosisSummary;
  rows: DiagnosisRow[];
}> => {
  const names = readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
  const fake = await startFakeAws();
  const rows: DiagnosisRow[] = [];
  let named = 0;
  let required = 0;
  try {
    for (const name of names) {
      const s = loadScenario(name);
      fake.reset();
      installScenario(fake, s);
      const a = createEcsAssistant({ aws: { ...fakeAwsOptions(fake), maxAttempts: 1 } });
      const r = await diagnose(a, s.params as never);
      a.close();
      const {
        hit,
        required: req,
        ...row
      } = scoreDiagnosis(name, s, r.isOk() ? r.value : undefined, r.isErr() ? r.error.kind : undefined);
      named += hit;
      required += req;
      rows.push(row);
    }
  } finally {
    await fake.close();
  }
  const n = rows.length || 1;
  return {
    date: new Date().toISOString(),
    commit: COMMIT,
    summary: {
      scenarios: rows.length,
      top1_accuracy: round(rows.filter((x) => x.top1).length / n, 3),
      top3_accuracy: round(rows.filter((x) => x.top3).length / n, 3),
      must_name_coverage: required ? round(named / required, 3) : 1,
      wrong_facts: rows.reduce((t, x) => t + x.wrong_facts, 0),
      max_critical_path: Math.max(0, ...rows.map((x) => x.critical_path)),
      mean_calls: round(rows.reduce((t, x) => t + x.calls, 0) / n, 1),
    },
    rows,
  };
};
