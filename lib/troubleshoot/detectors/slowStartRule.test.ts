// The slow-start rule speaks only when a start-up time read from the logs exceeds the health check window.
import { expect, test } from "bun:test";
import { slowStartRule } from "./slowStartRule.ts";

const killed = [{ taskArn: "t1", stoppedReason: "Task failed ELB health checks in (target-group x)" }];
const tg = [{ TargetGroupArn: "tg", HealthCheckIntervalSeconds: 10, UnhealthyThresholdCount: 3 }];
const log = (message: string) => ({ timestamp: "2026-11-25T09:12:15Z", message, stream: "ecs/api/1" });

test("a Spring Boot start of 71 s against a 0 + 10 x 3 s window names the grace period to set", () => {
  const [f] = slowStartRule({
    tasks: killed,
    targetGroups: tg,
    gracePeriodSeconds: 0,
    logs: [log("Started ApiApplication in 71.482 seconds (process running for 73.9)")],
  });
  expect(f).toMatchObject({ id: "health_check_grace_too_short" });
  expect(f?.fix).toContain("healthCheckGracePeriodSeconds on the service to at least 110");
});

test("no finding when the start fits the window, when no start-up time is logged, or when no task failed ELB checks", () => {
  const fast = [log("Started ApiApplication in 12.1 seconds")];
  expect(slowStartRule({ tasks: killed, targetGroups: tg, gracePeriodSeconds: 0, logs: fast })).toEqual([]);
  expect(slowStartRule({ tasks: killed, targetGroups: tg, logs: [log("Tomcat initialized with port 8080")] })).toEqual(
    [],
  );
  expect(slowStartRule({ tasks: [], targetGroups: tg, logs: [log("Started ApiApplication in 71.4 seconds")] })).toEqual(
    [],
  );
  expect(
    slowStartRule({
      tasks: killed,
      targetGroups: tg,
      gracePeriodSeconds: 120,
      logs: [log("Started A in 71.4 seconds")],
    }),
  ).toEqual([]);
});

test("container health check: tasks still logging start-up steps when stopped name startPeriod; an error in the logs does not", () => {
  const startedAt = new Date("2026-11-25T09:30:00Z");
  const task = {
    taskArn: "arn:aws:ecs:us-east-1:123456789012:task/web/t1",
    startedAt,
    stoppedReason: "Task failed container health checks",
  };
  const td = {
    containerDefinitions: [
      { name: "api", healthCheck: { command: ["CMD-SHELL", "true"], startPeriod: 5, interval: 10, retries: 5 } },
    ],
  };
  const at = (s: number, message: string) => ({
    stream: "ecs/api/t1",
    timestamp: new Date(startedAt.getTime() + s * 1000).toISOString(),
    message,
  });
  const [f] = slowStartRule({
    tasks: [task],
    taskDefinition: td,
    logs: [at(1, "Applying migrations"), at(50, "Warming the cache")],
  });
  expect(f).toMatchObject({ id: "health_check_grace_too_short", category: "task" });
  expect(f?.fix).toContain("Raise healthCheck.startPeriod of api to at least 90 s");
  expect(
    slowStartRule({
      tasks: [task],
      taskDefinition: td,
      logs: [at(1, "Applying migrations"), at(50, "Error: db refused")],
    }),
  ).toEqual([]);
  // Stopped long before the window would close: not a slow start.
  expect(slowStartRule({ tasks: [task], taskDefinition: td, logs: [at(1, "a"), at(10, "b")] })).toEqual([]);
});
