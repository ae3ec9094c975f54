// Detects Python projects: pip/Poetry/uv/PDM/Pipenv, Django/FastAPI/Starlette/Flask, the WSGI/ASGI entry, the command.
import type { Detection } from "./detection.ts";
import { findPort } from "./findPort.ts";
import { procfileCommand } from "./procfileCommand.ts";
import { pythonEntry } from "./python/pythonEntry.ts";
import { pythonTooling } from "./python/pythonTooling.ts";
import { pythonVersion } from "./python/pythonVersion.ts";
import { type Pyproject, readPyproject, requirementName } from "./python/readPyproject.ts";
import type { Project } from "./scanProject.ts";
import { startPort } from "./startPort.ts";

/** `{PORT}` in a start command is replaced by the container port when the Dockerfile is generated. */
export const PORT_PLACEHOLDER = "{PORT}";

const MANIFESTS = ["requirements.txt", "pyproject.toml", "Pipfile", "setup.py", "manage.py", "uv.lock", "poetry.lock"];
const SCRIPT_NAMES = ["start", "serve", "server", "web", "run"];

/** Dependency names from requirements files (following `-r`), Pipfile [packages] and pyproject.toml. */
const dependencyNames = (p: Project, py: Pyproject | undefined, requirements: string | undefined, base: string) => {
  const names = new Set(py?.dependencies ?? []);
  const seen = new Set<string>();
  const readReq = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const line of (p.read(file) ?? "").split("\n")) {
      const inc = /^\s*-r\s+(\S+)/.exec(line)?.[1];
      if (inc) readReq(file.includes("/") ? `${file.slice(0, file.lastIndexOf("/"))}/${inc}` : inc);
      else if (!line.trim().startsWith("-")) names.add(requirementName(line.split("#")[0] ?? ""));
    }
  };
  if (requirements) readReq(requirements);
  const pipfile = /\[packages\]([\s\S]*?)(\n\[|$)/.exec(p.read("Pipfile") ?? "")?.[1] ?? "";
  for (const m of pipfile.matchAll(/^\s*["']?([\w.-]+)["']?\s*=/gm))
    names.add(m[1]!.toLowerCase().replaceAll("_", "-"));
  const raw = `${p.read("pyproject.toml") ?? ""}\n${p.read(base ? `${base}/pyproject.toml` : "") ?? ""}`;
  if (/fastapi\[(standard|all)/.test(raw)) names.add("uvicorn");
  names.delete("");
  return names;
};

/**
 * Python detection (undefined when there is no Python manifest). `appDir`: a uv workspace member that app_path named
 * (`p` is then the workspace root).
 */
export const detectPython = (p: Project, appDir?: string): Detection | undefined => {
  if (!MANIFESTS.some((m) => p.has(m))) return undefined;
  const t = pythonTooling(p, undefined, appDir);
  const py = t.pyproject;
  const base = t.workspace?.app ?? "";
  const member = base ? readPyproject(p, base) : undefined;
  const deps = dependencyNames(p, member ?? py, t.requirements, base);
  for (const d of py?.dependencies ?? []) deps.add(d);
  const version = pythonVersion({
    pythonVersion: p.read(".python-version"),
    runtimeTxt: p.read("runtime.txt"),
    pipfile: p.read("Pipfile"),
    requiresPython: member?.requiresPython ?? py?.requiresPython,
  });
  const found = pythonEntry(p, deps, base, t.packaged || Boolean(t.workspace));
  const evidence = [
    `${MANIFESTS.filter((m) => p.has(m)).join(", ")} (${t.pm}${found.framework ? `, ${found.framework}` : ""})`,
    ...t.evidence,
  ];
  const notes = [...found.warnings];
  if (py?.parseError) notes.push(`pyproject.toml is not valid TOML (${py.parseError}); fix it before building.`);
  if (!t.lock && t.pm !== "pip")
    notes.push(
      `No lockfile: ${t.pm} resolves dependency versions at build time, so two builds can differ. Commit the lockfile for reproducible images.`,
    );
  // A start command the project declares wins over the framework guess.
  let start = found.start;
  const procfile = procfileCommand(p.read("Procfile"));
  const scripts = { ...(member ?? py)?.scripts };
  const script = t.packaged || t.workspace ? Object.keys(scripts).find((s) => SCRIPT_NAMES.includes(s)) : undefined;
  const task = Object.entries((member ?? py)?.tasks ?? {}).find(([k]) => SCRIPT_NAMES.includes(k));
  if (procfile) {
    start = procfile.argv;
    evidence.push(`Procfile ${procfile.line.slice(0, 120)}`);
  } else if (script) {
    start = [script];
    evidence.push(`console script ${script} = ${scripts[script]}`);
  } else if (task && !/\bpdm\b/.test(task[1])) {
    start = task[1].split(/\s+/).map((a) => a.replace(/\$\{?PORT\}?/, PORT_PLACEHOLDER));
    evidence.push(`[tool.pdm.scripts] ${task[0]} = ${task[1]}`);
  }
  const facts = findPort(p, [".py"], ["app.py", "main.py", "wsgi.py", "asgi.py", "manage.py"]);
  // A port the start command fixes (a Procfile's `gunicorn --bind 0.0.0.0:5000`) is where the server listens.
  const fixedPort = startPort(start);
  const defaults: Record<string, number> = {
    django: 8000,
    fastapi: 8000,
    starlette: 8000,
    flask: 5000,
    streamlit: 8501,
  };
  const fw = found.framework;
  return {
    stack: "python",
    framework: fw,
    package_manager: t.pm,
    runtime_version: version.version,
    runtime_source: version.source,
    start_command: start,
    build_command: found.collectstatic ? `python ${found.manage ?? "manage.py"} collectstatic --noinput` : undefined,
    detected_port: fixedPort ?? facts.port ?? (fw ? defaults[fw] : undefined),
    port_source: fixedPort
      ? `start command (${start.join(" ").slice(0, 100)})`
      : (facts.source ?? (fw ? `${fw} default` : undefined)),
    reads_port_env: facts.readsPortEnv || start.some((s) => s.includes(PORT_PLACEHOLDER) || s.includes("$PORT")),
    health_check_path: facts.healthPath ?? (fw === "streamlit" ? "/_stcore/health" : undefined),
    entry: found.entry,
    ...(base ? { app_dir: base } : {}),
    ...(t.ambiguous.length || found.ambiguous?.length
      ? { ambiguous: [...t.ambiguous, ...(found.ambiguous ?? [])] }
      : {}),
    ...(notes.length ? { notes } : {}),
    evidence,
  };
};
