// Turns a command's output lines into throttled progress notifications and debug log lines.
import type { ToolContext } from "../../tool.ts";
import { stepOf } from "../runtime/containerCommands.ts";

/** A line sink that remembers the last build step and reports progress at most every `everyMs` (steps always). */
export const streamProgress = (ctx: ToolContext, phase: string, base: number, everyMs = 500) => {
  let last = 0;
  let step: string | undefined;
  return {
    onLine: (line: string) => {
      ctx.log.debug(`${phase}: ${line}`);
      const s = stepOf(line);
      if (s) step = s;
      const now = Date.now();
      if (!s && now - last < everyMs) return;
      last = now;
      ctx.progress({ progress: base, total: 6, message: `${phase}: ${line.slice(0, 200)}` });
    },
    step: () => step,
  };
};
