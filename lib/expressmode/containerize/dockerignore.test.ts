// The proposed .dockerignore never leaves the app's own code out of the image.
import { expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEcsAssistant } from "../../index.ts";

const nodeApp = (scripts: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), "dockerignore-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", scripts }));
  mkdirSync(join(dir, "dist"));
  writeFileSync(
    join(dir, "dist", "server.js"),
    "require('http').createServer(()=>{}).listen(process.env.PORT || 8080);\n",
  );
  return dir;
};
const ignoreLines = async (dir: string) => {
  const r = await createEcsAssistant().callTool("containerize_app", { app_path: dir, port: 8080 });
  return (r._unsafeUnwrap().value as { dockerignore: { content: string } }).dockerignore.content.split("\n");
};

test("committed build output without a build step stays in the build context", async () => {
  const lines = await ignoreLines(nodeApp({ start: "node dist/server.js" }));
  expect(lines).not.toContain("dist");
  expect(lines).toContain("node_modules");
});

test("with a build step, dist/ is rebuilt inside the image and left out of the context", async () => {
  const lines = await ignoreLines(nodeApp({ build: "tsc", start: "node dist/server.js" }));
  expect(lines).toContain("dist");
});
