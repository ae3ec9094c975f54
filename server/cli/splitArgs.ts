// Separates the CLI's own flags (--args, --pretty, ...) from the server flags that loadConfig parses.

/** The CLI's own flags; every other argument goes to the server's loadConfig (policy, AWS, logging). */
export interface CliFlags {
  readonly args?: string;
  readonly argsFile?: string;
  readonly pretty: boolean;
  readonly json: boolean;
  readonly timeoutMs?: string;
  readonly help: boolean;
}

const VALUED: Record<string, keyof CliFlags> = {
  "--args": "args",
  "--args-file": "argsFile",
  "--timeout": "timeoutMs",
};
const BOOLEAN: Record<string, keyof CliFlags> = {
  "--pretty": "pretty",
  "--json": "json",
  "--help": "help",
  "-h": "help",
};

/** Splits `argv` (after the subcommand and its positional) into CLI flags and the rest; throws on a flag without value. */
export const splitArgs = (argv: readonly string[]): { flags: CliFlags; rest: string[] } => {
  const flags: Record<string, string | boolean> = { pretty: false, json: false, help: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf("=");
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
    const valued = VALUED[name];
    if (valued) {
      const value = eq > 0 && name !== a ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value`);
      flags[valued] = value;
    } else if (BOOLEAN[a]) flags[BOOLEAN[a]] = true;
    else rest.push(a);
  }
  return { flags: flags as unknown as CliFlags, rest };
};
