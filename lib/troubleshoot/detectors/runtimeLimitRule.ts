// A process limit hit inside the container, read against the task definition: a runtime heap cap (JVM -Xmx, V8's old
// space) reached well below the container's memory, the nofile ulimit, or the task's disk (ephemeral storage). The finding names the configured cap
// (or the runtime's default), the container's memory and the exit code instead of advising more task memory blindly.
// Fargate nofile default: soft and hard 65535 (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Ulimit.html).
import type { ContainerDefinition, Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { type Finding, finding } from "../finding.ts";
import { parseFailure } from "./parseFailure.ts";
import { storageCause } from "./storageCause.ts";

interface Facts {
  readonly taskDefinition?: TaskDefinition;
  readonly tasks: readonly Task[];
}

/** The container a finding's log evidence comes from (stream `<prefix>/<container>/<task-id>`), else the essential one. */
const containerOf = (f: Finding, td: TaskDefinition | undefined): ContainerDefinition | undefined => {
  const cs = td?.containerDefinitions ?? [];
  const names = f.evidence.flatMap((e) => (e.ref ?? "").split("/"));
  return cs.find((c) => c.name && names.includes(c.name)) ?? cs.find((c) => c.essential !== false) ?? cs[0];
};

/** Every place a heap flag can be given: the JVM/Node option variables, the entry point and the command. */
const optionsOf = (c: ContainerDefinition): string[] => [
  ...(c.environment ?? [])
    .filter((e) => /^(JAVA_TOOL_OPTIONS|JAVA_OPTS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS|NODE_OPTIONS)$/.test(e.name ?? ""))
    .map((e) => `${e.name}=${e.value ?? ""}`),
  ...[...(c.entryPoint ?? []), ...(c.command ?? [])].filter((x) => /-Xmx|MaxRAMPercentage|max-old-space-size/.test(x)),
];

const exitCodeOf = (tasks: readonly Task[], name: string | undefined): number | undefined =>
  tasks
    .filter((t) => t.lastStatus === "STOPPED")
    .flatMap((t) => t.containers ?? [])
    .find((c) => c.name === name && c.exitCode !== undefined && c.exitCode !== 0)?.exitCode;

const heapRule = (f: Finding, x: Facts): Finding => {
  const c = containerOf(f, x.taskDefinition);
  const text = f.evidence.map((e) => e.text).join("\n");
  const node = /JavaScript heap/i.test(text);
  const java = /java\.lang\.OutOfMemoryError|Java heap/i.test(text);
  if (!c || (!node && !java)) return f;
  const memory = c.memory ?? (Number(x.taskDefinition?.memory) || undefined);
  const opts = optionsOf(c);
  const flag = opts.join(" ").match(node ? /--max-old-space-size=(\d+)/ : /-Xmx(\d+)([gGmMkK]?)/);
  const capMiB = flag
    ? node
      ? Number(flag[1])
      : Number(flag[1]) * ({ g: 1024, m: 1, k: 1 / 1024 }[(flag[2] || "m").toLowerCase() as "g" | "m" | "k"] ?? 1)
    : undefined;
  const code = exitCodeOf(x.tasks, c.name);
  const quote = /JavaScript heap out of memory|java\.lang\.OutOfMemoryError[^\n"]*/.exec(text)?.[0] ?? "out of memory";
  const cap = flag
    ? `the heap cap ${flag[0]} (${opts.find((o) => o.includes(flag[0]))?.split("=")[0] ?? "command line"})`
    : node
      ? "V8's default old-space limit (no --max-old-space-size is set; the default depends on the Node version and is often about 2 GiB or less)"
      : "the JVM's default heap (a quarter of the memory it detects; no -Xmx or MaxRAMPercentage is set)";
  const mem = memory ? `${memory} MiB` : "the task's memory";
  const target = memory ? Math.floor(memory * 0.75) : undefined;
  const roomy = capMiB !== undefined && memory !== undefined && capMiB >= memory * 0.7;
  const setting = node
    ? `NODE_OPTIONS=--max-old-space-size=${target ?? "<75% of the memory in MiB>"}`
    : `-Xmx${target ?? "<75% of the memory>"}m (or -XX:MaxRAMPercentage=75) in JAVA_TOOL_OPTIONS`;
  return finding({
    ...f,
    title: `${c.name} ran out of ${node ? "JavaScript" : "Java"} heap (${quote})${code !== undefined ? `, exit ${code}` : ""}`,
    likelihood: Math.max(f.likelihood, 0.9),
    explanation: `Container ${c.name} logged "${quote}"${code !== undefined ? ` and exited with code ${code}${code === 134 ? " (SIGABRT: V8 aborts when its heap is full)" : code === 3 ? " (ExitOnOutOfMemoryError)" : ""}` : ""}. The runtime hit ${cap}, ${roomy ? "which already takes most of" : "not the container's memory limit: the container has"} ${mem}${roomy ? " of the container's memory" : ""}.`,
    fix: roomy
      ? `The heap already takes most of ${mem}: find what holds memory (a heap dump or profile), or give the task more memory and raise ${node ? "--max-old-space-size" : "-Xmx"} with it.`
      : `Set ${setting} so the heap can use the ${mem} the container has${flag ? ` instead of ${flag[0]}` : ""}, register a new revision and redeploy; if it still fills, profile for a leak.`,
  });
};

const nofileRule = (f: Finding, x: Facts): Finding => {
  const c = containerOf(f, x.taskDefinition);
  if (!c) return f;
  const u = (c.ulimits ?? []).find((l) => l.name === "nofile");
  const fargate = (x.taskDefinition?.requiresCompatibilities ?? []).includes("FARGATE");
  const limit = u
    ? `The task definition sets ulimits nofile for ${c.name} to soft ${u.softLimit} / hard ${u.hardLimit}`
    : `The task definition sets no nofile ulimit for ${c.name}, so it runs with the default (${fargate ? "65535 soft and hard on Fargate" : "the Docker daemon's default on EC2"})`;
  return finding({
    ...f,
    explanation: `${f.explanation} ${limit}.`,
    fix: u
      ? `Raise ulimits nofile for ${c.name} (e.g. softLimit 65535, hardLimit 65535; Fargate allows up to 1048576) instead of soft ${u.softLimit}, register a new revision and redeploy; also check the app closes its connections and files.`
      : `Add ulimits [{"name":"nofile","softLimit":65535,"hardLimit":65535}] (or higher) to ${c.name}, and look for connections or files the app never closes.`,
  });
};

/** Disk full from the app's own log line: Fargate ephemeral storage (its size) or the EC2 instance's volume. */
const storageRule = (f: Finding, x: Facts): Finding => {
  if (f.category !== "logs") return f;
  const line = f.evidence.find((e) => /No space left|ENOSPC|Errno 28/i.test(e.text))?.text ?? f.evidence[0]?.text ?? "";
  const launchType = x.tasks.find((t) => t.launchType)?.launchType;
  const { title, explanation, fix } = storageCause(
    parseFailure(line),
    { taskDefinition: x.taskDefinition },
    launchType,
  );
  return finding({ ...f, title, explanation, fix });
};

/** Heap, open-file and disk limits: the log finding gains the task definition's numbers. */
export const runtimeLimitRule = (found: readonly Finding[], x: Facts): Finding[] =>
  found.map((f) =>
    f.id === "runtime_heap_exhausted"
      ? heapRule(f, x)
      : f.id === "file_descriptor_limit"
        ? nofileRule(f, x)
        : f.id === "task_storage_full"
          ? storageRule(f, x)
          : f,
  );
