// A sidecar_exited finding quotes the sidecar's own error line; other findings and other containers' lines are left.
import { expect, test } from "bun:test";
import { finding } from "../finding.ts";
import { sidecarLogRule } from "./sidecarLogRule.ts";

const f = finding({
  id: "sidecar_exited",
  category: "task",
  title: "Essential sidecar container log_router exited with code 1",
  likelihood: 0.82,
  evidence: [{ source: "task", text: "log_router: exit 1" }],
  explanation: "log_router is marked essential.",
  fix: "Read its logs.",
});
const line = (stream: string, message: string) => ({ timestamp: "2026-11-25T09:30:46Z", stream, message });

test("the first error of the sidecar's latest stream is quoted; the app's errors are not", () => {
  const [out] = sidecarLogRule(
    [f],
    [
      line("ecs/api/t2", "Error: app failed"),
      line("firelens/log_router/t1", "[error] old run"),
      line("firelens/log_router/t2", "[error] [config] unknown plugin: cloudwatch_logz"),
      line("firelens/log_router/t2", "[error] configuration file contains errors, aborting."),
    ],
  );
  expect(out?.explanation).toContain("unknown plugin: cloudwatch_logz");
  expect(out?.evidence.at(-1)?.ref).toBe("firelens/log_router/t2");
  expect(sidecarLogRule([f], [line("ecs/api/t2", "Error: app failed")])[0]).toEqual(f);
});
