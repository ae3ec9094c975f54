// Monorepo layout: workspace members (npm/Yarn/Bun `workspaces`, pnpm-workspace.yaml), the deployable apps among
// them, and the members an app depends on (in build order).
import type { Project } from "../scanProject.ts";
import { allDeps, type PackageJson } from "./packageJson.ts";

/** One workspace member: its folder (relative, no trailing slash) and manifest. */
export interface Member {
  readonly dir: string;
  readonly pkg: PackageJson;
}

/** The workspace as found at a project root, with the tool that orchestrates it (turbo, nx) if any. */
export interface Workspace {
  readonly members: readonly Member[];
  readonly deployable: readonly Member[];
  readonly tool?: "turborepo" | "nx" | "lerna";
}

/** Dependencies that make a member an app rather than a library. */
export const APP_DEPS = [
  "next",
  "nuxt",
  "@sveltejs/kit",
  "astro",
  "@remix-run/node",
  "@react-router/dev",
  "@nestjs/core",
  "express",
  "fastify",
  "koa",
  "hono",
  "react-scripts",
  "@angular/core",
];

const globs = (p: Project, pkg: PackageJson): string[] => {
  const fromPkg = Array.isArray(pkg.workspaces) ? pkg.workspaces : (pkg.workspaces?.packages ?? []);
  const yaml = p.read("pnpm-workspace.yaml") ?? "";
  const block = /^packages:\s*\n((?:\s+-.*\n?|\s*#.*\n?)*)/m.exec(yaml)?.[1] ?? "";
  const fromYaml = [...block.matchAll(/^\s+-\s*["']?([^"'\n#]+?)["']?\s*$/gm)].map((m) => m[1]!);
  return [...fromPkg, ...fromYaml];
};

const toRegex = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .replace(/^\.\//, "")
      .replace(/\/$/, "")
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*\*/g, "@@")
      .replace(/\*/g, "[^/]+")
      .replace(/@@/g, ".+")}$`,
  );

/** Members from the workspace globs (negated globs excluded), or undefined when the root is not a workspace. */
export const nodeWorkspace = (p: Project, pkg: PackageJson): Workspace | undefined => {
  const g = globs(p, pkg);
  if (g.length === 0) return undefined;
  const include = g.filter((x) => !x.startsWith("!")).map(toRegex);
  const exclude = g.filter((x) => x.startsWith("!")).map((x) => toRegex(x.slice(1)));
  const members = p.files
    .filter((f) => f.endsWith("/package.json"))
    .map((f) => f.slice(0, -"/package.json".length))
    .filter((d) => include.some((r) => r.test(d)) && !exclude.some((r) => r.test(d)))
    .flatMap((dir) => {
      const m = p.json<PackageJson>(`${dir}/package.json`);
      return m ? [{ dir, pkg: m }] : [];
    });
  const deployable = members.filter(
    (m) => Boolean(m.pkg.scripts?.start) || APP_DEPS.some((d) => allDeps(m.pkg)[d] !== undefined) || isSpa(m),
  );
  const tool = p.has("turbo.json") ? "turborepo" : p.has("nx.json") ? "nx" : p.has("lerna.json") ? "lerna" : undefined;
  return { members, deployable, tool };
};

const isSpa = (m: Member): boolean =>
  /^apps?\//.test(m.dir) && ["vite", "vue", "svelte", "react-dom"].some((d) => allDeps(m.pkg)[d] !== undefined);

/** The workspace members `app` depends on, transitively, dependencies first (build order); `app` last. */
export const buildOrder = (ws: Workspace, app: Member): Member[] => {
  const byName = new Map(ws.members.filter((m) => m.pkg.name).map((m) => [m.pkg.name!, m]));
  const out: Member[] = [];
  const visit = (m: Member, seen: Set<string>) => {
    if (out.includes(m) || seen.has(m.dir)) return;
    seen.add(m.dir);
    for (const dep of Object.keys(allDeps(m.pkg))) {
      const target = byName.get(dep);
      if (target) visit(target, seen);
    }
    out.push(m);
  };
  visit(app, new Set());
  return out;
};
