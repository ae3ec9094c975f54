// Each capability's generated tool index lists exactly the tool files in its tools/ folder (else: `bun run snapshots`).
import { expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { ALL_TOOLS } from "../lib/index.ts";
import { listedOrder, renderToolIndex, toolFolders } from "../scripts/toolIndex.ts";

const FIX = "run `bun run snapshots` and commit the result";

for (const dir of toolFolders()) {
  const index = renderToolIndex(dir);
  const rel = relative(process.cwd(), index.file);
  test(`${rel} lists every tool file of its folder, in its order (${FIX})`, () => {
    const current = existsSync(index.file) ? readFileSync(index.file, "utf8") : "";
    expect(listedOrder(current), `${rel} is stale: ${FIX}`).toEqual(index.tools.map((t) => t.name));
    expect(current, `${rel} is stale: ${FIX}`).toBe(index.text);
  });
}

test("every tool the assistant offers comes from a tool file (no tool declared elsewhere)", () => {
  const fromFiles = toolFolders().flatMap((d) => renderToolIndex(d).tools.length);
  expect(fromFiles.reduce((a, b) => a + b, 0)).toBe(ALL_TOOLS.length);
});

test("the generator appends a new tool file after the listed ones and drops a removed one", () => {
  const order = listedOrder("export const TOOLS = [bTool, aTool] as const;");
  expect(order).toEqual(["bTool", "aTool"]);
  expect(listedOrder(undefined)).toEqual([]);
});
