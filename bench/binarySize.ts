// Binary size per platform: ours vs a bare Bun hello-world compiled for the same target with the same flags.
import { statSync } from "node:fs";
import { type Platform, TARGETS } from "../scripts/compile.ts";
import { baselineBinary, ourBinary } from "./lib/build.ts";
import { round } from "./lib/stats.ts";

export interface SizeRow {
  platform: Platform;
  bare_mb: number;
  ours_mb: number;
  over_bare_mb: number;
}

/** Sizes in MB (10^6 bytes) for each platform. */
export const binarySizes = (platforms: readonly Platform[] = Object.keys(TARGETS) as Platform[]): SizeRow[] =>
  platforms.map((platform) => {
    const bare = statSync(baselineBinary("hello", platform)).size / 1e6;
    const ours = statSync(ourBinary(platform)).size / 1e6;
    return { platform, bare_mb: round(bare), ours_mb: round(ours), over_bare_mb: round(ours - bare) };
  });
