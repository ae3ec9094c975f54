// Finds the workspace root above an app folder (a monorepo member given as app_path): the nearest parent whose
// package.json `workspaces` or pnpm-workspace.yaml includes the folder, or whose nx.json repository has it as a project.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { scanProject } from "../scanProject.ts";
import { nodeWorkspace } from "./nodeWorkspace.ts";
import { nxApps } from "./nxProjects.ts";
import type { PackageJson } from "./packageJson.ts";

const MAX_UP = 3;

/** `{ root, dir }` (dir relative to root with `/`), or undefined when the folder is not a workspace member. */
export const workspaceRootAbove = (appRoot: string): { root: string; dir: string } | undefined => {
  let cur = appRoot;
  for (let i = 0; i < MAX_UP; i++) {
    const parent = dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
    // Nx integrated repository: the app is a project.json project built from the root.
    if (existsSync(join(cur, "nx.json"))) {
      const dir = relative(cur, appRoot).split(sep).join("/");
      if (nxApps(scanProject(cur)).some((a) => a.dir === dir)) return { root: cur, dir };
    }
    const manifest = join(cur, "package.json");
    if (!existsSync(manifest) && !existsSync(join(cur, "pnpm-workspace.yaml"))) {
      if (existsSync(join(cur, ".git"))) return undefined;
      continue;
    }
    let pkg: PackageJson = {};
    try {
      pkg = JSON.parse(readFileSync(manifest, "utf8")) as PackageJson;
    } catch {}
    const hasWs = pkg.workspaces !== undefined || existsSync(join(cur, "pnpm-workspace.yaml"));
    if (!hasWs) {
      if (existsSync(join(cur, ".git"))) return undefined;
      continue;
    }
    const dir = relative(cur, appRoot).split(sep).join("/");
    const ws = nodeWorkspace(scanProject(cur), pkg);
    return ws?.members.some((m) => m.dir === dir) ? { root: cur, dir } : undefined;
  }
  return undefined;
};
