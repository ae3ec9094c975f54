// A dependency the app cannot reach is named by host:port, and the failure mode decides the fix.
import { expect, test } from "bun:test";
import { finding } from "../finding.ts";
import { dependencyRule } from "./dependencyRule.ts";
import { logFindings } from "./logPatterns.ts";

const dep = (text: string) =>
  finding({
    id: "dependency_unreachable",
    category: "logs",
    title: "t",
    likelihood: 0.7,
    evidence: [{ source: "log", text }],
    explanation: "e",
    fix: "f",
  });

test("a timeout names host:port, the port and the task's security group to admit", () => {
  const [f] = dependencyRule([dep("Error: connect ETIMEDOUT 10.0.21.15:5432")], ["sg-task"]);
  expect(f!.title).toContain("10.0.21.15:5432");
  expect(f!.fix).toContain("Allow inbound TCP 5432 from sg-task");
  const go = dependencyRule([dep("dial tcp db.internal.example.com:3306: i/o timeout")], [])[0]!;
  expect(go.title).toContain("db.internal.example.com:3306");
});

test("a refusal points at the port and the service, not at security groups; DNS failures at DNS", () => {
  const refused = dependencyRule([dep("Error: connect ECONNREFUSED 10.0.3.4:6379")], ["sg-task"])[0]!;
  expect(refused.fix).not.toContain("security group");
  expect(dependencyRule([dep("getaddrinfo ENOTFOUND db.internal")])[0]!.fix).toContain("DNS");
});

test("Go dial errors are dependency failures, but a dial that fails on the process's own limits is not", () => {
  const ids = (m: string) => logFindings([{ timestamp: "t", message: m }]).map((f) => f.id);
  expect(ids("dial tcp 10.0.21.15:5432: i/o timeout")).toContain("dependency_unreachable");
  expect(ids("dial tcp 10.0.21.15:5432: socket: too many open files")).not.toContain("dependency_unreachable");
});
