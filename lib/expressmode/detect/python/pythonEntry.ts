// Finds a Python web app's framework, its WSGI/ASGI object and the production server command.
import type { Project } from "../scanProject.ts";
import { djangoSettingsFiles } from "./djangoSettings.ts";

const P = "{PORT}";
/** Conventional application factory names (Flask's `create_app`, FastAPI projects' `get_app`, ...). */
const FACTORY = /^def\s+(create_app|make_app|get_app|build_app|create_application|app_factory)\s*\(/m;

/** What the source says about the app object and how to serve it. */
export interface PythonEntry {
  readonly framework?: "django" | "fastapi" | "starlette" | "flask" | "streamlit";
  /** `module:object` (or `module:factory()`), or the Django WSGI module. */
  readonly entry?: string;
  readonly start: string[];
  /** Django: the settings define STATIC_ROOT, so collectstatic runs in the image. */
  readonly collectstatic?: boolean;
  /** Django: manage.py's path from the app folder (it may sit in `src/` or a `startproject` folder). */
  readonly manage?: string;
  readonly warnings: readonly string[];
  readonly ambiguous?: readonly string[];
}

/** Files under `base` (a folder or ""), skipping tests and migrations. */
const pyFiles = (p: Project, base: string) =>
  p.files.filter(
    (f) =>
      f.endsWith(".py") &&
      (!base || f.startsWith(`${base}/`)) &&
      !/(^|\/)(tests?|migrations|docs|scripts)\//.test(f) &&
      !/(^|\/)test_[^/]*\.py$/.test(f),
  );

/** Import path of `file` relative to its source root (`src/`, the member folder, or the project root). */
const moduleOf = (file: string, roots: readonly string[]) => {
  const root = roots.find((r) => r && file.startsWith(`${r}/`)) ?? "";
  const rel = root ? file.slice(root.length + 1) : file;
  return { module: rel.replace(/(\/__init__)?\.py$/, "").replaceAll("/", "."), root };
};

/** The first file (shallowest first) where `re` matches, with the match and the other files that match too. */
const find = (p: Project, files: string[], re: RegExp) => {
  const hits = [...files]
    .sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b))
    .slice(0, 200)
    .flatMap((file) => {
      const m = re.exec(p.read(file) ?? "");
      return m ? [{ file, m }] : [];
    });
  return hits[0] ? { ...hits[0], others: hits.slice(1).map((h) => h.file) } : undefined;
};

/** "several files create the app object" when more than one file matched: says which was chosen. */
const several = (what: string, hit: { file: string; others: string[] } | undefined): string[] =>
  hit?.others.length
    ? [
        `${hit.others.length + 1} files create a ${what} app (${[hit.file, ...hit.others].slice(0, 5).join(", ")}): served ${hit.file}, the shallowest`,
      ]
    : [];

/** Framework entry and command for the app under `base` ("" = the scan root), given its dependency names. */
export const pythonEntry = (p: Project, deps: ReadonlySet<string>, base: string, installed: boolean): PythonEntry => {
  const files = pyFiles(p, base);
  const src = base ? `${base}/src` : "src";
  const roots = [src, base].filter((r) => r === base || p.files.some((f) => f.startsWith(`${r}/`)));
  const appDir = (root: string) => (root && !installed ? ["--app-dir", root] : []);
  const warnings: string[] = [];
  const gunicorn = deps.has("gunicorn");
  if (deps.has("django") || p.has(base ? `${base}/manage.py` : "manage.py")) {
    // The Django project folder is where manage.py is (the root, `src/`, or the folder `startproject` made): the
    // settings and WSGI modules import from there, so gunicorn runs with --chdir to it and manage.py is called by path.
    const managePy = find(
      p,
      files.filter((f) => f === "manage.py" || f.endsWith("/manage.py")),
      /DJANGO_SETTINGS_MODULE|execute_from_command_line/,
    )?.file;
    const projectDir = managePy?.includes("/") ? managePy.slice(0, managePy.lastIndexOf("/")) : "";
    const rel = (f: string) => (base && f.startsWith(`${base}/`) ? f.slice(base.length + 1) : f);
    const manage = managePy ? rel(managePy) : "manage.py";
    const wsgi = find(
      p,
      files.filter((f) => f.endsWith("/wsgi.py")),
      /get_wsgi_application/,
    );
    const djangoRoots = projectDir && projectDir !== base ? [projectDir] : roots;
    const where = wsgi ? moduleOf(wsgi.file, djangoRoots) : undefined;
    const entry = where?.module;
    const chdir = where?.root && where.root !== base ? ["--chdir", rel(where.root)] : [];
    const settings = djangoSettingsFiles(p, files);
    const collectstatic = settings.some((f) => /^STATIC_ROOT\s*=/m.test(p.read(f) ?? ""));
    if (gunicorn && entry)
      return {
        framework: "django",
        entry,
        start: ["gunicorn", ...chdir, "--bind", `0.0.0.0:${P}`, entry],
        collectstatic,
        manage,
        warnings,
      };
    warnings.push(
      "Django runs with its development server: add gunicorn to the dependencies for production (the Dockerfile then uses it).",
    );
    return {
      framework: "django",
      entry,
      start: ["python", manage, "runserver", `0.0.0.0:${P}`],
      collectstatic,
      manage,
      warnings,
    };
  }
  for (const [framework, ctor] of [
    ["fastapi", "FastAPI"],
    ["starlette", "Starlette"],
  ] as const) {
    if (!deps.has(framework)) continue;
    const obj = find(p, files, new RegExp(`^(\\w+)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:\\w+\\.)?${ctor}\\(`, "m"));
    // No module-level app object: an application factory (`def create_app() -> FastAPI`) served with --factory.
    const factory = obj
      ? undefined
      : find(
          p,
          files.filter((f) => p.read(f)?.includes(`${ctor}(`)),
          new RegExp(
            `^(?:async\\s+)?def\\s+(\\w+)\\s*\\([^)]*\\)\\s*->\\s*(?:\\w+\\.)?${ctor}\\b|${FACTORY.source}`,
            "m",
          ),
        );
    const hit = obj ?? factory;
    const { module, root } = hit ? moduleOf(hit.file, roots) : { module: "main", root: "" };
    const entry = `${module}:${hit?.m[1] ?? hit?.m[2] ?? "app"}`;
    const ambiguous = several(ctor, hit);
    const start = [
      "uvicorn",
      ...(factory ? ["--factory"] : []),
      entry,
      ...appDir(root),
      "--host",
      "0.0.0.0",
      "--port",
      P,
    ];
    return { framework, entry, start, warnings, ambiguous };
  }
  if (deps.has("flask")) {
    const obj = find(p, files, /^(\w+)\s*=\s*(?:flask\.)?Flask\(/m);
    const factory = obj ? undefined : find(p, files, FACTORY);
    const hit = obj ?? factory;
    const ambiguous = several("Flask", hit);
    const { module, root } = hit ? moduleOf(hit.file, roots) : { module: "app", root: "" };
    const entry = factory ? `${module}:${factory.m[1]}()` : `${module}:${obj?.m[1] ?? "app"}`;
    if (gunicorn)
      return {
        framework: "flask",
        entry,
        start: ["gunicorn", ...(root && !installed ? ["--chdir", root] : []), "--bind", `0.0.0.0:${P}`, entry],
        warnings,
        ambiguous,
      };
    warnings.push(
      "Flask runs with its development server: add gunicorn to the dependencies for production (the Dockerfile then uses it).",
    );
    const flaskApp = factory ? module : entry;
    return {
      framework: "flask",
      entry,
      start: ["flask", "--app", flaskApp, "run", "--host", "0.0.0.0", "--port", P],
      warnings,
      ambiguous,
    };
  }
  if (deps.has("streamlit")) {
    // A Streamlit app is a script its CLI serves (https://docs.streamlit.io/deploy/tutorials/docker): `python app.py`
    // would run it once and exit. The main script is the shallowest file importing streamlit (pages/ come deeper).
    const hit = find(p, files, /^\s*(?:import streamlit\b|from streamlit\b)/m);
    const script = hit
      ? base && hit.file.startsWith(`${base}/`)
        ? hit.file.slice(base.length + 1)
        : hit.file
      : "app.py";
    return {
      framework: "streamlit",
      entry: script,
      start: ["streamlit", "run", script, `--server.port=${P}`, "--server.address=0.0.0.0", "--server.headless=true"],
      warnings,
    };
  }
  const main = ["app.py", "main.py", "server.py"].map((f) => (base ? `${base}/${f}` : f)).find((f) => p.has(f));
  if (main) return { start: ["python", main], warnings };
  const pkgMain = files.find((f) => f.endsWith("/__main__.py"));
  if (pkgMain) return { start: ["python", "-m", moduleOf(pkgMain, roots).module.replace(/\.__main__$/, "")], warnings };
  return {
    start: ["python", "app.py"],
    warnings: ["No entry point found (app.py, main.py, server.py, a __main__ module): set the CMD by hand."],
  };
};
