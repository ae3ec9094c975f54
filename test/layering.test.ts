// Architecture rules: lib/ never imports server code or the MCP SDK (except lib/knowledge), never touches process or stdout.
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dir, "..");
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
const libFiles = walk(join(ROOT, "lib"));

describe("layering", () => {
  test("lib/ has source files", () => {
    expect(libFiles.length).toBeGreaterThan(10);
  });

  for (const file of libFiles) {
    const rel = relative(ROOT, file);
    const src = readFileSync(file, "utf8");
    // Rules apply to code, not to comments that explain them.
    const code = src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
    test(`${rel}: no server imports, no process, no stdout/console`, () => {
      expect(code).not.toMatch(/from\s+["'](\.\.\/)+server\//);
      if (!rel.startsWith("lib/remote/")) expect(code).not.toMatch(/["']@modelcontextprotocol\//);
      expect(code).not.toMatch(/\bprocess\.(env|stdout|argv|exit)\b/);
      expect(code).not.toMatch(/\bconsole\.(log|info|warn|error|debug)\b/);
    });
    test(`${rel}: starts with a one-line comment saying what it is for`, () => {
      expect(src.startsWith("// ")).toBe(true);
    });
  }
});
