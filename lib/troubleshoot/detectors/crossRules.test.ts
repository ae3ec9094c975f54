// Container health checks: an exec-form command holding shell syntax is named as such, not as a missing tool.
import { expect, test } from "bun:test";
import { finding } from "../finding.ts";
import { crossFindings } from "./crossRules.ts";

const failing = finding({
  id: "container_health_check_failed",
  category: "task",
  title: "Tasks fail their container health check",
  likelihood: 0.8,
  evidence: [{ source: "task", text: "Task failed container health checks" }],
  explanation: "e",
  fix: "f",
});
const withCheck = (command: string[]) =>
  crossFindings([failing], {
    taskDefinition: { containerDefinitions: [{ name: "web", healthCheck: { command } }] },
    tasks: [],
    targets: [],
    logs: [],
  }).find((f) => f.id === "container_health_check_failed")!;

test("exec form with shell syntax asks for CMD-SHELL; a proper shell form keeps the tool advice", () => {
  const exec = withCheck(["CMD", "curl -f http://localhost/ || exit 1"]);
  expect(exec.fix).toContain('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]');
  const shell = withCheck(["CMD-SHELL", "curl -f http://localhost/ || exit 1"]);
  expect(shell.fix).not.toContain("CMD-SHELL");
  expect(shell.explanation).toContain("curl may be missing");
  expect(withCheck(["CMD", "/bin/healthcheck", "--port", "8080"]).fix).not.toContain("CMD-SHELL");
});
