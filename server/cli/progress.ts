// Progress of long calls on stderr: one line rewritten in place on a terminal, nothing when stderr is a pipe or file.
import type { Progress } from "../../lib/index.ts";
import type { CliIo } from "./io.ts";

/** A progress sink for `onProgress`, plus `done()` to end the line; silent when stderr is not a terminal. */
export const createProgressLine = (io: CliIo): { onProgress?: (p: Progress) => void; done: () => void } => {
  if (!io.errIsTty) return { done: () => {} };
  let shown = false;
  return {
    onProgress: (p) => {
      const pct = p.total ? ` ${Math.round((100 * p.progress) / p.total)}%` : "";
      const width = process.stderr.columns ?? 100;
      io.err(`\r\x1b[2K[${p.progress}${p.total ? `/${p.total}` : ""}]${pct} ${p.message}`.slice(0, width + 8));
      shown = true;
    },
    done: () => {
      if (shown) io.err("\r\x1b[2K");
    },
  };
};
