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

test("the README's start command keeps stdout for MCP: the first line a client reads is JSON-RPC", async () => {
  const cmd = /^npm ci && (npm start[^#\n]*?)\s+#/m.exec(readme)?.[1];
  expect(cmd).toBeDefined();
  const [bin, ...args] = cmd!.split(/\s+/);
  const child = Bun.spawn([bin!, ...args], {
    cwd: join(import.meta.dir, ".."),
    env: { ...process.env, AWS_REGION: "us-east-1", ECS_KNOWLEDGE_URL: "http://127.0.0.1:1/mcp" },
    stdin: "pipe",
    stdout: "pipe",
    stderr: "ignore",
  });
  child.stdin.write(
    `${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "readme", version: "1" } } })}\n`,
  );
  child.stdin.flush();
  const reader = child.stdout.getReader();
  let out = "";
  while (!out.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    out += new TextDecoder().decode(value);
  }
  child.kill();
  const first = out.split("\n")[0] ?? "";
  expect(first.startsWith("{")).toBe(true);
  expect(JSON.parse(first)).toMatchObject({ jsonrpc: "2.0", id: 1 });
}, 30_000);
