// Detects Python projects: pip/poetry/uv/pipenv, Flask/FastAPI/Django, the WSGI/ASGI entry, the server command.
import type { Detection } from "./detection.ts";
import { findPort } from "./findPort.ts";
import type { Project } from "./scanProject.ts";

/** `{PORT}` in a start command is replaced by the container port when the Dockerfile is generated. */
export const PORT_PLACEHOLDER = "{PORT}";

const MANIFESTS = ["requirements.txt", "pyproject.toml", "Pipfile", "setup.py", "manage.py"];

/** `module:variable` of the first file that creates the app object, e.g. `app:app` for `app = Flask(__name__)`. */
const appObject = (p: Project, ctor: string): string | undefined => {
  const re = new RegExp(`^(\\w+)\\s*=\\s*${ctor}\\(`, "m");
  for (const f of p.files.filter((f) => f.endsWith(".py")).slice(0, 60)) {
    const m = re.exec(p.read(f) ?? "");
    if (m) return `${f.replace(/\.py$/, "").replaceAll("/", ".")}:${m[1]}`;
  }
  return undefined;
};

/** Python detection (undefined when there is no Python manifest). */
export const detectPython = (p: Project): Detection | undefined => {
  if (!MANIFESTS.some((m) => p.has(m))) return undefined;
  const deps = [p.read("requirements.txt"), p.read("pyproject.toml"), p.read("Pipfile")].join("\n").toLowerCase();
  const dep = (name: string) => new RegExp(`(^|["'\\s])${name}\\b`, "m").test(deps);
  const pm = p.has("uv.lock")
    ? "uv"
    : p.has("poetry.lock") || deps.includes("[tool.poetry]")
      ? "poetry"
      : p.has("Pipfile")
        ? "pipenv"
        : "pip";
  const framework =
    p.has("manage.py") || dep("django") ? "django" : dep("fastapi") ? "fastapi" : dep("flask") ? "flask" : undefined;
  const version = /3\.(\d+)/.exec(
    p.read(".python-version") ??
      /requires-python\s*=\s*"[^"]*?(3\.\d+)/.exec(p.read("pyproject.toml") ?? "")?.[1] ??
      "",
  )?.[1];
  const runtime_version = version === "11" ? "3.11" : "3.12";
  const facts = findPort(p, [".py"], ["app.py", "main.py", "wsgi.py", "asgi.py", "manage.py"]);
  const P = PORT_PLACEHOLDER;
  const evidence = [`${MANIFESTS.filter((m) => p.has(m)).join(", ")} (${pm}${framework ? `, ${framework}` : ""})`];
  let start: string[];
  let entry: string | undefined;
  if (framework === "django") {
    const settings = /DJANGO_SETTINGS_MODULE['"],\s*['"]([\w.]+)\.settings['"]/.exec(p.read("manage.py") ?? "")?.[1];
    entry = settings ? `${settings}.wsgi` : undefined;
    start =
      dep("gunicorn") && entry
        ? ["gunicorn", "--bind", `0.0.0.0:${P}`, entry]
        : ["python", "manage.py", "runserver", `0.0.0.0:${P}`];
  } else if (framework === "fastapi") {
    entry = appObject(p, "FastAPI") ?? "main:app";
    start = ["uvicorn", entry, "--host", "0.0.0.0", "--port", P];
  } else if (framework === "flask") {
    entry = appObject(p, "Flask") ?? "app:app";
    start = dep("gunicorn")
      ? ["gunicorn", "--bind", `0.0.0.0:${P}`, entry]
      : ["flask", "--app", entry, "run", "--host", "0.0.0.0", "--port", P];
  } else {
    const main = ["app.py", "main.py", "server.py"].find((f) => p.has(f)) ?? "app.py";
    start = ["python", main];
  }
  const defaults: Record<string, number> = { django: 8000, fastapi: 8000, flask: 5000 };
  return {
    stack: "python",
    framework,
    package_manager: pm,
    runtime_version,
    start_command: start,
    detected_port: facts.port ?? (framework ? defaults[framework] : undefined),
    port_source: facts.source ?? (framework ? `${framework} default` : undefined),
    reads_port_env: facts.readsPortEnv || start.includes(P) || start.some((s) => s.includes(P)),
    health_check_path: facts.healthPath,
    entry,
    evidence,
  };
};
