// `ecs-mcp-server call <tool> --args '{...}'`: runs one tool under the policy flags and prints its result.
import { readFile } from "node:fs/promises";
import { type EcsAssistant, type EcsError, publicError } from "../../lib/index.ts";
import { renderPolicyNamesIn } from "../policyNames.ts";
import type { CliIo } from "./io.ts";
import { formatErrorPretty, formatPretty } from "./pretty.ts";
import { createProgressLine } from "./progress.ts";
import type { CliFlags } from "./splitArgs.ts";

/** Exit codes: 0 ok, 1 the tool failed, 2 bad usage (unparsable arguments), 130 interrupted. */
export const EXIT = { ok: 0, toolFailed: 1, usage: 2, interrupted: 130 } as const;

const readArgs = async (
  flags: CliFlags,
  io: CliIo,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> => {
  if (flags.args !== undefined && flags.argsFile !== undefined)
    return { ok: false, message: "give either --args or --args-file, not both" };
  let text = flags.args ?? "{}";
  if (flags.argsFile !== undefined) {
    try {
      text = flags.argsFile === "-" ? await io.readStdin() : await readFile(flags.argsFile, "utf8");
    } catch (e) {
      return { ok: false, message: `cannot read --args-file ${flags.argsFile}: ${(e as Error).message}` };
    }
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return {
        ok: false,
        message: 'the arguments must be one JSON object, e.g. --args \'{"api_operation":"ListClusters"}\'',
      };
    return { ok: true, value };
  } catch (e) {
    return { ok: false, message: `the arguments are not valid JSON: ${(e as Error).message}` };
  }
};

/** Runs the tool; prints JSON (or `--pretty` text) on stdout, errors as JSON on stdout or as text on stderr. */
export const callCommand = async (
  assistant: EcsAssistant,
  tool: string | undefined,
  flags: CliFlags,
  io: CliIo,
  signal?: AbortSignal,
): Promise<number> => {
  if (!tool || tool.startsWith("-")) {
    io.err(
      "ecs-mcp-server call: name the tool, e.g. `ecs-mcp-server call ecs_resource_management --args '{...}'` (list them with `ecs-mcp-server tools`)\n",
    );
    return EXIT.usage;
  }
  const args = await readArgs(flags, io);
  if (!args.ok) {
    io.err(`ecs-mcp-server call: ${args.message}\n`);
    return EXIT.usage;
  }
  const progress = createProgressLine(io);
  const result = await assistant.callTool(tool, args.value, {
    signal,
    onProgress: progress.onProgress,
    confirm: io.ask,
  });
  progress.done();
  return result.match(
    (r) => {
      const value = renderPolicyNamesIn(r.value);
      io.out(flags.pretty ? formatPretty(value) : `${JSON.stringify(value, null, 2)}\n`);
      if (r.redactions > 0 && flags.pretty)
        io.err(`(${r.redactions} sensitive values redacted; --allow-sensitive-data shows them)\n`);
      return EXIT.ok;
    },
    (error: EcsError) => {
      const e = renderPolicyNamesIn(error);
      if (flags.pretty) io.err(formatErrorPretty(e));
      else {
        io.out(`${JSON.stringify({ status: "error", error: publicError(e) }, null, 2)}\n`);
        io.err(`ecs-mcp-server call: ${e.kind} error: ${e.message}\n`);
      }
      return e.kind === "cancelled" ? EXIT.interrupted : EXIT.toolFailed;
    },
  );
};
