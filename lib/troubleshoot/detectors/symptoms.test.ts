// Symptom routing: diagnose first, then the actions the words point at.
import { expect, test } from "bun:test";
import { routeSymptoms } from "./symptoms.ts";

const actions = (s?: string) => routeSymptoms(s).map((r) => r.action);

test("slowness, CPU, memory and 5xx point at the CloudWatch metrics", () => {
  for (const s of ["the API got slow under load", "CPU at 100%", "tasks exit 137", "users see 502s"])
    expect(actions(s)).toContain("fetch_service_metrics");
  expect(actions("image pull fails: manifest unknown")).not.toContain("fetch_service_metrics");
});

test("diagnose always comes first; no symptoms gives the general actions", () => {
  expect(actions("anything")[0]).toBe("diagnose");
  expect(actions()).toEqual(["diagnose", "fetch_task_failures", "fetch_task_logs", "fetch_service_events"]);
});
