// Task ids of the io.modelcontextprotocol/tasks extension as signed handles: what the work is, where its state lives
// (AWS, readable by any replica; or one process), when it began and expires, and whose it is.
import { err, ok, type Result } from "neverthrow";
import type { Signer, TokenProblem } from "./signedToken.ts";

const PURPOSE = "ecs-assistant/task-handle";
/** node:crypto on first use (a task's creation), not at start-up. */
const nodeCrypto = (): typeof import("node:crypto") => process.getBuiltinModule("node:crypto");

/** `aws`: any replica rebuilds the status from AWS; `process`: only the process named `replica` holds the work. */
export type HandleKind = "aws" | "process";

/** What a task id says once its signature is checked. */
export interface TaskHandle {
  readonly kind: HandleKind;
  readonly tool: string;
  /** The call's arguments, for `aws` handles (the status check needs them); omitted for `process` handles. */
  readonly args?: Record<string, unknown>;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** The process that started the work. */
  readonly replica: string;
  /** Unique per task (the key of the starting process's own record). */
  readonly id: string;
  /** SHA-256 of the caller's identity (OAuth subject) when the call was authenticated. */
  readonly caller?: string;
}

/** Why a task id was refused. */
export type HandleProblem = TokenProblem | "expired" | "other_caller";

/** Mints and opens task handles with the key MRTR states use. */
export interface TaskHandles {
  mint(h: Omit<TaskHandle, "id" | "caller">, caller?: string): { taskId: string; handle: TaskHandle };
  open(taskId: string, caller?: string): Result<TaskHandle, HandleProblem>;
}

/** A caller's identity as handles carry it: hashed, so a handle does not show who made it. */
export const callerDigest = (subject: string): string =>
  nodeCrypto().createHash("sha256").update(subject).digest("base64url").slice(0, 22);

/** Handles signed by `signer` (the replicas' shared key); `now` is injectable for expiry tests. */
export const createTaskHandles = (signer: Signer, now: () => number = Date.now): TaskHandles => ({
  mint: (h, caller) => {
    const handle: TaskHandle = {
      ...h,
      id: nodeCrypto().randomBytes(12).toString("base64url"),
      ...(caller ? { caller: callerDigest(caller) } : {}),
    };
    const taskId = signer.seal(PURPOSE, {
      k: handle.kind,
      t: handle.tool,
      ...(handle.args ? { a: handle.args } : {}),
      c: handle.createdAt,
      e: handle.expiresAt,
      r: handle.replica,
      n: handle.id,
      ...(handle.caller ? { s: handle.caller } : {}),
    });
    return { taskId, handle };
  },
  open: (taskId, caller) => {
    const opened = signer.open(PURPOSE, taskId);
    if (opened.isErr()) return err(opened.error);
    const p = opened.value;
    if ((p.k !== "aws" && p.k !== "process") || typeof p.t !== "string" || typeof p.c !== "number")
      return err("malformed");
    if (typeof p.e !== "number" || p.e < now()) return err("expired");
    if (p.s !== undefined && (caller === undefined || p.s !== callerDigest(caller))) return err("other_caller");
    return ok({
      kind: p.k,
      tool: p.t,
      ...(p.a && typeof p.a === "object" ? { args: p.a as Record<string, unknown> } : {}),
      createdAt: p.c,
      expiresAt: p.e,
      replica: String(p.r),
      id: String(p.n),
      ...(typeof p.s === "string" ? { caller: p.s } : {}),
    });
  },
});
