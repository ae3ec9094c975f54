// A view of one sub-folder of a scanned project (a monorepo member) with paths relative to that folder.
import type { Project } from "../scanProject.ts";

/** `p` seen from `dir` (no trailing slash; "" is `p` itself). */
export const scopedProject = (p: Project, dir: string): Project => {
  if (!dir) return p;
  const prefix = `${dir}/`;
  const files = p.files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
  const set = new Set(files);
  return {
    root: `${p.root}/${dir}`,
    files,
    truncated: p.truncated,
    has: (r) => set.has(r),
    read: (r) => p.read(prefix + r),
    json: <T>(r: string) => p.json<T>(prefix + r),
  };
};
