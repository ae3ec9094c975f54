// The sub-path a single-page app is built for (its asset URLs start with it), from the build tool's configuration.
import type { Project } from "../scanProject.ts";
import type { PackageJson } from "./packageJson.ts";

const configText = (p: Project, base: string): string =>
  ["ts", "mts", "mjs", "js", "cjs"].map((e) => p.read(`${base}.${e}`)).find((t) => t !== undefined) ?? "";
const key = (text: string, k: string): string | undefined =>
  new RegExp(`\\b${k}\\s*:\\s*["'\`]([^"'\`]+)["'\`]`).exec(text)?.[1];

/** `/x/y/` from `/x/y`, `x/y/`, a URL's path; undefined for the root and for relative bases (`./`, ``). */
const normalise = (v: string | undefined): string | undefined => {
  if (!v) return undefined;
  let path = v.trim();
  if (/^https?:\/\//.test(path)) path = new URL(path).pathname;
  if (path.startsWith(".") || path === "/" || path === "") return undefined;
  return `/${path.replace(/^\/+|\/+$/g, "")}/`;
};

/**
 * The base path of a static build, or undefined when it is served at the root: Vite's `base` (config or
 * `vite build --base`), Create React App's `homepage` URL path, Vue CLI's `publicPath`.
 * Vite: https://vite.dev/config/shared-options.html#base; CRA: https://create-react-app.dev/docs/deployment/#building-for-relative-paths
 */
export const spaBasePath = (p: Project, framework: string, pkg: PackageJson): string | undefined => {
  if (framework.startsWith("vite")) {
    const flag = /\bvite\s+build\b[^;&|]*?--base[=\s]+["']?([^\s"';&|]+)/.exec(pkg.scripts?.build ?? "")?.[1];
    return normalise(flag ?? key(configText(p, "vite.config"), "base"));
  }
  if (framework === "create-react-app") return normalise((pkg as { homepage?: string }).homepage);
  if (framework === "vue-cli") return normalise(key(configText(p, "vue.config"), "publicPath"));
  return undefined;
};
