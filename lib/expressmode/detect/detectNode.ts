// Detects Node.js projects: package manager variant, runtime version, monorepo app, framework, build and start.
import type { Detection } from "./detection.ts";
import { findPort } from "./findPort.ts";
import { devStartDeps } from "./node/devStartDeps.ts";
import { dropEnvFile } from "./node/envFileFlag.ts";
import { lockfileDrift } from "./node/lockfileDrift.ts";
import type { NodeFacts } from "./node/nodeFacts.ts";
import { nodeFramework } from "./node/nodeFramework.ts";
import { nodePackageManager } from "./node/nodePackageManager.ts";
import { nodeVersion } from "./node/nodeVersion.ts";
import { buildOrder, nodeWorkspace } from "./node/nodeWorkspace.ts";
import { nxApps } from "./node/nxProjects.ts";
import { allDeps, type PackageJson } from "./node/packageJson.ts";
import { scopedProject } from "./node/scopedProject.ts";
import type { Project } from "./scanProject.ts";
import { startPort } from "./startPort.ts";

/** How each package manager runs a local binary (Nx's CLI). */
const NX_RUN = { npm: "npx", pnpm: "pnpm exec", yarn: "yarn", bun: "bunx" } as const;

const GIT_DEP = /^(git\+|git:|github:|gitlab:|bitbucket:)|^[\w-]+\/[\w.-]+(#.+)?$/;

/**
 * Node detection from package.json (undefined when there is none). `appDir` names the monorepo member to
 * containerize when app_path pointed at it; at a workspace root the one deployable member is chosen, or the
 * candidates are listed when there are several.
 */
export const detectNode = (p: Project, appDir?: string): Detection | undefined => {
  const pkg = p.json<PackageJson>("package.json");
  if (!pkg) return undefined;
  const pm = nodePackageManager(p, pkg);
  const ws = nodeWorkspace(p, pkg);
  const notes: string[] = [];
  const ambiguous = [...pm.notes];
  const evidence = [
    `package.json (${pm.name}${pm.berry ? " Berry" : ""}${pm.lockfile ? `, ${pm.lockfile}` : ", no lockfile"})`,
  ];
  let member = ws?.members.find((m) => m.dir === appDir);
  if (ws && !member && ws.deployable.length === 1) member = ws.deployable[0];
  // Nx integrated: project.json apps without their own package.json, built from the root.
  const nx = member || (ws?.deployable.length ?? 0) > 0 ? [] : nxApps(p);
  const nxApp = nx.find((a) => a.dir === appDir) ?? (nx.length === 1 ? nx[0] : undefined);
  const apps = ws && ws.deployable.length > 1 ? ws.deployable.map((m) => m.dir) : nx.map((a) => a.dir);
  if (!member && !nxApp && apps.length > 1)
    return {
      stack: "node",
      framework: "monorepo",
      package_manager: pm.name,
      start_command: [],
      candidates: apps,
      ambiguous: [
        ...ambiguous,
        `This is a ${ws?.tool ?? (nx.length ? "nx" : `${pm.name} workspaces`)} monorepo with ${apps.length} apps (${apps.join(", ")}): call again with app_path at the app to deploy.`,
      ],
      evidence: [...evidence, `apps: ${apps.join(", ")}`],
    };
  if (member)
    evidence.push(`monorepo${ws?.tool ? ` (${ws.tool})` : ""}: app ${member.dir} (${member.pkg.name ?? "unnamed"})`);
  if (nxApp) evidence.push(`Nx project ${nxApp.name} (${nxApp.dir}/project.json), built to ${nxApp.outputPath}`);
  const dir = member?.dir ?? nxApp?.dir ?? "";
  const app = scopedProject(p, dir);
  const appPkg = member?.pkg ?? pkg;
  const fw0 = nodeFramework(app, appPkg);
  const fw = nxApp
    ? {
        ...fw0,
        start: ["node", nxApp.entry],
        startSource: `Nx build of ${nxApp.name}`,
        notes: fw0.notes.filter((n) => !n.startsWith("No start command")),
      }
    : fw0;
  const nxBuild = nxApp ? `${NX_RUN[pm.name]} nx build ${nxApp.name}` : undefined;
  notes.push(...fw.notes);
  const envFile = dropEnvFile(fw.start);
  if (envFile.dropped.length > 0)
    notes.push(
      `The start command loads ${envFile.dropped.join(", ")} with --env-file; the image has no such file (.dockerignore leaves .env files out) and Node exits when it is missing, so the flag is dropped: set those variables on the service (environment, secrets) instead.`,
    );
  const devStart = devStartDeps(envFile.start, member?.pkg ?? pkg);
  if (devStart.length > 0)
    notes.push(
      `The start command needs ${devStart.join(", ")}, listed in devDependencies: the image keeps dev dependencies so it can start. Move ${devStart.length > 1 ? "them" : "it"} to dependencies, or build to JavaScript and start with node, for a smaller image.`,
    );
  const version = nodeVersion(app, appPkg).source ? nodeVersion(app, appPkg) : nodeVersion(p, pkg);
  if (version.source) evidence.push(`Node ${version.version} from ${version.source}`);
  const local = new Set((ws?.members ?? []).flatMap((m) => (m.pkg.name ? [m.pkg.name] : [])));
  const drift = lockfileDrift(p, pm, appPkg, nxApp ? "" : dir, local);
  if (drift.length > 0)
    notes.push(
      `${pm.lockfile} is out of sync with ${dir ? `${dir}/` : ""}package.json (${drift.slice(0, 5).join(", ")} not locked): the frozen install will fail; run ${pm.name} install and commit the lockfile.`,
    );
  const order = ws && member ? buildOrder(ws, member) : [];
  const deps = allDeps(appPkg);
  const every = order.length > 0 ? order.map((m) => m.pkg) : [appPkg];
  const facts2 = findPort(app, [".js", ".mjs", ".cjs", ".ts"], ["src/main.ts", "server.js", "index.js", "app.js"]);
  const facts: NodeFacts = {
    pm,
    app_dir: nxApp ? "" : dir,
    members: order.map((m) => ({ dir: m.dir, name: m.pkg.name, build: Boolean(m.pkg.scripts?.build) })),
    workspace_tool: ws?.tool,
    runtime: fw.runtime,
    bun_version:
      pm.name === "bun" || fw.runtime === "bun" ? (pm.name === "bun" && pm.version ? pm.version : "1") : undefined,
    standalone: fw.standalone === true,
    env: { ...fw.env, ...(facts2.hostEnv && !(facts2.hostEnv in fw.env) ? { [facts2.hostEnv]: "0.0.0.0" } : {}) },
    needs_git: every.some((x) => Object.values(allDeps(x)).some((v) => GIT_DEP.test(v))),
    prisma:
      (deps.prisma !== undefined || deps["@prisma/client"] !== undefined) &&
      app.files.some((f) => f.endsWith("schema.prisma")),
    esm: appPkg.type === "module",
    ...(nxBuild ? { build_exec: nxBuild } : {}),
    ...(devStart.length > 0 ? { keep_dev: true } : {}),
    ...(fw.buildScript && !appPkg.scripts?.build ? { build_script: fw.buildScript } : {}),
    ...(fw.basePath ? { base_path: fw.basePath } : {}),
  };
  // `next start -p 3001`: the port the start command fixes wins over the code's and the framework's default.
  const fixedPort = fw.serves === "static" ? undefined : startPort(envFile.start);
  const port = fw.serves === "static" ? undefined : (fixedPort ?? facts2.port ?? fw.defaultPort);
  const build = appPkg.scripts?.build !== undefined ? "build" : fw.buildScript;
  if (fw.framework)
    evidence.push(`framework ${fw.framework} (${fw.serves === "static" ? `static build in ${fw.output}` : "server"})`);
  if (fw.startSource) evidence.push(`start from ${fw.startSource}`);
  return {
    stack: fw.serves === "static" ? "static" : "node",
    framework: fw.framework ?? (fw.serves === "static" ? "static-spa" : undefined),
    package_manager: pm.name,
    package_manager_version: pm.version ?? (pm.name === "yarn" ? (pm.berry ? "berry" : "classic") : undefined),
    runtime_version: version.version,
    start_command: envFile.start,
    build_command: nxBuild ?? (build ? `${pm.name} run ${build}` : undefined),
    detected_port: port,
    port_source: fixedPort
      ? `start command (${envFile.start.join(" ").slice(0, 100)})`
      : facts2.port
        ? facts2.source
        : port
          ? `${fw.framework} default`
          : undefined,
    reads_port_env:
      facts2.readsPortEnv ||
      ["nextjs", "nuxt", "sveltekit", "astro", "react-router", "remix"].includes(fw.framework ?? ""),
    health_check_path: facts2.healthPath,
    entry: fw.serves === "static" ? fw.output : undefined,
    app_dir: dir || undefined,
    notes: notes.length > 0 ? notes : undefined,
    ambiguous: ambiguous.length > 0 ? ambiguous : undefined,
    runtime_source: version.source ?? "default (current LTS)",
    node: facts,
    evidence,
  };
};
