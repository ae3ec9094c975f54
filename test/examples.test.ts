// Runs the examples as users would: the Node one against the tsc-built library (dist/), by package name.
import { beforeAll, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..");

beforeAll(() => {
  const r = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`tsc build failed:\n${r.stdout}${r.stderr}`);
}, 120_000);

test("plain Node 20 imports the built library and lists the tools", () => {
  const r = spawnSync("node", ["examples/list-tools-node/main.mjs"], { cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("ecs_resource_management\tread");
  expect(r.stdout).toContain("AWS clients loaded: 0");
});

test("the tsc-built server runs under plain Node", () => {
  const r = spawnSync("node", ["dist/server/main.js", "--version"], { cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^ecs-mcp-server \d+\.\d+\.\d+/);
});
