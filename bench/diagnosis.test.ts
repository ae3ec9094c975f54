// The diagnosis benchmark's scoring: top-1/top-3, healthy scenarios, named facts and wrong facts.
import { expect, test } from "bun:test";
import type { Finding } from "../lib/index.ts";
import { scoreDiagnosis } from "./diagnosis.ts";

const f = (id: string, likelihood: number, fix = "fix it"): Finding => ({
  id,
  category: "task",
  title: `title of ${id}`,
  likelihood,
  evidence: [],
  explanation: "because",
  fix,
});
const d = (...findings: Finding[]) => ({ findings, aws_calls: { critical_path: 3, total: 14 } });

test("top-1 and top-3: the expected id's rank; missing is neither", () => {
  const expect_ = { top: "oom_killed" };
  expect(scoreDiagnosis("a", { expect: expect_ }, d(f("oom_killed", 0.9)))).toMatchObject({ top1: true, top3: true });
  const third = scoreDiagnosis("a", { expect: expect_ }, d(f("x", 0.9), f("y", 0.8), f("oom_killed", 0.7)));
  expect(third).toMatchObject({ top1: false, top3: true, got: "x" });
  expect(scoreDiagnosis("a", { expect: expect_ }, d(f("x", 0.9)))).toMatchObject({ top1: false, top3: false });
  expect(scoreDiagnosis("a", { expect: expect_ }, undefined, "aws")).toMatchObject({ top3: false, got: "error: aws" });
});

test("healthy: right when nothing reaches 0.5", () => {
  expect(scoreDiagnosis("h", { expect: { top: null } }, d(f("memory_near_limit", 0.4))).top1).toBe(true);
  expect(scoreDiagnosis("h", { expect: { top: null } }, d(f("sg_blocks_lb", 0.9))).top1).toBe(false);
});

test("named facts count on the top finding; wrong facts on any finding, plus absent ids present", () => {
  const s = {
    expect: {
      top: "a",
      must_name: ["S3:GetObject", "api-execution"],
      must_not_claim: ["no internet route"],
      absent: ["registry_unreachable"],
    },
  };
  const r = scoreDiagnosis(
    "x",
    s,
    d(f("a", 0.9, "Allow s3:GetObject"), f("registry_unreachable", 0.5, "the subnets have no internet route")),
  );
  expect(r).toMatchObject({ named: "1/2", hit: 1, required: 2, wrong_facts: 2, critical_path: 3, calls: 14 });
});
