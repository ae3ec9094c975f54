// Nx "integrated" repositories: one root package.json, projects described by `project.json` files (no package.json of
// their own), built by an Nx executor into the root's dist/ folder and run from the repository root.
import type { Project } from "../scanProject.ts";

/** One Nx application project with a build target. */
export interface NxApp {
  /** Folder of project.json, relative to the repository root. */
  readonly dir: string;
  readonly name: string;
  /** Where the build writes the app (build options outputPath), relative to the root. */
  readonly outputPath: string;
  /** The built entry file, relative to the root (`dist/apps/api/main.js`). */
  readonly entry: string;
}

interface ProjectJson {
  name?: string;
  projectType?: string;
  targets?: Record<
    string,
    { executor?: string; options?: { outputPath?: string; main?: string; outputFileName?: string; format?: string[] } }
  >;
}

/** Node-server executors whose output is `<outputPath>/<main's base name>.js`. */
const NODE_BUILDS = /^@nx\/(esbuild:esbuild|webpack:webpack|rollup:rollup|js:tsc|js:swc)$|^@nrwl\//;

/** The Nx application projects (`projectType: application` with a Node build target) of a repository with nx.json. */
export const nxApps = (p: Project): NxApp[] => {
  if (!p.has("nx.json")) return [];
  return p.files
    .filter((f) => f.endsWith("/project.json"))
    .flatMap((f) => {
      const dir = f.slice(0, -"/project.json".length);
      const pj = p.json<ProjectJson>(f);
      const build = pj?.targets?.build;
      if (pj?.projectType !== "application" || !build || !NODE_BUILDS.test(build.executor ?? "")) return [];
      const o = build.options ?? {};
      if (!o.outputPath || !o.main) return [];
      const outputPath = o.outputPath.replace(/^\{workspaceRoot\}\//, "").replace(/\/$/, "");
      const base = (o.main.split("/").pop() ?? "main.ts").replace(/\.[cm]?[jt]s$/, "");
      const file = o.outputFileName ?? `${base}.js`;
      return [{ dir, name: pj.name ?? dir.split("/").pop()!, outputPath, entry: `${outputPath}/${file}` }];
    });
};
