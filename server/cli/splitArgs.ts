// Separates the CLI's own flags (--args, --pretty, ...) from the server flags that loadConfig parses (node:util parseArgs).
import { parseArgs } from "node:util";

/** The CLI's own flags; every other argument goes to the server's loadConfig (policy, AWS, logging). */
export interface CliFlags {
  readonly args?: string;
  readonly argsFile?: string;
  readonly pretty: boolean;
  readonly json: boolean;
  readonly timeoutMs?: string;
  readonly help: boolean;
}

const OPTIONS = {
  args: { type: "string" },
  "args-file": { type: "string" },
  timeout: { type: "string" },
  pretty: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const FIELD: Record<keyof typeof OPTIONS, keyof CliFlags> = {
  args: "args",
  "args-file": "argsFile",
  timeout: "timeoutMs",
  pretty: "pretty",
  json: "json",
  help: "help",
};

const isOurs = (name: string): name is keyof typeof OPTIONS => Object.hasOwn(OPTIONS, name);

/** Splits `argv` (after the subcommand and its positional) into CLI flags and the rest; throws on a flag without value. */
export const splitArgs = (argv: readonly string[]): { flags: CliFlags; rest: string[] } => {
  // Non-strict: the server's flags are unknown here and pass through untouched (by their positions in argv).
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const flags: Record<string, string | boolean> = { pretty: false, json: false, help: false };
  const taken = new Set<number>();
  for (const t of tokens) {
    if (t.kind === "option-terminator") break;
    if (t.kind !== "option" || !isOurs(t.name)) continue;
    taken.add(t.index);
    if (OPTIONS[t.name].type === "boolean") {
      if (t.inlineValue) throw new Error(`${t.rawName} takes no value`);
      flags[FIELD[t.name]] = true;
      continue;
    }
    if (t.value === undefined) throw new Error(`${t.rawName} needs a value`);
    if (!t.inlineValue) taken.add(t.index + 1);
    flags[FIELD[t.name]] = t.value;
  }
  return { flags: flags as unknown as CliFlags, rest: argv.filter((_, i) => !taken.has(i)) };
};
