// Detects Node.js projects: package manager, framework (Next.js, NestJS, Express, Fastify, static SPA), build and start.
import type { Detection } from "./detection.ts";
import { findPort } from "./findPort.ts";
import type { Project } from "./scanProject.ts";

interface PackageJson {
  main?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  engines?: { node?: string };
  packageManager?: string;
}

const FRAMEWORKS: readonly [string, string][] = [
  ["next", "nextjs"],
  ["@nestjs/core", "nestjs"],
  ["fastify", "fastify"],
  ["express", "express"],
  ["koa", "koa"],
  ["hono", "hono"],
];
const SPA = ["vite", "react-scripts", "@angular/core", "vue", "svelte"];

const packageManager = (p: Project, pkg: PackageJson): string => {
  const declared = pkg.packageManager?.split("@")[0];
  if (declared) return declared;
  if (p.has("pnpm-lock.yaml")) return "pnpm";
  if (p.has("yarn.lock")) return "yarn";
  if (p.has("bun.lockb") || p.has("bun.lock")) return "bun";
  return "npm";
};

/** Splits `node server.js` into exec form; a start script with shell syntax stays behind the package manager. */
const execForm = (script: string | undefined): string[] | undefined => {
  if (!script || /[;&|<>$`]/.test(script)) return undefined;
  const parts = script.trim().split(/\s+/);
  return parts[0] === "node" ? parts : undefined;
};

/** Node detection from package.json (undefined when there is none). */
export const detectNode = (p: Project): Detection | undefined => {
  const pkg = p.json<PackageJson>("package.json");
  if (!pkg) return undefined;
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const pm = packageManager(p, pkg);
  const run = (script: string) => (pm === "npm" ? ["npm", "run", script] : [pm, "run", script]);
  const framework = FRAMEWORKS.find(([dep]) => deps[dep])?.[1] ?? (SPA.some((d) => deps[d]) ? "static-spa" : undefined);
  const evidence = [`package.json (${pm}${framework ? `, ${framework}` : ""})`];
  const major = /(\d{2})/.exec(pkg.engines?.node ?? "")?.[1];
  const runtime_version = major && Number(major) >= 22 ? "22" : "20";
  const hasBuild = Boolean(pkg.scripts?.build);
  const facts = findPort(p, [".js", ".mjs", ".cjs", ".ts"], ["src/main.ts", "server.js", "index.js", "app.js"]);
  let start: string[];
  if (framework === "nextjs") start = ["node_modules/.bin/next", "start"];
  else if (framework === "nestjs") start = ["node", "dist/main.js"];
  else if (framework === "static-spa") start = [];
  else
    start =
      execForm(pkg.scripts?.start) ??
      (pkg.main && p.has(pkg.main)
        ? ["node", pkg.main]
        : (["server.js", "index.js", "app.js", "src/index.js", "src/server.js"]
            .filter((f) => p.has(f))
            .map((f) => ["node", f])[0] ?? (pkg.scripts?.start ? run("start") : ["node", "index.js"])));
  const defaults: Record<string, number> = {
    nextjs: 3000,
    nestjs: 3000,
    express: 3000,
    fastify: 3000,
    koa: 3000,
    hono: 3000,
  };
  return {
    stack: framework === "static-spa" ? "static" : "node",
    framework,
    package_manager: pm,
    runtime_version,
    start_command: start,
    build_command: hasBuild ? run("build").join(" ") : undefined,
    detected_port: facts.port ?? (framework ? defaults[framework] : undefined),
    port_source: facts.source ?? (framework && defaults[framework] ? `${framework} default` : undefined),
    reads_port_env: facts.readsPortEnv || framework === "nextjs",
    health_check_path: facts.healthPath,
    entry: framework === "static-spa" ? (p.has("angular.json") ? "dist" : deps.vite ? "dist" : "build") : undefined,
    evidence,
  };
};
