// Long work as tasks (io.modelcontextprotocol/tasks) for 2026-07-28 clients that declare the extension: tools/call
// answers with a signed task handle once the work starts; tasks/get, tasks/cancel and tasks/update answer for it.
// Work whose state lives in AWS is rebuilt from AWS by any replica; other work is answered by the process running it.

import { hostname } from "node:os";
import {
  type CallToolResult,
  CLIENT_CAPABILITIES_META_KEY,
  type ClientCapabilities,
  MissingRequiredClientCapabilityError,
  ProtocolError,
  ProtocolErrorCode,
  type Server,
  type ServerContext,
} from "@modelcontextprotocol/server";
import * as v from "valibot";
import type { EcsAssistant, Logger } from "../lib/index.ts";
import { callerOf, limitsOf } from "./auth/scopes.ts";
import { okResult } from "./mcp.ts";
import type { Signer } from "./signedToken.ts";
import { stateSigner } from "./stateKey.ts";
import { createTaskHandles, type HandleProblem, type TaskHandle, type TaskHandles } from "./taskHandle.ts";
import { type TaskJob, taskJobs, taskView } from "./taskJobs.ts";

/** The extension's identifier (capabilities, error data). */
export const TASKS_EXTENSION = "io.modelcontextprotocol/tasks";
/** The tools that run as tasks: long waits, builds, deployments and deletions. */
export const TASK_TOOLS: readonly string[] = [
  "deploy_app",
  "build_and_push_image_to_ecr",
  "wait_for_service_ready",
  "delete_app",
];

/** How the calling handler runs the call: with these hooks instead of the request's own signal and progress. */
export type RunCall = (hooks: {
  signal: AbortSignal;
  onStart: () => void;
  onProgress: (p: { progress: number; total?: number; message: string }) => void;
}) => Promise<Record<string, unknown>>;

/** Task serving for one process; one per server process, shared by every per-request MCP server. */
export interface TaskRunner {
  /** Whether this tools/call may become a task: a task tool, and the request declares the extension. */
  wants(ctx: ServerContext, name: string): boolean;
  /** Runs the call; its own result when it ends before its work starts, else a task handle (CreateTaskResult). */
  start(
    name: string,
    args: Record<string, unknown>,
    ctx: ServerContext,
    run: RunCall,
  ): Promise<Record<string, unknown>>;
  /** Installs tasks/get, tasks/cancel and tasks/update on a (per-request) server. */
  install(server: Server): void;
  /** Cancels the work this process still runs (shutdown). */
  close(): void;
}

/** Settings: the key shared by replicas (else this process's own), the suggested poll interval, the task lifetime. */
export interface TaskSettings {
  readonly signer?: Signer;
  readonly pollIntervalMs?: number;
  readonly ttlMs?: number;
  /** This process's name in handles and errors (default host#pid plus its start time). */
  readonly replica?: string;
}

const declared = (ctx: ServerContext): boolean => {
  const envelope = ctx.mcpReq.envelope as Record<string, ClientCapabilities | undefined> | undefined;
  const caps = envelope?.[CLIENT_CAPABILITIES_META_KEY] as { extensions?: Record<string, unknown> } | undefined;
  return caps?.extensions?.[TASKS_EXTENSION] !== undefined;
};

const WHY: Record<HandleProblem, string> = {
  malformed: "Task not found: the task id is not one this server issued",
  tampered: "Task not found: the task id failed its integrity check (altered, or signed with another key)",
  expired: "Task has expired",
  other_caller: "Task not found for this caller",
};

const TaskIdParams = v.looseObject({ taskId: v.string() });
const UpdateParams = v.looseObject({
  taskId: v.string(),
  inputResponses: v.optional(v.record(v.string(), v.unknown())),
});

/** Creates the process's task runner over `assistant`. */
export const createTaskRunner = (assistant: EcsAssistant, log: Logger, s: TaskSettings = {}): TaskRunner => {
  const handles: TaskHandles = createTaskHandles(s.signer ?? stateSigner());
  const replica = s.replica ?? `${hostname()}#${process.pid}.${Date.now().toString(36)}`;
  const pollIntervalMs = s.pollIntervalMs ?? 5000;
  const ttlMs = s.ttlMs ?? 7_200_000;
  const jobs = taskJobs();
  /** Cancelled here but running (or not running at all) elsewhere: a wait only reads, so stopping is forgetting. */
  const cancelledHere = new Map<string, number>();

  const subjectOf = (ctx: ServerContext) => {
    const auth = ctx.http?.authInfo;
    return auth ? callerOf(auth).subject : undefined;
  };

  const open = (taskId: string, ctx: ServerContext): TaskHandle => {
    if (!declared(ctx))
      throw new MissingRequiredClientCapabilityError({
        requiredCapabilities: { extensions: { [TASKS_EXTENSION]: {} } },
      });
    const h = handles.open(taskId, subjectOf(ctx));
    if (h.isErr()) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Failed to retrieve task: ${WHY[h.error]}`);
    return h.value;
  };

  const elsewhere = (h: TaskHandle, what: string) =>
    new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      `Failed to ${what} task: ${h.tool} works in the process that started it (replica ${h.replica}); this is replica ${replica}. Send this client's requests to that replica (a balancer sticky on the client's address) or serve builds and deploys from a single replica.`,
      { replica: h.replica, tool: h.tool },
    );

  const fromAws = async (h: TaskHandle, ctx: ServerContext, taskId: string) => {
    const auth = ctx.http?.authInfo;
    const limits = auth ? limitsOf(auth) : undefined;
    const checked = await assistant.checkTool(h.tool, h.args ?? {}, h.createdAt, {
      signal: ctx.mcpReq.signal,
      ...(limits ? { limits } : {}),
      ...(auth ? { caller: callerOf(auth) } : {}),
    });
    if (checked.isErr())
      throw new ProtocolError(
        ProtocolErrorCode.InternalError,
        `Could not read the task's status from AWS (${checked.error.kind}: ${checked.error.message}); poll again.`,
      );
    const st = checked.value;
    const base = { taskId, createdAt: new Date(h.createdAt).toISOString(), ttlMs, pollIntervalMs };
    const now = new Date().toISOString();
    if (!st.done) return { ...base, status: "working", statusMessage: st.message, lastUpdatedAt: now };
    return { ...base, status: "completed", lastUpdatedAt: now, result: okResult(st.value) as CallToolResult };
  };

  const get = async (taskId: string, ctx: ServerContext) => {
    const h = open(taskId, ctx);
    const job = h.replica === replica ? jobs.get(h.id) : undefined;
    if (job && (h.kind === "process" || job.status !== "working")) return taskView(job, ttlMs, pollIntervalMs);
    if (h.kind === "process") throw elsewhere(h, "retrieve");
    if (cancelledHere.has(h.id))
      return {
        taskId,
        status: "cancelled",
        createdAt: new Date(h.createdAt).toISOString(),
        lastUpdatedAt: new Date(cancelledHere.get(h.id) ?? Date.now()).toISOString(),
        ttlMs,
        pollIntervalMs,
      };
    return fromAws(h, ctx, taskId);
  };

  const cancel = async (taskId: string, ctx: ServerContext) => {
    const h = open(taskId, ctx);
    const job = h.replica === replica ? jobs.get(h.id) : undefined;
    if (job) {
      jobs.cancel(job);
      return {};
    }
    // A wait only reads AWS: nothing to stop, this replica stops reporting it. A deletion's writes run elsewhere.
    if (h.kind === "aws" && h.tool === "wait_for_service_ready") {
      cancelledHere.set(h.id, Date.now());
      return {};
    }
    throw elsewhere(h, "cancel");
  };

  return {
    wants: (ctx, name) => declared(ctx) && TASK_TOOLS.includes(name),
    start: async (name, args, ctx, run) => {
      const abort = new AbortController();
      let job: TaskJob | undefined;
      let early: Parameters<Parameters<RunCall>[0]["onProgress"]>[0] | undefined; // before the job is recorded
      let markStarted: () => void = () => {};
      const started = new Promise<"started">((r) => {
        markStarted = () => r("started");
      });
      const pending = run({
        signal: abort.signal,
        onStart: markStarted,
        onProgress: (p) => {
          if (job) jobs.progress(job, p);
          else early = p;
        },
      });
      const first = await Promise.race([started, pending.then((r) => ({ r }))]);
      if (first !== "started") return first.r; // ended before its work began: validation, policy, confirmation
      const now = Date.now();
      const kind = assistant.checkable(name) ? "aws" : "process";
      const minted = handles.mint(
        {
          kind,
          tool: name,
          ...(kind === "aws" ? { args } : {}),
          createdAt: now,
          expiresAt: now + ttlMs,
          replica,
        },
        subjectOf(ctx),
      );
      job = jobs.add(minted.taskId, minted.handle, abort);
      if (early) jobs.progress(job, early);
      const created = job;
      pending.then(
        (r) => jobs.finish(created, r),
        (e: unknown) => {
          log.error(`task ${name} crashed`, { error: String(e) });
          jobs.fail(created, String(e));
        },
      );
      log.info(`tool ${name} runs as a task`, { kind, replica });
      return { resultType: "task", ...taskView(job, ttlMs, pollIntervalMs) };
    },
    install: (server) => {
      server.setRequestHandler("tasks/get", { params: TaskIdParams }, (p, ctx) => get(p.taskId, ctx as ServerContext));
      server.setRequestHandler("tasks/cancel", { params: TaskIdParams }, (p, ctx) =>
        cancel(p.taskId, ctx as ServerContext),
      );
      // These tasks never ask for input (confirmations are settled before a task exists): responses are ignored.
      server.setRequestHandler("tasks/update", { params: UpdateParams }, async (p, ctx) => {
        open(p.taskId, ctx as ServerContext);
        return {};
      });
    },
    close: () => jobs.cancelAll(),
  };
};
