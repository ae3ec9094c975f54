#!/usr/bin/env node
// `npx ecs-assistant` / `ecs-mcp-server`: runs this platform's prebuilt binary if its optional package is installed, else the JS build.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { selectBinary } from "./selectBinary.js";

const require = createRequire(import.meta.url);
const MUSL_LOADER = { x64: "/lib/ld-musl-x86_64.so.1", arm64: "/lib/ld-musl-aarch64.so.1" };

const choice = selectBinary({
  platform: process.platform,
  arch: process.arch,
  libc:
    process.platform === "linux"
      ? existsSync(MUSL_LOADER[process.arch] ?? "/nonexistent")
        ? "musl"
        : "glibc"
      : undefined,
  env: process.env,
  resolvePackage: (name) => {
    try {
      return dirname(require.resolve(`${name}/package.json`));
    } catch {
      return undefined;
    }
  },
  exists: existsSync,
  jsEntry: fileURLToPath(new URL("../dist/server/main.js", import.meta.url)),
});

if (choice.kind === "binary") {
  // stdio is inherited: the MCP client talks to the binary directly over stdin/stdout.
  const child = spawn(choice.path, process.argv.slice(2), { stdio: "inherit", windowsHide: true });
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
  child.on("error", (e) => {
    process.stderr.write(`ecs-assistant: cannot start ${choice.path}: ${e.message}\n`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
} else {
  if (process.env.ECS_ASSISTANT_DEBUG) process.stderr.write(`ecs-assistant: running the JS build (${choice.reason})\n`);
  await import(pathToFileURL(choice.path).href);
}
