// Stopped-task classification: real failures get findings, tasks the scheduler or a user stopped do not.
import { expect, test } from "bun:test";
import type { Task } from "@aws-sdk/client-ecs";
import { classifyTask } from "./taskFailures.ts";

const stoppedBy = (stopCode: Task["stopCode"], stoppedReason: string, exitCode: number): Task => ({
  taskArn: "arn:aws:ecs:us-east-1:123456789012:task/web/0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4",
  taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:6",
  lastStatus: "STOPPED",
  desiredStatus: "STOPPED",
  stopCode,
  stoppedReason,
  stoppedAt: new Date("2026-11-25T09:15:42Z"),
  containers: [{ name: "api", lastStatus: "STOPPED", exitCode }],
});

test("a task replaced by a deployment that exits on SIGTERM (143) or is killed after stopTimeout (137) is no failure", () => {
  for (const code of [143, 137, 130]) {
    const r = classifyTask(
      stoppedBy(
        "ServiceSchedulerInitiated",
        "Scaling activity initiated by (deployment ecs-svc/4417350188529612847)",
        code,
      ),
    );
    expect(r.finding).toBeUndefined();
    expect(r.summary.category).toBe("stopped_by_scheduler");
  }
  expect(classifyTask(stoppedBy("UserInitiated", "Task stopped by user", 143)).finding).toBeUndefined();
});

test("a real crash is still reported, also when the task stopped because the essential container exited", () => {
  const r = classifyTask(stoppedBy("EssentialContainerExited", "Essential container in task exited", 1));
  expect(r.finding?.id).toBe("app_exit_nonzero");
  const oom = classifyTask({
    ...stoppedBy("EssentialContainerExited", "Essential container in task exited", 137),
    containers: [{ name: "api", exitCode: 137, reason: "OutOfMemoryError: Container killed due to memory usage" }],
  });
  expect(oom.finding?.id).toBe("oom_killed");
});

test("a stopped task without stoppedAt keeps a time from its other timestamps, or says it has none", () => {
  const { stoppedAt: _s, ...noStop } = stoppedBy(
    "TaskFailedToStart",
    "CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref x/y:1: not found",
    0,
  );
  const withStopping = classifyTask({ ...noStop, stoppingAt: new Date("2026-11-25T09:15:40Z") });
  expect(withStopping.summary).toMatchObject({
    stopped_at: "2026-11-25T09:15:40.000Z",
    stopped_at_source: "stoppingAt",
  });
  const none = classifyTask(noStop);
  expect(none.summary.stopped_at).toBeUndefined();
  expect(none.summary.stopped_at_source).toBe("unknown");
  expect(none.finding?.id).toBe("image_not_found");
});

test("tasks ECS stopped for failing ELB health checks: the SIGTERM exit (143) is not reported as an app crash", () => {
  const r = classifyTask(
    stoppedBy(
      "ServiceSchedulerInitiated",
      "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/6d0ecf831eec9f09)",
      143,
    ),
  );
  expect(r.finding?.id).not.toBe("app_exit_nonzero");
  expect(r.summary.category).toBe("elb_health_check");
});

test("an essential sidecar that exits first is named as the cause, not the app container ECS then stopped", () => {
  const task: Task = {
    ...stoppedBy("EssentialContainerExited", "Essential container in task exited", 0),
    containers: [
      { name: "api", lastStatus: "STOPPED", exitCode: 143 },
      { name: "log_router", lastStatus: "STOPPED", exitCode: 1 },
    ],
  };
  const td = {
    taskDefinitionArn: task.taskDefinitionArn,
    containerDefinitions: [
      { name: "api", portMappings: [{ containerPort: 8080 }], essential: true },
      { name: "log_router", essential: true, firelensConfiguration: { type: "fluentbit" as const } },
    ],
  };
  const r = classifyTask(task, { taskDefinitions: [td] });
  expect(r.finding).toMatchObject({
    id: "sidecar_exited",
    title: "Essential sidecar container log_router exited with code 1",
  });
  expect(r.finding?.explanation).toContain("FireLens log router");
  // The app container itself exiting 1 (the sidecar stopped by ECS) stays the app's failure.
  const own = classifyTask(
    {
      ...task,
      containers: [
        { name: "api", lastStatus: "STOPPED", exitCode: 1 },
        { name: "log_router", exitCode: 143 },
      ],
    },
    { taskDefinitions: [td] },
  );
  expect(own.finding).toMatchObject({ id: "app_exit_nonzero", title: "Container api exited with code 1" });
});

test("essential container exited: a sidecar killed with 137 went first, the app's 143 is ECS stopping it; exit 0 is a finished process", () => {
  const td = {
    taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:6",
    containerDefinitions: [
      { name: "api", essential: true, portMappings: [{ containerPort: 8080 }] },
      { name: "agent", essential: true },
    ],
  };
  const both: Task = {
    ...stoppedBy("EssentialContainerExited", "Essential container in task exited", 143),
    containers: [
      { name: "api", exitCode: 143 },
      { name: "agent", exitCode: 137 },
    ],
  };
  const r = classifyTask(both, { taskDefinitions: [td] });
  expect(r.finding?.id).toBe("sidecar_exited");
  expect(r.finding?.title).toContain("agent exited with code 137");
  const zero = classifyTask(stoppedBy("EssentialContainerExited", "Essential container in task exited", 0), {
    taskDefinitions: [td],
  });
  expect(zero.finding?.id).toBe("app_exited_zero");
  // Exit 0 after failed ELB health checks is ECS's stop, not a finished process.
  expect(
    classifyTask(stoppedBy("ServiceSchedulerInitiated", "Task failed ELB health checks in (target-group x)", 0)).finding
      ?.id,
  ).not.toBe("app_exited_zero");
});
