// A rollback finding says what rolled back, never "see the failure above" when nothing is above: its fix names the
// ranked root cause, or says that no failure was seen in the window and where to look.
import type { Finding } from "./finding.ts";

const SYMPTOMS = new Set(["circuit_breaker_rollback", "tasks_cycling", "deployment_stuck"]);

/** Rewrites the circuit-breaker finding of ranked findings to point at the real root cause (or its absence). */
export const explainRollback = (ranked: readonly Finding[]): Finding[] =>
  ranked.map((f) => {
    if (f.id !== "circuit_breaker_rollback") return f;
    const root = ranked.find((x) => !SYMPTOMS.has(x.id) && x.likelihood >= f.likelihood);
    if (root)
      return {
        ...f,
        fix: `Fix the root cause ranked above ("${root.title}"), then deploy again (a new task definition revision or a forced new deployment).`,
      };
    return {
      ...f,
      explanation:
        "The deployment circuit breaker saw new tasks fail repeatedly and stopped the rollout, but no stopped task, log line or other check in this window shows why they failed (ECS keeps stopped tasks for about an hour).",
      fix: "Widen time_window to cover the failed deployment, or run fetch_task_failures and fetch_task_logs right after the next attempt; the stopped tasks' stoppedReason names the cause. Then deploy again.",
    };
  });
