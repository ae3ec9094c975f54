// Classifies stopped tasks (stopCode, stoppedReason, container exit codes) into failure categories and findings.
import type { Container, Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { familyRevision } from "../describeTaskDefinitions.ts";
import { taskIdOf } from "../describeTasks.ts";
import { type Evidence, type Finding, finding } from "../finding.ts";
import { exitZeroCause } from "./exitZeroCause.ts";
import { type FailureContext, type PathFacts, regionAccountOf } from "./failureContext.ts";
import { unknownFailureCause } from "./failureFinding.ts";
import { parseFailure } from "./parseFailure.ts";
import { classifyErrorText, isFailureText } from "./pullErrors.ts";

/** What classification may use beyond the task: the task definitions in play and the network path. */
export interface TaskContext {
  readonly taskDefinitions?: readonly TaskDefinition[];
  readonly path?: PathFacts;
}

/** The failure context of one task: its definition, region, account and path. */
export const contextOf = (t: Task, ctx: TaskContext): FailureContext => ({
  ...regionAccountOf(t.taskArn ?? t.taskDefinitionArn),
  taskDefinition:
    ctx.taskDefinitions?.find((d) => d.taskDefinitionArn === t.taskDefinitionArn) ??
    (ctx.taskDefinitions?.length === 1 ? ctx.taskDefinitions[0] : undefined),
  ...(ctx.path ? { path: ctx.path } : {}),
  ...(t.containerInstanceArn ? { containerInstance: t.containerInstanceArn.split("/").at(-1) } : {}),
});

/** When the task stopped, and which timestamp says so (stoppedAt can be missing during transitions). */
export const stopTimeOf = (t: Task): { at?: Date; source: string } => {
  for (const k of [
    "stoppedAt",
    "executionStoppedAt",
    "stoppingAt",
    "startedAt",
    "pullStoppedAt",
    "createdAt",
  ] as const) {
    const v = t[k];
    if (v instanceof Date && !Number.isNaN(v.getTime())) return { at: v, source: k };
  }
  return { source: "unknown" };
};

/** A stopped task, compact. */
export interface TaskSummary {
  readonly task_id: string;
  readonly task_definition: string;
  readonly stopped_at?: string;
  /** The task field stopped_at comes from when stoppedAt is missing, or "unknown" when the task has no time. */
  readonly stopped_at_source?: string;
  readonly started_at?: string;
  readonly stop_code?: string;
  readonly stopped_reason?: string;
  readonly category: string;
  readonly containers: readonly { name?: string; exit_code?: number; reason?: string; last_status?: string }[];
}

interface Cause {
  category: string;
  finding?: Omit<Finding, "evidence">;
}

const exitCause = (c: Container): Cause | undefined => {
  const code = c.exitCode;
  const reason = c.reason ?? "";
  if (/OutOfMemory/i.test(reason) || (code === 137 && /memory/i.test(reason))) {
    return {
      category: "out_of_memory",
      finding: {
        id: "oom_killed",
        category: "task",
        title: `Container ${c.name} was killed for exceeding its memory limit`,
        likelihood: 0.92,
        explanation:
          "The kernel OOM killer stopped the container (exit 137, OutOfMemoryError): the process needs more memory than the task or container limit allows.",
        fix: "Raise the task memory (and container `memory` hard limit), or lower the app's heap/worker count (e.g. NODE_OPTIONS=--max-old-space-size, JVM -XX:MaxRAMPercentage).",
      },
    };
  }
  if (code === 137) {
    return {
      category: "killed",
      finding: {
        id: "sigkill",
        category: "task",
        title: `Container ${c.name} was killed (exit 137)`,
        likelihood: 0.55,
        explanation:
          "Exit 137 is SIGKILL: either memory pressure or the container ignored SIGTERM and was killed after stopTimeout.",
        fix: "Check memory use (CloudWatch MemoryUtilization) and make the app exit on SIGTERM; raise stopTimeout if shutdown is slow.",
      },
    };
  }
  if (code === 139) {
    return {
      category: "segmentation_fault",
      finding: {
        id: "segfault",
        category: "task",
        title: `Container ${c.name} crashed with a segmentation fault (exit 139)`,
        likelihood: 0.8,
        explanation:
          "The process was killed by SIGSEGV: a native crash, often a binary built for another libc/architecture or a native module mismatch.",
        fix: "Rebuild native dependencies inside the image for its base OS and architecture; check the logs just before the crash.",
      },
    };
  }
  if (code === 127) {
    return {
      category: "command_not_found",
      finding: {
        id: "command_not_found",
        category: "task",
        title: `Container ${c.name} could not find its command (exit 127)`,
        likelihood: 0.88,
        explanation:
          "Exit 127 means the entrypoint or command does not exist in the image (wrong path, missing binary, or a script with CRLF line endings / missing interpreter).",
        fix: "Check entryPoint/command in the task definition and the Dockerfile CMD; run the image locally with the same command.",
      },
    };
  }
  if (code === 126) {
    return {
      category: "not_executable",
      finding: {
        id: "not_executable",
        category: "task",
        title: `Container ${c.name} command is not executable (exit 126)`,
        likelihood: 0.86,
        explanation:
          "Exit 126: the command exists but cannot be executed (missing execute permission or wrong format).",
        fix: "chmod +x the entrypoint in the Dockerfile (RUN chmod +x ...) and check the shebang line.",
      },
    };
  }
  if (code !== undefined && code !== 0) {
    return {
      category: "application_error",
      finding: {
        id: "app_exit_nonzero",
        category: "task",
        title: `Container ${c.name} exited with code ${code}`,
        likelihood: 0.7,
        explanation: "The application process exited with an error shortly after start; the cause is in its logs.",
        fix: "Read the container's logs (fetch_task_logs) around the stop time and fix the startup error.",
      },
    };
  }
  return undefined;
};

const stopCause = (t: Task, fc: FailureContext): Cause | undefined => {
  const reason = t.stoppedReason ?? "";
  if (t.stopCode === "SpotInterruption" || t.stopCode === "TerminationNotice") {
    return {
      category: "spot_interruption",
      finding: {
        id: "spot_interruption",
        category: "task",
        title: "Tasks were stopped by Spot interruptions",
        likelihood: 0.6,
        explanation: "AWS reclaimed Fargate Spot / EC2 Spot capacity; the tasks did not fail on their own.",
        fix: "Mix in on-demand capacity (capacity provider strategy with a FARGATE base) and make the app handle SIGTERM within 2 minutes.",
      },
    };
  }
  if (/failed ELB health checks/i.test(reason)) {
    return {
      category: "elb_health_check",
      finding: {
        id: "elb_health_check_failed",
        category: "service",
        title: "Tasks are killed for failing load balancer health checks",
        likelihood: 0.72,
        explanation:
          "The target group marked the tasks unhealthy and ECS replaced them: the app does not answer the health check path/port with a success code in time.",
        fix: "Make the health check path return 200 (or set the matcher), check the container port and security groups, and raise healthCheckGracePeriodSeconds if the app starts slowly.",
      },
    };
  }
  if (/failed container health checks/i.test(reason)) {
    return {
      category: "container_health_check",
      finding: {
        id: "container_health_check_failed",
        category: "task",
        title: "Tasks fail their container health check",
        likelihood: 0.8,
        explanation: "The healthCheck command in the task definition keeps failing, so ECS stops the task.",
        fix: "Run the health check command inside the image (curl/wget may be missing in slim images), fix its port/path, and raise startPeriod for slow starts.",
      },
    };
  }
  const text = classifyErrorText(reason, fc);
  if (text) {
    const { id, category, title, likelihood, explanation, fix } = text;
    return { category: id, finding: { id, category, title, likelihood, explanation, fix } };
  }
  if (/Essential container in task exited/i.test(reason)) return { category: "essential_container_exited" };
  if (
    /Scaling activity initiated|deployment|UserInitiated|Task stopped by user/i.test(reason) ||
    t.stopCode === "UserInitiated"
  ) {
    return { category: "stopped_by_scheduler" };
  }
  const parsed = parseFailure(reason);
  if (reason && (t.stopCode === "TaskFailedToStart" || isFailureText(parsed))) {
    const { id, category, title, likelihood, explanation, fix } = unknownFailureCause(parsed);
    return { category: id, finding: { id, category, title, likelihood, explanation, fix } };
  }
  return undefined;
};

const STOPPED_BY_ECS = new Set([
  "stopped_by_scheduler",
  "elb_health_check",
  "container_health_check",
  "spot_interruption",
]);

/** The container a task definition serves traffic from: the first with port mappings, else the first. */
const appContainerOf = (td: TaskDefinition | undefined): string | undefined =>
  (td?.containerDefinitions?.find((d) => (d.portMappings ?? []).length > 0) ?? td?.containerDefinitions?.[0])?.name;

/** When the container that exited on its own is an essential sidecar, say so: the app stopped because of it. */
const sidecarOrOwn = <X extends { c: Container; exit?: Cause }>(own: X, all: readonly X[], fc: FailureContext): X => {
  const td = fc.taskDefinition;
  const app = appContainerOf(td);
  const def = td?.containerDefinitions?.find((d) => d.name === own.c.name);
  if (!app || !def || own.c.name === app || (td?.containerDefinitions?.length ?? 0) < 2) return own;
  const role = def.firelensConfiguration ? " (the FireLens log router)" : "";
  const others = all.filter((x) => x !== own).map((x) => `${x.c.name} exit ${x.c.exitCode}`);
  const group = def.logConfiguration?.options?.["awslogs-group"];
  return {
    ...own,
    exit: {
      category: "sidecar_exited",
      finding: {
        id: "sidecar_exited",
        category: "task",
        title: `Essential sidecar container ${own.c.name} exited with code ${own.c.exitCode}`,
        likelihood: 0.82,
        explanation: `${own.c.name}${role} is marked essential, so when it exited with exit code ${own.c.exitCode} ECS stopped the whole task; ${app} only stopped because of that${others.length ? ` (${others.join(", ")})` : ""}.`,
        fix: `Read ${own.c.name}'s own logs${group ? ` (log group ${group})` : ""} for why it exited and fix its configuration or image; if ${app} should keep running without it, set essential: false on ${own.c.name}.`,
      },
    },
  };
};

/** Categorises one stopped task; container reasons (pull errors, exit codes) win over generic task reasons. */
export const classifyTask = (t: Task, ctx: TaskContext = {}): { summary: TaskSummary; finding?: Finding } => {
  const id = taskIdOf(t.taskArn ?? "");
  const fc = contextOf(t, ctx);
  const containerCauses = (t.containers ?? []).map((c) => ({
    c,
    text: classifyErrorText(c.reason, fc),
    exit: exitCause(c),
  }));
  const fromText = containerCauses.find((x) => x.text);
  const task = stopCause(t, fc);
  // A task ECS stopped (scheduler, user, failed health checks, Spot) gets SIGTERM (exit 143, 130) and SIGKILL after
  // stopTimeout (137): those codes are the stop itself, not a crash (an OOM kill is still reported: its reason says so).
  // Likewise when one essential container exits, ECS stops the others: the one that exited on its own is the cause.
  const signalled = (x: (typeof containerCauses)[number]) =>
    x.exit?.category !== "out_of_memory" && [130, 137, 143].includes(x.c.exitCode ?? -1);
  const stoppedOnPurpose = STOPPED_BY_ECS.has(task?.category ?? "");
  const exits = containerCauses.filter((x) => x.exit && !(stoppedOnPurpose && signalled(x)));
  // After an essential container exits, ECS stops the others with SIGTERM (143): one killed otherwise (137, 130) went first.
  const own =
    exits.find((x) => !signalled(x)) ??
    (task?.category === "essential_container_exited" ? exits.find((x) => x.c.exitCode !== 143) : undefined) ??
    exits[0];
  const fromExit = own && task?.category === "essential_container_exited" ? sidecarOrOwn(own, exits, fc) : own;
  let cause: Cause | undefined;
  if (fromText?.text) {
    const { id: fid, category, title, likelihood, explanation, fix } = fromText.text;
    cause = { category: fid, finding: { id: fid, category, title, likelihood, explanation, fix } };
  } else if (
    task?.finding &&
    task.category !== "elb_health_check" &&
    !(task.category === "task_start_failed" && fromExit)
  )
    cause = task;
  else if (fromExit?.exit) cause = fromExit.exit;
  else cause = task;
  // Every container exited 0 and the task stopped because an essential one did: the process finished, not crashed.
  const zero =
    !cause?.finding && task?.category === "essential_container_exited"
      ? (t.containers ?? []).find((c) => c.exitCode === 0)
      : undefined;
  const zeroFinding = zero && exitZeroCause(zero, fc);
  if (zeroFinding) cause = { category: "exited_zero", finding: zeroFinding };
  // A container reason that reads as a failure nobody recognised is still reported, quoted.
  const unknownReason = (t.containers ?? [])
    .map((c) => parseFailure(c.reason ?? ""))
    .find((p) => p.raw && isFailureText(p));
  if (!cause?.finding && unknownReason) {
    const { id: uid, category, title, likelihood, explanation, fix } = unknownFailureCause(unknownReason);
    cause = { category: uid, finding: { id: uid, category, title, likelihood, explanation, fix } };
  }
  const when = stopTimeOf(t);
  const at = when.at?.toISOString();
  const summary: TaskSummary = {
    task_id: id,
    task_definition: familyRevision(t.taskDefinitionArn),
    stopped_at: at,
    ...(when.source !== "stoppedAt" ? { stopped_at_source: when.source } : {}),
    started_at: t.startedAt?.toISOString(),
    stop_code: t.stopCode,
    stopped_reason: t.stoppedReason,
    category: cause?.category ?? "other",
    containers: (t.containers ?? []).map((c) => ({
      name: c.name,
      exit_code: c.exitCode,
      reason: c.reason,
      last_status: c.lastStatus,
    })),
  };
  if (!cause?.finding) return { summary };
  const evidence: Evidence[] = [
    {
      source: "task",
      ref: id,
      at,
      text: [
        t.stopCode && `stopCode ${t.stopCode}`,
        t.stoppedReason,
        ...(t.containers ?? [])
          .filter((c) => c.reason || (c.exitCode !== undefined && c.exitCode !== 0))
          .map((c) =>
            `${c.name}: ${c.exitCode !== undefined ? `exit ${c.exitCode}` : ""}${c.reason ? ` ${c.reason}` : ""}`.trim(),
          ),
      ]
        .filter(Boolean)
        .join(" | "),
    },
  ];
  return { summary, finding: finding({ ...cause.finding, evidence }) };
};
