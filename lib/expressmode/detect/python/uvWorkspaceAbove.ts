// Finds the uv workspace root above a Python app folder (a workspace member given as app_path): the nearest parent
// whose pyproject.toml `[tool.uv.workspace] members` include the folder. Its uv.lock and the sibling members the app
// depends on live there, so the image builds from that root.
import { existsSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { scanProject } from "../scanProject.ts";
import { readPyproject } from "./readPyproject.ts";

const MAX_UP = 3;

/** A member pattern (`packages/*`, `apps/api`) as a regular expression over a relative folder. */
const memberPattern = (pat: string) =>
  new RegExp(
    `^${pat
      .replace(/\/$/, "")
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replaceAll("*", "[^/]+")}$`,
  );

/** `{ root, dir }` (dir relative to root with `/`), or undefined when the folder is not a uv workspace member. */
export const uvWorkspaceAbove = (appRoot: string): { root: string; dir: string } | undefined => {
  let cur = appRoot;
  for (let i = 0; i < MAX_UP; i++) {
    const parent = dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
    if (existsSync(join(cur, "pyproject.toml"))) {
      const members = readPyproject(scanProject(cur))?.uvWorkspaceMembers ?? [];
      const dir = relative(cur, appRoot).split(sep).join("/");
      if (members.some((m) => memberPattern(m).test(dir))) return { root: cur, dir };
      if (members.length > 0) return undefined;
    }
    if (existsSync(join(cur, ".git"))) return undefined;
  }
  return undefined;
};
