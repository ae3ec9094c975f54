// The Node.js major a project asks for: .nvmrc, .node-version, volta, engines.node (in that order).
import type { Project } from "../scanProject.ts";
import type { PackageJson } from "./packageJson.ts";

/** Current active LTS, used when nothing pins a version or a range allows it. */
export const DEFAULT_NODE = "22";
const CODENAMES: Record<string, string> = { hydrogen: "18", iron: "20", jod: "22", krypton: "24" };

/** A version or range → the major to build on, with where it came from. */
const majorOf = (spec: string): string | undefined => {
  const s = spec.trim().toLowerCase();
  if (s === "node" || s === "lts/*" || s === "latest") return DEFAULT_NODE;
  const code = /^lts\/(\w+)/.exec(s)?.[1];
  if (code) return CODENAMES[code];
  // ">=18" / ">18" / "18 || 20 || 22": any of them works, so the current LTS when the range allows it.
  const lower = /^>=?\s*v?(\d+)/.exec(s)?.[1];
  if (lower) return Number(lower) <= Number(DEFAULT_NODE) ? DEFAULT_NODE : lower;
  const ors = s
    .split("||")
    .map((x) => /v?(\d+)/.exec(x)?.[1])
    .filter((x): x is string => x !== undefined);
  if (ors.includes(DEFAULT_NODE)) return DEFAULT_NODE;
  return ors[ors.length - 1];
};

/** `{ version, source }`, or the default LTS when the project says nothing. */
export const nodeVersion = (p: Project, pkg: PackageJson): { version: string; source?: string } => {
  for (const [spec, source] of [
    [p.read(".nvmrc"), ".nvmrc"],
    [p.read(".node-version"), ".node-version"],
    [pkg.volta?.node, "package.json volta.node"],
    [pkg.engines?.node, "package.json engines.node"],
  ] as const) {
    const v = spec ? majorOf(spec.split("\n")[0]!) : undefined;
    if (v) return { version: v, source: `${source} (${spec!.trim().split("\n")[0]})` };
  }
  return { version: DEFAULT_NODE };
};
