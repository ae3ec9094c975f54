// Symptom findings (rollback, cycling tasks, health-check kills, exits) say what causes them: the ranked root cause
// by name, or, for a rollback with nothing to point at, that no failure was seen in the window and where to look.
// Never "see the failure above" when nothing is above.
import type { Finding } from "./finding.ts";

const SYMPTOMS = new Set([
  "circuit_breaker_rollback",
  "tasks_cycling",
  "deployment_stuck",
  "elb_health_check_failed",
  "container_health_check_failed",
  "app_exit_nonzero",
  "app_crash",
]);

/** Rewrites symptom findings of ranked findings to point at the real root cause (or its absence). */
export const explainRollback = (ranked: readonly Finding[]): Finding[] =>
  ranked.map((f) => {
    if (!SYMPTOMS.has(f.id)) return f;
    const root = ranked.find((x) => !SYMPTOMS.has(x.id) && x.likelihood >= f.likelihood);
    if (f.id !== "circuit_breaker_rollback")
      return root ? { ...f, explanation: `${f.explanation} Likely cause, ranked above: ${root.title}.` } : f;
    if (root)
      return {
        ...f,
        fix: `Fix the root cause ranked above ("${root.title}"), then deploy again (a new task definition revision or a forced new deployment).`,
      };
    const other = ranked.find(
      (x) => x.id !== f.id && SYMPTOMS.has(x.id) && x.id !== "tasks_cycling" && x.id !== "deployment_stuck",
    );
    if (other)
      return {
        ...f,
        fix: `The new tasks failed with "${other.title}": fix that (see its fix), then deploy again (a new task definition revision or a forced new deployment).`,
      };
    return {
      ...f,
      explanation:
        "The deployment circuit breaker saw new tasks fail repeatedly and stopped the rollout, but no stopped task, log line or other check in this window shows why they failed (ECS keeps stopped tasks for about an hour).",
      fix: "Widen time_window to cover the failed deployment, or run fetch_task_failures and fetch_task_logs right after the next attempt; the stopped tasks' stoppedReason names the cause. Then deploy again.",
    };
  });
