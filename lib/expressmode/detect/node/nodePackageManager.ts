// Which Node package manager a project uses (npm, pnpm, Yarn classic or Berry, Bun), its version and lockfile.
import type { Project } from "../scanProject.ts";
import type { PackageJson } from "./packageJson.ts";

/** The package manager facts a Dockerfile needs. */
export interface NodePackageManager {
  readonly name: "npm" | "pnpm" | "yarn" | "bun";
  /** Exact version from `packageManager` (corepack pins it), if declared. */
  readonly version?: string;
  /** Yarn 2+ (Berry): `--immutable`, `.yarnrc.yml`, `workspaces focus` instead of `--production`. */
  readonly berry: boolean;
  /** Yarn Berry with Plug'n'Play (no `nodeLinker: node-modules`): no node_modules folder at all. */
  readonly pnp: boolean;
  /** The lockfile that is there (relative to the project root), if any. */
  readonly lockfile?: string;
  /** Yarn Berry files that must be in place before the install (.yarnrc.yml, .yarn/releases, .yarn/plugins, .yarn/patches). */
  readonly yarnFiles: readonly string[];
  readonly notes: readonly string[];
}

const LOCKS: readonly [NodePackageManager["name"], string][] = [
  ["pnpm", "pnpm-lock.yaml"],
  ["yarn", "yarn.lock"],
  ["bun", "bun.lock"],
  ["bun", "bun.lockb"],
  ["npm", "package-lock.json"],
  ["npm", "npm-shrinkwrap.json"],
];

/** Reads packageManager, lockfiles and Yarn's own config; notes an ambiguity instead of guessing silently. */
export const nodePackageManager = (p: Project, pkg: PackageJson): NodePackageManager => {
  const notes: string[] = [];
  const [declaredName, declaredVersion] = (pkg.packageManager ?? "").split("+")[0]!.split("@") as [string, string?];
  const present = LOCKS.filter(([, f]) => p.has(f));
  const names = [...new Set(present.map(([n]) => n))];
  let name: NodePackageManager["name"];
  if (["npm", "pnpm", "yarn", "bun"].includes(declaredName)) name = declaredName as NodePackageManager["name"];
  else {
    name = names[0] ?? "npm";
    if (names.length > 1)
      notes.push(
        `Several lockfiles (${present.map(([, f]) => f).join(", ")}) and no packageManager field: using ${name}; delete the stale lockfiles or declare packageManager.`,
      );
  }
  const lockfile = present.find(([n]) => n === name)?.[1];
  if (declaredName && names.length > 0 && !names.includes(name))
    notes.push(
      `packageManager says ${name} but the lockfile is ${present[0]![1]}: the install may not be reproducible.`,
    );
  const yarnrc = p.read(".yarnrc.yml");
  const lockText = name === "yarn" && lockfile ? (p.read(lockfile) ?? "") : "";
  const berry =
    name === "yarn" &&
    (Number(declaredVersion?.split(".")[0] ?? 0) >= 2 ||
      /^__metadata:/m.test(lockText) ||
      (yarnrc !== undefined && !lockText.includes("# yarn lockfile v1")));
  const linker = /^nodeLinker:\s*["']?([\w-]+)/m.exec(yarnrc ?? "")?.[1];
  const pnp = berry && (linker === undefined || linker === "pnp");
  const yarnFiles = berry
    ? [
        ...(yarnrc !== undefined ? [".yarnrc.yml"] : []),
        ...[".yarn/releases", ".yarn/plugins", ".yarn/patches"].filter((d) =>
          p.files.some((f) => f.startsWith(`${d}/`)),
        ),
      ]
    : [];
  return {
    name,
    version: declaredName === name ? declaredVersion : undefined,
    berry,
    pnp,
    lockfile,
    yarnFiles,
    notes,
  };
};
