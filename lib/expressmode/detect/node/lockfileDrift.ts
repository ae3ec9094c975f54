// Notices a lockfile that does not list the dependencies package.json declares (then `npm ci`, `--frozen-lockfile`,
// `--immutable` fail the build).
import type { Project } from "../scanProject.ts";
import type { NodePackageManager } from "./nodePackageManager.ts";
import { allDeps, type PackageJson } from "./packageJson.ts";

interface NpmLock {
  packages?: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
}

/** Names declared in `pkg` (at `dir` in the workspace; `local`: the workspace's own packages) that the lockfile does not mention. */
export const lockfileDrift = (
  p: Project,
  pm: NodePackageManager,
  pkg: PackageJson,
  dir = "",
  local: ReadonlySet<string> = new Set(),
): string[] => {
  if (!pm.lockfile || pm.lockfile === "bun.lockb") return [];
  // Workspace members (`"@repo/ui": "*"` in npm and Yarn 1 workspaces) resolve to their folder: a Yarn 1 lockfile
  // never lists them.
  const names = Object.entries(allDeps(pkg))
    .filter(([n, v]) => !/^(workspace:|file:|link:)/.test(v) && !local.has(n))
    .map(([n]) => n);
  if (pm.lockfile === "package-lock.json" || pm.lockfile === "npm-shrinkwrap.json") {
    const entry = p.json<NpmLock>(pm.lockfile)?.packages?.[dir];
    if (!entry) return [];
    const locked = { ...entry.dependencies, ...entry.devDependencies };
    return names.filter((n) => locked[n] === undefined);
  }
  const text = p.read(pm.lockfile) ?? "";
  if (!text) return names;
  const esc = (n: string) => n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return names.filter((n) => !new RegExp(`(^|[\\s"'/])${esc(n)}(@|["':])`, "m").test(text));
};
