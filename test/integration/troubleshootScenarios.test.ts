// Every corpus scenario through the real SDK and the loopback fake AWS: diagnose names the root cause first.
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createEcsAssistant, diagnose } from "../../lib/index.ts";
import { installScenario, loadScenario } from "../fixtures/troubleshoot/loadScenario.ts";
import { fakeAwsOptions } from "../support/clients.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const DIR = join(import.meta.dir, "..", "fixtures", "troubleshoot");
const SCENARIOS = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""))
  .sort();

const fake = useFakeAws();
const assistant = (policy = {}) =>
  createEcsAssistant({
    policy,
    aws: {
      ...fakeAwsOptions(fake),
      maxAttempts: 1,
    },
  });

test("the corpus holds at least 40 broken scenarios, each with public sources listed in SOURCES.md, and a healthy one", () => {
  const broken = SCENARIOS.filter((s) => loadScenario(s).expect.top !== null);
  expect(broken.length).toBeGreaterThanOrEqual(40);
  const listed = readFileSync(join(DIR, "SOURCES.md"), "utf8");
  for (const name of broken) {
    const sources = loadScenario(name).sources ?? [];
    expect(sources.length).toBeGreaterThan(0);
    expect(listed).toContain(`\`${name}\``);
    for (const url of sources) expect(listed).toContain(url);
  }
  expect(SCENARIOS).toContain("healthy");
});

describe("diagnose over every fixture scenario", () => {
  for (const name of SCENARIOS) {
    test(name, async () => {
      const s = loadScenario(name);
      installScenario(fake, s);
      const d = (await diagnose(assistant(), s.params as never))._unsafeUnwrap();
      const ids = d.findings.map((f) => f.id);
      if (s.expect.top === null) {
        expect(d.findings.filter((f) => f.likelihood >= 0.5)).toEqual([]);
        expect(d.summary).toStartWith("No problem found");
      } else {
        expect(ids[0]).toBe(s.expect.top);
        expect(d.summary).toContain(d.findings[0]!.title);
        expect(d.findings[0]!.evidence.length).toBeGreaterThan(0);
        expect(d.findings[0]!.fix.length).toBeGreaterThan(20);
      }
      for (const id of s.expect.detects ?? []) expect(ids).toContain(id);
      for (const id of s.expect.absent ?? []) expect(ids).not.toContain(id);
      if (s.expect.top_category) expect(d.findings[0]?.category).toBe(s.expect.top_category as never);
      const text = (f: (typeof d.findings)[number]) => `${f.title}\n${f.explanation}\n${f.fix}`.toLowerCase();
      for (const fact of s.expect.must_name ?? []) expect(text(d.findings[0]!)).toContain(fact.toLowerCase());
      for (const fact of s.expect.must_not_claim ?? [])
        for (const f of d.findings) expect(`${f.id}: ${text(f)}`).not.toContain(fact.toLowerCase());
      expect(d.checks.filter((c) => c.status === "failed")).toEqual([]);
      // Three rounds of parallel calls (stack mode: stack, then the service it created).
      expect(d.aws_calls.critical_path).toBeLessThanOrEqual(4);
    });
  }
});
