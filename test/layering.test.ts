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

/** Runtime (not type-only) import specifiers of a file. */
const runtimeImports = (src: string): string[] =>
  [...src.matchAll(/^import\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/gms)].map((m) => m[1] as string);
const allImports = (src: string): string[] => [...src.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1] as string);
const CAPABILITY_ROOMS = ["expressmode", "operations", "troubleshoot", "remote"];
const roomOf = (rel: string) => CAPABILITY_ROOMS.find((r) => rel.startsWith(`lib/${r}/`));
/** Files that assemble the capabilities: the only lib/ files outside a capability that may import one at run time. */
const ASSEMBLY = new Set([
  "lib/capabilities.ts",
  "lib/tools.ts",
  "lib/index.ts",
  "lib/assistant.ts",
  "lib/toolMethods.ts",
]);

describe("rooms: what may import what (docs/ARCHITECTURE.md)", () => {
  for (const file of libFiles) {
    const rel = relative(ROOT, file);
    const src = readFileSync(file, "utf8");
    const resolved = (spec: string) => relative(ROOT, join(file, "..", spec));
    const room = roomOf(rel);
    if (room) {
      test(`${rel}: a capability reaches the rest only through the core, never the assembly`, () => {
        for (const spec of runtimeImports(src).filter((s) => s.startsWith(".")))
          expect(ASSEMBLY.has(resolved(spec)), `${rel} imports ${spec}`).toBe(false);
        // Another capability's declarations (its tools.ts and tools/) are the assembly's business.
        for (const spec of allImports(src).filter((s) => s.startsWith(".")))
          expect(/^lib\/\w+\/tools(\.ts$|\/)/.test(resolved(spec)) && roomOf(resolved(spec)) !== room).toBe(false);
      });
    } else if (!ASSEMBLY.has(rel) && rel.startsWith("lib/") && !rel.startsWith("lib/adapters/")) {
      test(`${rel}: the core imports no capability at run time`, () => {
        for (const spec of runtimeImports(src).filter((s) => s.startsWith(".")))
          expect(roomOf(resolved(spec)), `${rel} imports ${spec}`).toBeUndefined();
      });
    }
  }

  const serverFiles = (function walkServer(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walkServer(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
    });
  })(join(ROOT, "server"));
  for (const file of serverFiles) {
    const rel = relative(ROOT, file);
    test(`${rel}: the server uses the library's public API only (lib/index.ts)`, () => {
      const src = readFileSync(file, "utf8");
      for (const spec of allImports(src).filter((s) => s.includes("lib/")))
        expect(spec.endsWith("lib/index.ts"), `${rel} imports ${spec}`).toBe(true);
    });
  }
});
