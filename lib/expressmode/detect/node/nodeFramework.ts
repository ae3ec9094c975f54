// What a Node app is (framework, server or static build, output folder, start command) from its manifest and the
// framework's own configuration file.
import type { Project } from "../scanProject.ts";
import { angularSsr } from "./angularSsr.ts";
import { buildPrefix } from "./buildPrefix.ts";
import { listenEnv } from "./listenEnv.ts";
import { allDeps, type PackageJson } from "./packageJson.ts";
import { spaBasePath } from "./spaBasePath.ts";
import { spaOutput } from "./spaOutput.ts";
import { DEV_COMMANDS, execForm, procfileWeb } from "./startCommand.ts";

/** One app's shape; paths are relative to the app's folder. */
export interface NodeApp {
  readonly framework?: string;
  readonly serves: "server" | "static";
  readonly runtime: "node" | "bun";
  /** Exec-form start (server apps); empty for static builds. */
  readonly start: readonly string[];
  readonly startSource?: string;
  /** Static builds: the folder the build writes the site to. */
  readonly output?: string;
  /** Next.js `output: "standalone"`: run .next/standalone/server.js with .next/static and public beside it. */
  readonly standalone?: boolean;
  /** Environment the start needs (e.g. HOSTNAME=0.0.0.0 for Next standalone, HOST for Nitro/Astro). */
  readonly env: Readonly<Record<string, string>>;
  readonly defaultPort?: number;
  /** Static builds served under a sub-path (Vite `base`, CRA `homepage`, Vue CLI `publicPath`): `/dashboard/`. */
  readonly basePath?: string;
  /** The package.json script that builds, when it is not `build` (e.g. `build:ts` run by the start script first). */
  readonly buildScript?: string;
  readonly notes: readonly string[];
}

const SERVERS: readonly [string, string][] = [
  ["@nestjs/core", "nestjs"],
  ["fastify", "fastify"],
  ["express", "express"],
  ["koa", "koa"],
  ["hono", "hono"],
];

/** Frameworks whose default start is a convention the project's own start script may replace. */
const DECLARED_WINS = new Set(["nextjs", "remix", "react-router"]);

const config = (p: Project, base: string): string =>
  ["ts", "mjs", "js", "cjs", "mts"].map((e) => p.read(`${base}.${e}`)).find((t) => t !== undefined) ?? "";
const str = (text: string, key: string): string | undefined =>
  new RegExp(`\\b${key}\\s*:\\s*["'\`]([^"'\`]+)["'\`]`).exec(text)?.[1];

/** Framework-specific answer, or undefined for a plain Node server (then the declared start decides). */
const framework = (p: Project, deps: Record<string, string>, pkg: PackageJson): Partial<NodeApp> | undefined => {
  if (deps.next) {
    const c = config(p, "next.config");
    const out = str(c, "output");
    if (out === "export") return { framework: "nextjs", serves: "static", output: str(c, "distDir") ?? "out" };
    if (out === "standalone")
      return {
        framework: "nextjs",
        standalone: true,
        start: ["node", "server.js"],
        startSource: "next.config output: standalone",
        env: { HOSTNAME: "0.0.0.0" },
        defaultPort: 3000,
      };
    return {
      framework: "nextjs",
      start: ["node_modules/.bin/next", "start"],
      startSource: "next start",
      defaultPort: 3000,
      notes: [
        'next.config has no output: "standalone": the image runs `next start` with the production node_modules. Add output: "standalone" for a smaller image (node server.js with only the traced files).',
      ],
    };
  }
  if (deps.nuxt) {
    // Only `nuxt generate` writes a static site (.output/public/index.html); `nuxt build` writes a Nitro server even
    // with `ssr: false`, whose public folder then has no index.html (nuxt/framework#6966): serve that as a server.
    if (/nuxt(i)? generate/.test(pkg.scripts?.build ?? ""))
      return { framework: "nuxt", serves: "static", output: ".output/public" };
    const spa = /\bssr\s*:\s*false/.test(config(p, "nuxt.config"));
    return {
      framework: "nuxt",
      start: ["node", ".output/server/index.mjs"],
      startSource: "Nuxt (Nitro) .output",
      env: { HOST: "0.0.0.0" },
      defaultPort: 3000,
      notes: spa
        ? [
            "nuxt.config sets ssr: false but the build is `nuxt build`, which writes a Nitro server (.output/public has no index.html): the image runs that server, which serves the SPA shell. For a static site served by nginx, make the build `nuxt generate`.",
          ]
        : [],
    };
  }
  if (deps["@sveltejs/kit"]) {
    const c = config(p, "svelte.config");
    if (deps["@sveltejs/adapter-static"] && /adapter-static/.test(c))
      return { framework: "sveltekit", serves: "static", output: str(c, "pages") ?? "build" };
    const out = str(c, "out") ?? "build";
    const notes = deps["@sveltejs/adapter-node"]
      ? []
      : [
          "SvelteKit without @sveltejs/adapter-node: add it (and use it in svelte.config.js) to get a Node server build.",
        ];
    return {
      framework: "sveltekit",
      start: ["node", out],
      startSource: "svelte.config adapter-node",
      env: { HOST: "0.0.0.0" },
      defaultPort: 3000,
      notes,
    };
  }
  if (deps.astro) {
    const c = config(p, "astro.config");
    const outDir = str(c, "outDir")?.replace(/^\.\//, "") ?? "dist";
    if (/output\s*:\s*["'](server|hybrid)["']/.test(c) || (deps["@astrojs/node"] && /adapter\s*:/.test(c)))
      return {
        framework: "astro",
        start: ["node", `${outDir}/server/entry.mjs`],
        startSource: "astro.config output: server (@astrojs/node standalone)",
        env: { HOST: "0.0.0.0" },
        defaultPort: 4321,
      };
    return { framework: "astro", serves: "static", output: outDir };
  }
  if (deps["@react-router/dev"]) {
    if (/\bssr\s*:\s*false/.test(config(p, "react-router.config")))
      return { framework: "react-router", serves: "static", output: "build/client" };
    return {
      framework: "react-router",
      start: ["node_modules/.bin/react-router-serve", "./build/server/index.js"],
      startSource: "React Router framework default",
      defaultPort: 3000,
    };
  }
  if (deps["@remix-run/dev"] || deps["@remix-run/serve"])
    return {
      framework: "remix",
      start: ["node_modules/.bin/remix-serve", "./build/server/index.js"],
      startSource: "Remix default",
      defaultPort: 3000,
    };
  const ssr = deps["@angular/core"] ? angularSsr(p, pkg.scripts ?? {}) : undefined;
  if (ssr)
    return { framework: "angular", start: ssr.start, startSource: ssr.source, defaultPort: 4000, notes: ssr.notes };
  const server = SERVERS.find(([d]) => deps[d]);
  if (server) return { framework: server[1], defaultPort: 3000 };
  const spa = spaOutput(p, deps, pkg.scripts?.build);
  if (spa)
    return {
      framework: spa.framework,
      serves: "static",
      output: spa.output,
      basePath: spaBasePath(p, spa.framework, pkg),
    };
  return undefined;
};

/** The app's shape; a declared start (Procfile web, package.json start) wins over a framework default. */
export const nodeFramework = (p: Project, pkg: PackageJson): NodeApp => {
  const deps = allDeps(pkg);
  const f = framework(p, deps, pkg) ?? {};
  const notes = [...(f.notes ?? [])];
  const base = { serves: "server" as const, runtime: "node" as const, start: [], env: {}, ...f, notes };
  if (base.serves === "static") {
    if (pkg.scripts?.start && /preview|serve|http-server/.test(pkg.scripts.start))
      notes.push(
        `The start script (${pkg.scripts.start}) serves the build with a Node tool; the image serves the static build with nginx instead.`,
      );
    return { ...base, start: [] };
  }
  const web = procfileWeb(p);
  const raw = web ?? pkg.scripts?.["start:prod"] ?? pkg.scripts?.start;
  // `npm run build:ts && fastify start dist/app.js`: the build runs in the image build, the rest is the start.
  const chained = raw ? buildPrefix(raw, pkg.scripts ?? {}) : undefined;
  const declared = chained?.rest ?? raw;
  const buildScript = chained && !pkg.scripts?.build ? chained.build : undefined;
  const source = web ? "Procfile web" : pkg.scripts?.["start:prod"] ? "package.json start:prod" : "package.json start";
  const bun = /^bun\b/.test(declared ?? "") || deps["@types/bun"] !== undefined || deps["bun-types"] !== undefined;
  const runtime = bun ? "bun" : "node";
  // Frameworks whose output the config defines (standalone, Nitro, adapter-node, Astro server) keep their command;
  // Remix and React Router only default to their serve CLI: a declared start (a custom Express server) wins.
  if (f.start && !DECLARED_WINS.has(f.framework ?? "")) return { ...base, runtime };
  if (f.standalone) return { ...base, runtime };
  if (declared && !DEV_COMMANDS.test(declared)) {
    const ex = execForm(declared);
    const start = ex?.command ?? ["sh", "-c", declared];
    return {
      ...base,
      runtime,
      start,
      env: { ...base.env, ...ex?.env, ...listenEnv(start) },
      startSource: `${source}: ${raw}`,
      buildScript,
    };
  }
  if (declared) notes.push(`The ${source} command (${declared}) runs a dev server or watcher; it is not used.`);
  if (f.start) return { ...base, runtime };
  if (f.framework === "nestjs") return { ...base, start: ["node", "dist/main.js"], startSource: "NestJS build output" };
  const main = pkg.main && p.has(pkg.main) ? pkg.main : undefined;
  const file =
    main ??
    ["server.js", "index.js", "app.js", "main.js", "src/index.js", "src/server.js", "index.ts", "src/index.ts"].find(
      (x) => p.has(x),
    );
  if (file)
    return { ...base, runtime, start: [runtime, file], startSource: main ? "package.json main" : `${file} found` };
  notes.push("No start command found (no start script, main or server file).");
  return { ...base, runtime, start: [runtime, "index.js"] };
};
