// Runtime heap and nofile limits named from the task definition, not generic "raise the memory" advice.
import { expect, test } from "bun:test";
import { finding } from "../finding.ts";
import { runtimeLimitRule } from "./runtimeLimitRule.ts";

const logFinding = (id: string, text: string) =>
  finding({
    id,
    category: "logs",
    title: "t",
    likelihood: 0.88,
    evidence: [{ source: "log", ref: "ecs/app/1", text }],
    explanation: "e.",
    fix: "f",
  });
const td = (env: { name: string; value: string }[], extra = {}) => ({
  memory: "2048",
  requiresCompatibilities: ["FARGATE" as const],
  containerDefinitions: [{ name: "app", essential: true, environment: env, ...extra }],
});
const stopped = (code: number) => [{ lastStatus: "STOPPED", containers: [{ name: "app", exitCode: code }] }];

test("a JVM heap capped far below the container's memory: names -Xmx, the memory and a 75% setting", () => {
  const [f] = runtimeLimitRule([logFinding("runtime_heap_exhausted", "java.lang.OutOfMemoryError: Java heap space")], {
    taskDefinition: td([{ name: "JAVA_OPTS", value: "-Xmx512m" }]),
    tasks: stopped(1),
  });
  expect(f!.explanation).toContain("-Xmx512m (JAVA_OPTS)");
  expect(f!.explanation).toContain("2048 MiB");
  expect(f!.fix).toContain("-Xmx1536m");
  expect(f!.title).toContain("exit 1");
});

test("a Node heap already near the memory advises profiling or more memory, and 134 is read as V8's abort", () => {
  const [f] = runtimeLimitRule(
    [logFinding("runtime_heap_exhausted", "FATAL ERROR: ... JavaScript heap out of memory")],
    {
      taskDefinition: td([{ name: "NODE_OPTIONS", value: "--max-old-space-size=1900" }]),
      tasks: stopped(134),
    },
  );
  expect(f!.explanation).toContain("SIGABRT");
  expect(f!.fix).toContain("more memory");
});

test("too many open files names the nofile ulimit the task definition sets, or the Fargate default", () => {
  const set = runtimeLimitRule([logFinding("file_descriptor_limit", "accept4: too many open files")], {
    taskDefinition: td([], { ulimits: [{ name: "nofile", softLimit: 1024, hardLimit: 4096 }] }),
    tasks: [],
  })[0]!;
  expect(set.explanation).toContain("soft 1024 / hard 4096");
  expect(set.fix).toContain("instead of soft 1024");
  const unset = runtimeLimitRule([logFinding("file_descriptor_limit", "EMFILE")], {
    taskDefinition: td([]),
    tasks: [],
  })[0]!;
  expect(unset.explanation).toContain("65535 soft and hard on Fargate");
});

test("a disk-full log line names Fargate's ephemeral storage size, or the instance volume on EC2", () => {
  const line = logFinding("task_storage_full", "OSError: [Errno 28] No space left on device: '/tmp/x'");
  const fargate = runtimeLimitRule([line], { taskDefinition: td([]), tasks: [{ launchType: "FARGATE" }] })[0]!;
  expect(fargate.explanation).toContain("20 GiB (the default; the task definition sets no ephemeralStorage)");
  expect(fargate.fix).toContain("ephemeralStorage.sizeInGiB");
  const ec2 = runtimeLimitRule([line], { taskDefinition: td([]), tasks: [{ launchType: "EC2" }] })[0]!;
  expect(ec2.title).toContain("container instance");
});
