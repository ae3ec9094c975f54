// Compiles with a start-up profile: a first build answers a client's first requests, the final builds lay the
// bytecode that run used out together (bun build --bytecode-order).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile, type Platform, TARGETS } from "./compile.ts";

/** The platform this machine runs (its binary can be run to record the profile), if it is a release target. */
const hostPlatform = (): Platform | undefined => {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const p = `${os}-${process.arch}`;
  return p in TARGETS ? (p as Platform) : undefined;
};

/**
 * Compiles `entry` (an MCP stdio server) for each platform with the bytecode of its start-up placed first: the
 * start touches fewer pages of the executable (ecs-mcp-server: ~3 MB less idle RSS, bench/coldStart.ts). The profile
 * is recorded from this machine's own build (it applies to every target: the bundle is the same). Without a
 * runnable host build, compiles without a profile. Returns the binaries' paths in `platforms` order.
 */
export const compileProfiled = (platforms: readonly Platform[], outDir: string, entry = "server/main.ts"): string[] => {
  const host = hostPlatform();
  if (!host) return platforms.map((p) => compile(p, outDir, entry));
  const work = mkdtempSync(join(tmpdir(), "ecs-startup-profile-"));
  try {
    const profile = join(work, "startup.order");
    const first = compile(host, work, entry);
    const r = spawnSync(process.execPath, [join(import.meta.dir, "recordStartup.ts"), first, profile], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (r.status !== 0 || !existsSync(profile))
      throw new Error(`recording the start-up profile of ${entry} failed:\n${r.stdout}\n${r.stderr}`);
    return platforms.map((p) => compile(p, outDir, entry, {}, [profile]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};
