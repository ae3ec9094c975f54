// The readiness verdict of one DescribeServices answer.
import { describe, expect, test } from "bun:test";
import type { Service } from "@aws-sdk/client-ecs";
import { judge } from "./waitForServiceReady.ts";

const svc = (s: Partial<Service>, d: Record<string, unknown> = {}): Service =>
  ({
    status: "ACTIVE",
    runningCount: 0,
    desiredCount: 2,
    deployments: [{ status: "PRIMARY", rolloutState: "IN_PROGRESS", ...d }],
    ...s,
  }) as Service;

describe("judge", () => {
  test("ready only when running == desired and the rollout completed", () => {
    expect(judge(svc({ runningCount: 2 }, { rolloutState: "COMPLETED" }))).toMatchObject({
      done: true,
      status: "success",
    });
    expect(judge(svc({ runningCount: 2 }))).toEqual({ done: false });
    expect(judge(svc({ runningCount: 1 }, { rolloutState: "COMPLETED" }))).toEqual({ done: false });
  });
  test("failure signs end the wait", () => {
    expect(judge(svc({}, { rolloutState: "FAILED", rolloutStateReason: "circuit breaker" }))).toMatchObject({
      status: "failed",
    });
    expect(
      judge(svc({ events: [{ message: "(service x) deployment failed: tasks failed to start. Rolling back" }] })),
    ).toMatchObject({ status: "failed" });
    expect(judge(svc({}, { failedTasks: 3 }))).toMatchObject({ status: "failed" });
    expect(judge(svc({ status: "DRAINING" }))).toMatchObject({ status: "failed" });
  });
  test("a rollback event from an earlier deployment does not fail the new one", () => {
    const earlier = new Date("2026-11-25T10:00:00Z");
    const now = new Date("2026-11-25T10:30:00Z");
    const s = svc(
      {
        events: [
          { createdAt: new Date(now.getTime() + 5000), message: "(service x) has started 2 tasks" },
          { createdAt: earlier, message: "(service x) deployment d0 failed: circuit breaker, rolling back" },
        ],
      },
      { createdAt: now },
    );
    expect(judge(s)).toEqual({ done: false });
    // The same message after the current deployment started still ends the wait.
    const late = svc(
      { events: [{ createdAt: new Date(now.getTime() + 1000), message: "circuit breaker: rolling back" }] },
      { createdAt: now },
    );
    expect(judge(late)).toMatchObject({ status: "failed" });
  });
});
