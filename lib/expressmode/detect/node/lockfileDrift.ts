// Notices a lockfile that does not list the dependencies package.json declares (then `npm ci`, `--frozen-lockfile`,
// `--immutable` fail the build).
import type { Project } from "../scanProject.ts";
import type { NodePackageManager } from "./nodePackageManager.ts";
import { allDeps, type PackageJson } from "./packageJson.ts";

interface NpmLock {
  packages?: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
}

/** Names declared in `pkg` (at `dir` in the workspace) that the lockfile does not mention. */
export const lockfileDrift = (p: Project, pm: NodePackageManager, pkg: PackageJson, dir = ""): string[] => {
  if (!pm.lockfile || pm.lockfile === "bun.lockb") return [];
  const names = Object.entries(allDeps(pkg))
    .filter(([, v]) => !/^(workspace:|file:|link:)/.test(v))
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
