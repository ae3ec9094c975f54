// Decides how a Python project installs: the package manager, its lockfile, packaged vs virtual, uv workspaces.
import type { Project } from "../scanProject.ts";
import { type Pyproject, readPyproject } from "./readPyproject.ts";

/** How the Dockerfile installs the project. */
export interface PythonTooling {
  readonly pm: "uv" | "poetry" | "pdm" | "pipenv" | "pip";
  /** The lockfile the install uses, when there is one. */
  readonly lock?: string;
  /** The project itself is a package to install after its dependencies (src layout, console scripts). */
  readonly packaged: boolean;
  /** requirements file for pip (root requirements.txt or requirements/<env>.txt). */
  readonly requirements?: string;
  /** uv workspace: every member folder (their pyproject.toml are copied before the install) and the app's. */
  readonly workspace?: { readonly members: readonly string[]; readonly app?: string; readonly appName?: string };
  readonly pyproject?: Pyproject;
  readonly ambiguous: readonly string[];
  readonly evidence: readonly string[];
}

const LOCKS = [
  ["uv", "uv.lock"],
  ["poetry", "poetry.lock"],
  ["pdm", "pdm.lock"],
  ["pipenv", "Pipfile.lock"],
] as const;
const REQUIREMENTS = [
  "requirements.txt",
  "requirements/production.txt",
  "requirements/prod.txt",
  "requirements/base.txt",
  "requirements/requirements.txt",
];

/** A requirements line that installs the project folder itself (`-e .`, `.`, `.[web]`, `./`). */
export const localRequirement = (text: string | undefined): boolean =>
  /^\s*(?:-e\s+)?\.\/?(?:\[[^\]]*\])?\s*(#.*)?$/m.test(text ?? "");

/** A pyproject whose dependencies include a web framework containerize_app knows. */
export const usesWebFramework = (py: Pyproject): boolean =>
  py.dependencies.some((d) => ["django", "fastapi", "starlette", "flask", "streamlit"].includes(d));

/** Folders matched by workspace member patterns (`packages/*`, `apps/web`) that hold a pyproject.toml. */
const expandMembers = (p: Project, patterns: readonly string[]): string[] => {
  const dirs = p.files.filter((f) => f.endsWith("/pyproject.toml")).map((f) => f.slice(0, -"/pyproject.toml".length));
  const re = (pat: string) =>
    new RegExp(
      `^${pat
        .replace(/\/$/, "")
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replaceAll("*", "[^/]+")}$`,
    );
  return dirs.filter((d) => patterns.some((pat) => re(pat).test(d))).sort();
};

/** A Poetry project is a package only when the folder holds the package it names (or declares `packages`). */
const poetryPackaged = (p: Project, py: Pyproject): boolean => {
  if (py.packageMode === false) return false;
  const text = p.read("pyproject.toml") ?? "";
  if (/^\s*packages\s*=/m.test(text)) return true;
  const mod = (py.name ?? "").toLowerCase().replaceAll("-", "_");
  return Boolean(mod) && p.files.some((f) => f.startsWith(`${mod}/`) || f.startsWith(`src/${mod}/`));
};

/**
 * Package manager and install shape of the project at the scan root. `appDir`: the workspace member app_path named
 * (it is the app even when another member also uses a web framework).
 */
export const pythonTooling = (
  p: Project,
  webDeps: (py: Pyproject) => boolean = usesWebFramework,
  appDir?: string,
): PythonTooling => {
  const py = readPyproject(p);
  const ambiguous: string[] = [];
  const evidence: string[] = [];
  const locks = LOCKS.filter(([, f]) => p.has(f));
  const declared = (pm: string) =>
    (pm === "uv" && py?.hasUv) || (pm === "poetry" && py?.hasPoetry) || (pm === "pdm" && py?.hasPdm);
  let pm: PythonTooling["pm"];
  let lock: string | undefined;
  if (locks.length > 0) {
    const chosen = locks.find(([m]) => declared(m)) ?? locks[0]!;
    [pm, lock] = chosen;
    if (locks.length > 1)
      ambiguous.push(
        `several lockfiles (${locks.map(([, f]) => f).join(", ")}): used ${lock}${declared(pm) ? ` (pyproject.toml has [tool.${pm}])` : ""}; delete the stale one`,
      );
  } else if (py?.hasUv) pm = "uv";
  else if (py?.hasPoetry) pm = "poetry";
  else if (py?.hasPdm) pm = "pdm";
  else if (p.has("Pipfile")) pm = "pipenv";
  else pm = "pip";
  if (lock) evidence.push(lock);
  else if (pm !== "pip") evidence.push(`no lockfile: ${pm} resolves the dependencies while the image builds`);
  const requirements = REQUIREMENTS.find((f) => p.has(f));
  const installsItself = requirements !== undefined && localRequirement(p.read(requirements));
  if (pm === "pip" && requirements && py?.dependencies.length && !installsItself)
    ambiguous.push(`both ${requirements} and [project].dependencies: installed ${requirements}`);
  const packaged =
    pm === "poetry" && py
      ? poetryPackaged(p, py)
      : pm === "pip" && requirements
        ? installsItself
        : (py?.packageMode ?? (pm === "pip" && py !== undefined));
  let workspace: PythonTooling["workspace"];
  if (pm === "uv" && py && py.uvWorkspaceMembers.length > 0) {
    const members = expandMembers(p, py.uvWorkspaceMembers);
    const apps = members.filter((m) => {
      const mp = readPyproject(p, m);
      return mp !== undefined && webDeps(mp);
    });
    const app = appDir && members.includes(appDir) ? appDir : apps[0];
    if (apps.length > 1 && app !== appDir)
      ambiguous.push(
        `several workspace members use a web framework (${apps.join(", ")}): chose ${app}; point app_path at the member's name in the Dockerfile to change it`,
      );
    workspace = { members, app, appName: app ? readPyproject(p, app)?.name : undefined };
    evidence.push(`uv workspace (${members.join(", ")})${app ? `, app ${app}` : ""}`);
  }
  return { pm, lock, packaged, requirements, workspace, pyproject: py, ambiguous, evidence };
};
