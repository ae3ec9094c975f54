// Reads pyproject.toml with a real TOML parser into the few facts Python detection needs.
import { parse } from "smol-toml";
import type { Project } from "../scanProject.ts";

/** What pyproject.toml says, normalised across PEP 621, Poetry, uv and PDM tables. */
export interface Pyproject {
  readonly name?: string;
  readonly requiresPython?: string;
  /** Lower-cased distribution names of the runtime dependencies (PEP 621 and [tool.poetry.dependencies]). */
  readonly dependencies: readonly string[];
  /** Console scripts: [project.scripts] and [tool.poetry.scripts] (name → `module:function`). */
  readonly scripts: Readonly<Record<string, string>>;
  /** Task runner scripts that are shell commands ([tool.pdm.scripts]). */
  readonly tasks: Readonly<Record<string, string>>;
  readonly buildBackend?: string;
  readonly hasPoetry: boolean;
  /** Poetry `package-mode = false`, or a uv project without a build system (`tool.uv.package = false`). */
  readonly packageMode?: boolean;
  readonly hasUv: boolean;
  readonly uvWorkspaceMembers: readonly string[];
  readonly hasPdm: boolean;
  /** Set when the file exists but is not valid TOML. */
  readonly parseError?: string;
}

type Table = Record<string, unknown>;
const table = (v: unknown): Table => (v && typeof v === "object" && !Array.isArray(v) ? (v as Table) : {});
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s) => typeof s === "string") : []);
/** `Flask[async]>=3 ; python_version>"3"` → `flask`. */
export const requirementName = (spec: string): string =>
  (/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1] ?? "").toLowerCase().replaceAll("_", "-");

const scriptTable = (v: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(table(v)).flatMap(([k, s]) => {
      if (typeof s === "string") return [[k, s]];
      const t = table(s);
      const cmd = t.cmd ?? t.shell ?? t.reference;
      return typeof cmd === "string" ? [[k, cmd]] : Array.isArray(cmd) ? [[k, strings(cmd).join(" ")]] : [];
    }),
  );

/** pyproject.toml of `dir` (relative, "" for the root), or undefined when there is none. */
export const readPyproject = (p: Project, dir = ""): Pyproject | undefined => {
  const text = p.read(dir ? `${dir}/pyproject.toml` : "pyproject.toml");
  if (text === undefined) return undefined;
  let doc: Table;
  try {
    doc = parse(text) as Table;
  } catch (e) {
    const msg = (e as Error).message.split("\n")[0] ?? "invalid TOML";
    return {
      dependencies: [],
      scripts: {},
      tasks: {},
      hasPoetry: false,
      hasUv: false,
      hasPdm: false,
      uvWorkspaceMembers: [],
      parseError: msg.slice(0, 200),
    };
  }
  const project = table(doc.project);
  const tool = table(doc.tool);
  const poetry = table(tool.poetry);
  const uv = table(tool.uv);
  const pdm = table(tool.pdm);
  const backend = table(doc["build-system"])["build-backend"];
  const poetryDeps = Object.keys(table(poetry.dependencies)).filter((k) => k.toLowerCase() !== "python");
  const deps = [...strings(project.dependencies), ...poetryDeps].map(requirementName).filter(Boolean);
  const poetryPython = table(poetry.dependencies).python;
  const packageMode =
    poetry["package-mode"] === false || uv.package === false
      ? false
      : uv.package === true || typeof backend === "string"
        ? true
        : undefined;
  return {
    name: typeof project.name === "string" ? project.name : typeof poetry.name === "string" ? poetry.name : undefined,
    requiresPython:
      typeof project["requires-python"] === "string"
        ? project["requires-python"]
        : typeof poetryPython === "string"
          ? poetryPython
          : undefined,
    dependencies: [...new Set(deps)],
    scripts: { ...scriptTable(poetry.scripts), ...scriptTable(project.scripts) },
    tasks: scriptTable(pdm.scripts),
    buildBackend: typeof backend === "string" ? backend : undefined,
    hasPoetry: Object.keys(poetry).length > 0 || (typeof backend === "string" && backend.startsWith("poetry")),
    packageMode,
    hasUv: Object.keys(uv).length > 0,
    uvWorkspaceMembers: strings(table(uv.workspace).members),
    hasPdm: Object.keys(pdm).length > 0 || (typeof backend === "string" && backend.startsWith("pdm")),
  };
};
