// Walks an app folder read-only with limits (depth, entries, file size), skipping dependency and build folders.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Folders never walked: dependencies, VCS data, build outputs, virtualenvs. */
export const IGNORED_DIRS = new Set([
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  "dist",
  "build",
  "out",
  ".next",
  ".nuxt",
  "target",
  "vendor",
  "__pycache__",
  ".venv",
  "venv",
  "env",
  ".tox",
  "bin",
  "obj",
  ".gradle",
  ".idea",
  ".vscode",
  "coverage",
  ".cache",
  "tmp",
  "log",
]);

/** What detection may look at: relative file paths and a size-limited, cached reader. */
export interface Project {
  readonly root: string;
  /** Relative paths with `/` separators. */
  readonly files: readonly string[];
  /** True when a limit stopped the walk early. */
  readonly truncated: boolean;
  has(rel: string): boolean;
  /** File text (first `MAX_READ` bytes), or undefined when missing or unreadable. */
  read(rel: string): string | undefined;
  /** Parsed JSON of a file, or undefined. */
  json<T = Record<string, unknown>>(rel: string): T | undefined;
}

const MAX_DEPTH = 4;
const MAX_ENTRIES = 4000;
const MAX_READ = 256 * 1024;

/** Scans `root` (already validated) breadth-first within the limits, so huge trees stay fast. */
export const scanProject = (root: string): Project => {
  const files: string[] = [];
  let seen = 0;
  let truncated = false;
  const queue: [string, number][] = [["", 0]];
  while (queue.length > 0) {
    const [rel, depth] = queue.shift()!;
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (++seen > MAX_ENTRIES) {
        truncated = true;
        break;
      }
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (IGNORED_DIRS.has(e.name) || (e.name.startsWith(".") && e.name !== ".github")) continue;
        if (depth + 1 <= MAX_DEPTH) queue.push([p, depth + 1]);
        else truncated = true;
      } else if (e.isFile()) files.push(p);
    }
    if (truncated && seen > MAX_ENTRIES) break;
  }
  const set = new Set(files);
  const cache = new Map<string, string | undefined>();
  const read = (r: string): string | undefined => {
    if (cache.has(r)) return cache.get(r);
    let text: string | undefined;
    if (set.has(r)) {
      try {
        const full = join(root, r);
        text =
          statSync(full).size > MAX_READ ? readFileSync(full, "utf8").slice(0, MAX_READ) : readFileSync(full, "utf8");
      } catch {
        text = undefined;
      }
    }
    cache.set(r, text);
    return text;
  };
  return {
    root,
    files,
    truncated,
    has: (r) => set.has(r),
    read,
    json: <T>(r: string) => {
      const t = read(r);
      if (t === undefined) return undefined;
      try {
        return JSON.parse(t) as T;
      } catch {
        return undefined;
      }
    },
  };
};
