// `ecs-mcp-server tools`: lists the tools with their gate and whether the current policy lets them run.
import type { EcsAssistant } from "../../lib/index.ts";
import type { CliIo } from "./io.ts";

const GATE_NOTE = {
  read: "read",
  write: "write (needs --allow-write / ALLOW_WRITE=true)",
  sensitive: "sensitive (redacted unless --allow-sensitive-data)",
} as const;

/** Prints one line per tool (name, gate, title), or a JSON array with `--json`. Always exits 0. */
export const toolsCommand = (assistant: EcsAssistant, io: CliIo, json: boolean): number => {
  const specs = assistant.listTools();
  if (json) {
    const rows = specs.map((s) => ({
      name: s.name,
      title: s.title,
      gate: s.access === "per_call" ? "per_operation" : s.gate,
      readOnly: s.annotations.readOnlyHint,
      destructive: s.annotations.destructiveHint,
    }));
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...specs.map((s) => s.name.length), 4);
  const writeNote = assistant.policy.allowWrite ? "writes allowed" : "read-only (writes refused)";
  io.out(
    `${specs.length} tools; policy: ${writeNote}${assistant.policy.allowSensitiveData ? ", sensitive data shown" : ""}\n\n`,
  );
  for (const s of specs) {
    const perOperation = s.access === "per_call";
    const gate = perOperation
      ? "per operation (reads run; writes need --allow-write)"
      : `${GATE_NOTE[s.gate]}${s.annotations.destructiveHint ? ", destructive" : ""}`;
    io.out(`${s.name.padEnd(width)}  ${gate}\n${" ".repeat(width)}  ${s.title}\n`);
  }
  return 0;
};
