// Test helper: a CliIo that records what a CLI command writes.
import type { CliIo } from "../../server/cli/io.ts";

/** Captures stdout and stderr; `tty` makes progress visible; `answer` answers confirmations. */
export const captureIo = (options: { tty?: boolean; stdin?: string; answer?: boolean } = {}) => {
  const io = {
    stdout: "",
    stderr: "",
    asked: [] as string[],
  };
  const cli: CliIo = {
    out: (t) => {
      io.stdout += t;
    },
    err: (t) => {
      io.stderr += t;
    },
    errIsTty: options.tty ?? false,
    ask:
      options.answer === undefined
        ? undefined
        : async (q) => {
            io.asked.push(q);
            return options.answer!;
          },
    readStdin: async () => options.stdin ?? "",
  };
  return { io, cli };
};
