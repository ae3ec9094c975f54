// The README's tables are generated from the code; this fails when they drift. Its JSON snippets must parse.
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderReadme } from "../scripts/readmeTables.ts";

const readme = readFileSync(join(import.meta.dir, "..", "README.md"), "utf8");

test("README tool and operation tables match the registry (run `bun run snapshots`)", () => {
  expect(renderReadme(readme)).toBe(readme);
});

test("every JSON snippet in the README parses", () => {
  const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThan(1);
  for (const b of blocks) expect(() => JSON.parse(b)).not.toThrow();
});

test("README gives the two set-up commands", () => {
  expect(readme).toContain("npm ci && npm start");
  expect(readme).toContain("npm ci && npm test");
});
