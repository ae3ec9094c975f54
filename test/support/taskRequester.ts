// A tasks-extension requester over an SDK v2 client's own connection. The SDK 2.4 client rejects a tools/call answer
// with `resultType: "task"` (UnsupportedResultType) and keeps no task API, so the tools/call goes out raw on the
// client's transport with the envelope the client itself sends; tasks/get and tasks/cancel go through the client's
// request() with a result schema (the SDK allows those two on a 2026 connection when a schema is given).
import type { Client } from "@modelcontextprotocol/client";
import type { JSONRPCMessage, Transport } from "@modelcontextprotocol/server";
import * as v from "valibot";

export const TASKS = "io.modelcontextprotocol/tasks";

/** The client capabilities a tasks requester declares (plus form elicitation, to answer MRTR confirmations). */
export const TASK_CAPABILITIES = { extensions: { [TASKS]: {} }, elicitation: { form: {} } };

const Task = v.looseObject({
  taskId: v.string(),
  status: v.picklist(["working", "input_required", "completed", "failed", "cancelled"]),
  statusMessage: v.optional(v.string()),
  createdAt: v.string(),
  lastUpdatedAt: v.string(),
  ttlMs: v.nullable(v.number()),
  pollIntervalMs: v.optional(v.number()),
  result: v.optional(v.record(v.string(), v.any())),
  error: v.optional(v.record(v.string(), v.any())),
});
export type TaskView = v.InferOutput<typeof Task>;
// biome-ignore lint/suspicious/noExplicitAny: answers are read as loose JSON by the tests.
type Json = Record<string, any>;

/** Installs itself on a connected client's transport; `confirm` answers confirmations (default yes). */
export const taskRequester = (client: Client, transport: Transport, confirm = true) => {
  const pending = new Map<string, (m: Json) => void>();
  const inner = transport.onmessage;
  transport.onmessage = (m: JSONRPCMessage, extra?: unknown) => {
    const id = "id" in m ? String(m.id) : undefined;
    const waiter = id === undefined ? undefined : pending.get(id);
    if (waiter && id !== undefined) {
      pending.delete(id);
      waiter(m as Json);
      return;
    }
    (inner as (m: JSONRPCMessage, e?: unknown) => void)?.(m, extra);
  };
  let n = 0;
  /** The confirmation questions the server asked through input_required. */
  const asked: string[] = [];
  const envelope = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientInfo": { name: "e2e-tasks", version: "1" },
    "io.modelcontextprotocol/clientCapabilities": TASK_CAPABILITIES,
  };
  const raw = (method: string, params: Json): Promise<Json> =>
    new Promise((resolve, reject) => {
      const id = `raw-task-${++n}`;
      pending.set(id, resolve);
      transport
        .send({ jsonrpc: "2.0", id, method, params: { ...params, _meta: envelope } } as JSONRPCMessage)
        .catch(reject);
    });

  return {
    asked,
    /**
     * tools/call as a requester that declared the extension: settles an MRTR confirmation first (as the extension
     * says servers should), then returns the answer: a CreateTaskResult (`resultType: "task"`) or a complete result.
     */
    callTool: async (name: string, args: Json): Promise<Json> => {
      const first = await raw("tools/call", { name, arguments: args });
      if (first.error) throw Object.assign(new Error(first.error.message), first.error);
      if (first.result?.resultType !== "input_required") return first.result;
      for (const r of Object.values(first.result.inputRequests ?? {}) as Json[]) asked.push(String(r.params?.message));
      const again = await raw("tools/call", {
        name,
        arguments: args,
        requestState: first.result.requestState,
        inputResponses: Object.fromEntries(
          Object.keys(first.result.inputRequests ?? {}).map((k) => [k, { action: "accept", content: { confirm } }]),
        ),
      });
      if (again.error) throw Object.assign(new Error(again.error.message), again.error);
      return again.result;
    },
    get: (taskId: string): Promise<TaskView> => client.request({ method: "tasks/get", params: { taskId } }, Task),
    cancel: (taskId: string) => client.request({ method: "tasks/cancel", params: { taskId } }, v.looseObject({})),
    /** Polls until a terminal status (honouring at most `maxIntervalMs` of the suggested interval). */
    settle: async (taskId: string, maxIntervalMs = 50, limit = 400): Promise<{ task: TaskView; polls: number }> => {
      for (let polls = 1; polls <= limit; polls++) {
        const task = await client.request({ method: "tasks/get", params: { taskId } }, Task);
        if (task.status !== "working" && task.status !== "input_required") return { task, polls };
        await Bun.sleep(Math.min(task.pollIntervalMs ?? maxIntervalMs, maxIntervalMs));
      }
      throw new Error(`task ${taskId.slice(0, 16)}… still working after ${limit} polls`);
    },
  };
};
