// Builds the binaries the benchmarks compare: ours and the baselines, the same way (scripts/compileProfiled.ts).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { compile, type Platform } from "../../scripts/compile.ts";
import { compileProfiled } from "../../scripts/compileProfiled.ts";

export const ROOT = join(import.meta.dir, "..", "..");
export const WORK = join(ROOT, "bench", ".work");

const fresh = new Map<string, string>();

/** Our binary for `platform`, compiled from the current sources once per bench run (never a stale dist/bin). */
export const ourBinary = (platform: Platform = "linux-x64"): string => {
  let path = fresh.get(platform);
  if (!path) {
    const dir = join(WORK, "ours");
    mkdirSync(dir, { recursive: true });
    path = compileProfiled([platform], dir, join(ROOT, "server/main.ts"))[0] as string;
    fresh.set(platform, path);
  }
  return path;
};

/**
 * A baseline (`hello`, `minimalServer` on the SDK v1, `minimalServerV2`) compiled for `platform` like ours: the MCP
 * servers with a start-up profile of their own (as the release build does), `hello` (not a server) without.
 */
export const baselineBinary = (
  name: "hello" | "minimalServer" | "minimalServerV2",
  platform: Platform = "linux-x64",
): string => {
  const key = `${name}-${platform}`;
  let path = fresh.get(key);
  if (!path) {
    // Rebuilt once per run, like ours: a baseline left in bench/.work by an older build would not be like for like.
    const dir = join(WORK, name);
    mkdirSync(dir, { recursive: true });
    const entry = join(ROOT, `bench/baselines/${name}.ts`);
    path = name === "hello" ? compile(platform, dir, entry) : (compileProfiled([platform], dir, entry)[0] as string);
    fresh.set(key, path);
  }
  return path;
};
