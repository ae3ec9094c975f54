// Where a single-page app's build writes its files, from the build tool's own configuration.
import type { Project } from "../scanProject.ts";
import { buildScriptOutput } from "./buildScriptOutput.ts";

interface AngularJson {
  defaultProject?: string;
  projects?: Record<
    string,
    {
      projectType?: string;
      architect?: Record<
        string,
        { builder?: string; options?: { outputPath?: string | { base?: string; browser?: string } } }
      >;
    }
  >;
}

const configText = (p: Project, base: string): string =>
  ["ts", "mts", "mjs", "js", "cjs"].map((e) => p.read(`${base}.${e}`)).find((t) => t !== undefined) ?? "";
const key = (text: string, k: string): string | undefined =>
  new RegExp(`\\b${k}\\s*:\\s*["'\`]([^"'\`]+)["'\`]`).exec(text)?.[1]?.replace(/^\.\//, "").replace(/\/$/, "");

/** Angular: the application project's outputPath; the application builder writes the site to `<outputPath>/browser`. */
const angular = (p: Project): string | undefined => {
  const a = p.json<AngularJson>("angular.json");
  if (!a?.projects) return undefined;
  const entries = Object.entries(a.projects).filter(([, v]) => (v.projectType ?? "application") === "application");
  const [name, proj] = entries.find(([n]) => n === a.defaultProject) ?? entries[0] ?? [];
  if (!name || !proj) return undefined;
  const build = proj.architect?.build;
  const out = build?.options?.outputPath;
  const modern = /:application$|@angular\/build/.test(build?.builder ?? "");
  if (typeof out === "object") return `${out.base ?? `dist/${name}`}/${out.browser ?? "browser"}`;
  const base = out ?? `dist/${name}`;
  return modern ? `${base}/browser` : base;
};

/**
 * `{ framework, output }` for Vite, Create React App, Angular and Vue CLI builds, or undefined. An output folder
 * named on the build script's command line wins over the config file (the CLI flag overrides it).
 */
export const spaOutput = (
  p: Project,
  deps: Record<string, string>,
  buildScript?: string,
): { framework: string; output: string } | undefined => {
  const spa = configuredOutput(p, deps);
  if (!spa) return undefined;
  const flagged = buildScriptOutput(spa.framework, buildScript);
  if (!flagged) return spa;
  // Angular's application builder still writes the site to <output-path>/browser.
  const browser = spa.framework === "angular" && spa.output.endsWith("/browser") ? "/browser" : "";
  return { framework: spa.framework, output: `${flagged}${browser}` };
};

const configuredOutput = (
  p: Project,
  deps: Record<string, string>,
): { framework: string; output: string } | undefined => {
  if (deps["@angular/core"] || p.has("angular.json")) return { framework: "angular", output: angular(p) ?? "dist" };
  if (deps["react-scripts"]) return { framework: "create-react-app", output: "build" };
  if (deps["@vue/cli-service"])
    return { framework: "vue-cli", output: key(configText(p, "vue.config"), "outputDir") ?? "dist" };
  if (deps.vite) {
    const c = configText(p, "vite.config");
    const root = key(c, "root");
    const out = key(c, "outDir");
    const output = out
      ? root && !out.startsWith("..")
        ? `${root}/${out}`
        : out.replace(/^\.\.\//, "")
      : root
        ? `${root}/dist`
        : "dist";
    const flavour = deps.vue ? "vite-vue" : deps.react ? "vite-react" : deps.svelte ? "vite-svelte" : "vite";
    return { framework: flavour, output };
  }
  return undefined;
};
