// Builds the binaries the benchmarks compare: ours and the baselines, with the same compile flags (scripts/compile.ts).
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { binaryName, compile, type Platform } from "../../scripts/compile.ts";

export const ROOT = join(import.meta.dir, "..", "..");
export const WORK = join(ROOT, "bench", ".work");

const fresh = new Map<Platform, string>();

/** Our binary for `platform`, compiled from the current sources once per bench run (never a stale dist/bin). */
export const ourBinary = (platform: Platform = "linux-x64"): string => {
  let path = fresh.get(platform);
  if (!path) {
    const dir = join(WORK, "ours");
    mkdirSync(dir, { recursive: true });
    path = compile(platform, dir, join(ROOT, "server/main.ts"));
    fresh.set(platform, path);
  }
  return path;
};

/** A baseline (`hello`, `minimalServer` on the SDK v1, `minimalServerV2`) compiled for `platform` with our flags. */
export const baselineBinary = (
  name: "hello" | "minimalServer" | "minimalServerV2",
  platform: Platform = "linux-x64",
): string => compileInto(name, platform, `bench/baselines/${name}.ts`);

const compileInto = (name: string, platform: Platform, entry: string): string => {
  const dir = join(WORK, name);
  mkdirSync(dir, { recursive: true });
  const out = join(dir, binaryName(platform));
  return existsSync(out) ? out : compile(platform, dir, join(ROOT, entry));
};
