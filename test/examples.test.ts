// Runs the examples as users would: the Node one against the tsc-built library (dist/), by package name.
import { beforeAll, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { node22 } from "./support/node22.ts";

const ROOT = join(import.meta.dir, "..");

beforeAll(() => {
  const r = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`tsc build failed:\n${r.stdout}${r.stderr}`);
}, 120_000);

// The npm library's floor is Node 22 (Node 20 is past its end of life; AWS SDK releases from 2027 need 22), and Bun.
const RUNTIMES = [
  ["Node 22", node22()],
  ["Bun", join(ROOT, "node_modules", ".bin", "bun")],
] as const;

for (const [name, bin] of RUNTIMES) {
  test(`${name} imports the built library and lists the tools`, () => {
    const r = spawnSync(bin, ["examples/list-tools-node/main.mjs"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).not.toContain("NodeVersionSupportWarning");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("ecs_resource_management\tread");
    expect(r.stdout).toContain("AWS clients loaded: 0");
  });

  test(`the tsc-built server runs under ${name}`, () => {
    const r = spawnSync(bin, ["dist/server/main.js", "--version"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ecs-mcp-server \d+\.\d+\.\d+/);
  });
}
