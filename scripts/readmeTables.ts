// Generates the README's tool and operation tables from the registry and catalogue (test/readme.test.ts fails on drift).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_TOOLS, CATALOGUE, toolSpecs } from "../lib/index.ts";

const gateText = (s: ReturnType<typeof toolSpecs>[number]) => (s.access === "per_call" ? "per call" : s.gate);

/** Markdown table of all tools. */
export const toolsTable = (): string =>
  [
    "| Tool | Gate | Annotations | What it does |",
    "|---|---|---|---|",
    ...toolSpecs(ALL_TOOLS).map((t) => {
      const ann =
        [t.annotations.readOnlyHint && "read-only", t.annotations.destructiveHint && "destructive"]
          .filter(Boolean)
          .join(", ") || "writes";
      return `| \`${t.name}\` | ${gateText(t)} | ${ann} | ${t.title} |`;
    }),
  ].join("\n");

/** Markdown table of the ecs_resource_management catalogue. */
export const operationsTable = (): string =>
  [
    "| Operation | Service | Access | Sensitive result | Paginates | Summary |",
    "|---|---|---|---|---|---|",
    ...CATALOGUE.map(
      (e) =>
        `| \`${e.name}\` | ${e.service.toUpperCase()} | ${e.access}${e.agentOnly ? " (agent only: refused unless allow-listed)" : ""} | ${e.sensitive ? "redacted" : "no"} | ${e.paginate ? "yes" : "no"} | ${e.summary} |`,
    ),
  ].join("\n");

const SECTIONS: Record<string, () => string> = { tools: toolsTable, operations: operationsTable };

/** Replaces each `<!-- NAME:start -->...<!-- NAME:end -->` block of `readme` with the generated table. */
export const renderReadme = (readme: string): string =>
  Object.entries(SECTIONS).reduce((text, [name, make]) => {
    const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(text)) throw new Error(`README lacks the ${name} markers`);
    return text.replace(re, `$1\n${make()}\n$2`);
  }, readme);

if (import.meta.main) {
  const file = join(import.meta.dir, "..", "README.md");
  writeFileSync(file, renderReadme(readFileSync(file, "utf8")));
  console.error("README tables updated");
}
