// The tasks this process runs: status, last progress, and the final tool result, until the task expires.
import type { TaskHandle } from "./taskHandle.ts";

/** One task running (or finished) in this process. */
export interface TaskJob {
  readonly taskId: string;
  readonly handle: TaskHandle;
  readonly abort: AbortController;
  status: "working" | "completed" | "failed" | "cancelled";
  statusMessage?: string;
  lastUpdatedAt: number;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}

/** The jobs of one process, keyed by the handle's id; expired ones are dropped as new ones arrive. */
export const taskJobs = () => {
  const jobs = new Map<string, TaskJob>();
  const touch = (job: TaskJob) => {
    job.lastUpdatedAt = Date.now();
  };
  return {
    add: (taskId: string, handle: TaskHandle, abort: AbortController): TaskJob => {
      const now = Date.now();
      for (const [id, j] of jobs) if (j.handle.expiresAt < now) jobs.delete(id);
      const job: TaskJob = { taskId, handle, abort, status: "working", lastUpdatedAt: now };
      jobs.set(handle.id, job);
      return job;
    },
    get: (id: string) => jobs.get(id),
    progress: (job: TaskJob, p: { progress: number; total?: number; message: string }) => {
      if (job.status !== "working") return;
      job.statusMessage = p.total ? `${p.message} [${p.progress}/${p.total}]` : p.message;
      touch(job);
    },
    /** The call's result: `completed` (a tool error is a completed task with isError, as the extension says). */
    finish: (job: TaskJob, result: Record<string, unknown>) => {
      if (job.status !== "working") return; // cancelled first: stays cancelled
      job.status = "completed";
      job.result = result;
      job.statusMessage = result.isError ? "Finished with an error (see the result)." : "Finished.";
      touch(job);
    },
    /** A fault outside the tool (the handler crashed): `failed` with a JSON-RPC error. */
    fail: (job: TaskJob, message: string) => {
      if (job.status !== "working") return;
      job.status = "failed";
      job.error = { code: -32603, message };
      job.statusMessage = `Internal error: ${message}`;
      touch(job);
    },
    cancel: (job: TaskJob) => {
      if (job.status !== "working") return;
      job.status = "cancelled";
      job.statusMessage = "Cancelled by the client; the work was stopped.";
      touch(job);
      job.abort.abort(new Error("task cancelled"));
    },
    cancelAll: () => {
      for (const job of jobs.values())
        if (job.status === "working") {
          job.status = "cancelled";
          job.statusMessage = "Cancelled: the server shut down.";
          job.abort.abort(new Error("server shutting down"));
        }
    },
  };
};

/** The task as tasks/get and CreateTaskResult show it (the extension's DetailedTask). */
export const taskView = (job: TaskJob, ttlMs: number, pollIntervalMs: number): Record<string, unknown> => ({
  taskId: job.taskId,
  status: job.status,
  ...(job.statusMessage ? { statusMessage: job.statusMessage } : {}),
  createdAt: new Date(job.handle.createdAt).toISOString(),
  lastUpdatedAt: new Date(job.lastUpdatedAt).toISOString(),
  ttlMs,
  pollIntervalMs,
  ...(job.status === "completed" && job.result ? { result: job.result } : {}),
  ...(job.status === "failed" && job.error ? { error: job.error } : {}),
});
