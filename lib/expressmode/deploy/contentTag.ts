// A deterministic image tag from the build context (paths, sizes, mtimes), so a re-run finds the image it pushed.
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { join } from "node:path";
import { scanProject } from "../detect/scanProject.ts";

/** `src-<12 hex>`: changes when any scanned file changes; cheap (stat only, bounded walk). */
export const contentTag = (root: string): string => {
  const h = createHash("sha256");
  for (const f of scanProject(root).files) {
    try {
      const s = statSync(join(root, f));
      h.update(`${f}\0${s.size}\0${Math.floor(s.mtimeMs)}\n`);
    } catch {
      h.update(`${f}\0?\n`);
    }
  }
  return `src-${h.digest("hex").slice(0, 12)}`;
};
