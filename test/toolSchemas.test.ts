// Committed JSON snapshot of every tool as a model sees it: any change to names, descriptions or schemas is a visible diff.
// Refresh deliberately with `bun run snapshots` (tool indexes, README tables, the self-deploy policy, these snapshots).
import { expect, test } from "bun:test";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_TOOLS, toolSpecs } from "../lib/index.ts";
import { renderPolicyNamesIn } from "../server/policyNames.ts";

const DIR = join(import.meta.dir, "snapshots", "tools");

// What a model sees through the server (policy fields named as its flags); `access` is for listings and stays out.
for (const { access: _listing, ...spec } of toolSpecs(ALL_TOOLS).map(renderPolicyNamesIn)) {
  test(`tool schema snapshot: ${spec.name}`, () => {
    const file = join(DIR, `${spec.name}.json`);
    const text = `${JSON.stringify(spec, null, 2)}\n`;
    if (process.env.UPDATE_SNAPSHOTS === "1" || !existsSync(file)) {
      if (process.env.CI === "true" && !existsSync(file))
        throw new Error(`Missing snapshot ${file}: run \`bun run snapshots\` and commit it`);
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, "utf8"));
  });
}

test("every tool input schema is a JSON Schema object with properties", () => {
  for (const spec of toolSpecs(ALL_TOOLS)) {
    expect(spec.inputSchema.type).toBe("object");
    expect(spec.inputSchema.properties).toBeDefined();
    expect(spec.description.length).toBeGreaterThan(40);
  }
});
