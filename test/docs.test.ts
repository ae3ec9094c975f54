// `npm run docs` builds the API reference from the public exports' TSDoc with no warning (typedoc treats them as errors).
import { expect, test } from "bun:test";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..");

test("npm run docs: API reference without warnings, covering the public API", async () => {
  const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn("npm", ["run", "--silent", "docs"], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
  expect(r.out).not.toContain("warning");
  expect(r.code).toBe(0);
  const index = join(ROOT, "dist", "docs", "index.html");
  expect(existsSync(index)).toBe(true);
  const html = readFileSync(index, "utf8");
  for (const name of ["createEcsAssistant", "toAiSdkTools", "toLangChainTools", "toOpenAiTools", "EcsError", "Policy"])
    expect(html).toContain(name);
}, 300_000);
