// Wraps an assistant with a test-only tool `test_sleep` that reports progress and honours cancellation, for transport tests.
import { errAsync, okAsync, ResultAsync } from "neverthrow";
import type { EcsAssistant, ToolSpec } from "../../../lib/index.ts";

const SPEC: ToolSpec = {
  name: "test_sleep",
  title: "Sleep",
  description: "Sleeps ms milliseconds, reporting progress with the label.",
  inputSchema: { type: "object", properties: { ms: { type: "number" }, label: { type: "string" } } },
  outputSchema: {
    type: "object",
    properties: { slept: { type: "number" }, label: { type: "string" } },
    required: ["slept", "label"],
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  gate: "read",
  access: "read",
};

/** What the sleeping calls did: labels that finished and labels that saw their signal abort. */
export interface SleepLog {
  finished: string[];
  aborted: string[];
}

/** The assistant plus `test_sleep`. */
export const withSleepTool = (a: EcsAssistant, log: SleepLog): EcsAssistant => ({
  ...a,
  listTools: (f) => [...a.listTools(f), SPEC],
  callTool: (name, args, o) => {
    if (name !== "test_sleep") return a.callTool(name, args, o);
    const { ms = 100, label = "?" } = (args ?? {}) as { ms?: number; label?: string };
    return ResultAsync.fromSafePromise(
      new Promise<"done" | "aborted">((resolve) => {
        let n = 0;
        const tick = setInterval(() => o?.onProgress?.({ progress: ++n, message: label }), 20);
        const done = setTimeout(() => finish("done"), ms);
        const finish = (how: "done" | "aborted") => {
          clearInterval(tick);
          clearTimeout(done);
          resolve(how);
        };
        o?.signal?.addEventListener("abort", () => finish("aborted"));
      }),
    ).andThen((how) => {
      (how === "done" ? log.finished : log.aborted).push(label);
      return how === "done"
        ? okAsync({ value: { slept: ms, label }, redactions: 0 })
        : errAsync({ kind: "cancelled" as const, message: "cancelled", hint: "" });
    });
  },
});
