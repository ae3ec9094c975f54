// The dependency install steps of the Python Dockerfile, one recipe per package manager (all into /opt/venv).
import type { Detection } from "../detect/detection.ts";
import { localRequirement, type PythonTooling } from "../detect/python/pythonTooling.ts";
import { poetryRequirement } from "./poetryRequirement.ts";

/** Lines of the build stage that install dependencies, then the project itself when it is a package. */
export interface InstallSteps {
  /** Manifests and lockfiles copied before the dependency install (a cached layer until they change). */
  readonly deps: string[];
  /** After `COPY . .`: install the project itself (packaged projects only). */
  readonly project: string[];
  readonly reasons: string[];
}

const reqTxt = "/tmp/requirements.txt";

/** Folders of the files a root requirements file includes (`-r requirements/prod.txt`, `-c constraints/x.txt`). */
const includedDirs = (text: string | undefined): string[] => {
  const files = [...(text ?? "").matchAll(/^\s*(?:-r|-c|--requirement|--constraint)[=\s]+(\S+)/gm)].map((m) => m[1]!);
  const dirs = files
    .filter((f) => f.includes("/"))
    .map((f) => f.replace(/^\.\//, "").slice(0, f.replace(/^\.\//, "").lastIndexOf("/")));
  return [...new Set(dirs.filter((x) => x && !x.startsWith("..")))];
};

/** Install recipe for the detected package manager; `requirementsText` is the requirements file's text, `lockText` the lockfile's. */
export const pythonInstall = (
  d: Detection,
  t: PythonTooling,
  requirementsText?: string,
  lockText?: string,
): InstallSteps => {
  const lock = t.lock;
  if (t.pm === "uv") {
    const members = t.workspace?.members ?? [];
    const pkg = t.workspace?.appName ? ` --package ${t.workspace.appName}` : "";
    const locked = lock ? " --locked" : "";
    return {
      deps: [
        "ARG UV_DEFAULT_INDEX=https://pypi.org/simple",
        "RUN pip install uv",
        `ENV UV_PROJECT_ENVIRONMENT=/opt/venv UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never UV_PYTHON=/opt/venv/bin/python`,
        `COPY pyproject.toml ${lock ? "uv.lock " : ""}./`,
        ...members.map((m) => `COPY ${m}/pyproject.toml ${m}/pyproject.toml`),
        `RUN uv sync${locked} --no-dev${pkg} ${members.length ? "--no-install-workspace" : "--no-install-project"}`,
      ],
      project: t.packaged || members.length ? [`RUN uv sync${locked} --no-dev${pkg} --no-editable`] : [],
      reasons: [
        `uv installs ${lock ? "exactly what uv.lock pins (--locked fails the build when the lock is out of date with pyproject.toml)" : "after resolving (no uv.lock: commit one for reproducible builds)"}, without dev dependencies, into /opt/venv.`,
        members.length
          ? `uv workspace: every member's pyproject.toml is copied before the dependency install; ${t.workspace?.appName ?? "the app"} and the members it uses are installed after the sources.`
          : t.packaged
            ? "Packaged project (build system present): dependencies install first without the project (a cached layer), then the project itself."
            : "Virtual project (no build system): only the dependencies are installed; the sources are copied as they are.",
      ],
    };
  }
  if (t.pm === "poetry") {
    const only = "--only main --no-interaction --no-ansi";
    const poetry = poetryRequirement(t.pyproject, lockText);
    const spec = poetry.spec === "poetry" ? "poetry" : `"${poetry.spec}"`;
    return {
      deps: [
        `RUN python -m venv /opt/poetry && /opt/poetry/bin/pip install ${spec}`,
        "ENV VIRTUAL_ENV=/opt/venv POETRY_VIRTUALENVS_CREATE=false",
        `COPY pyproject.toml ${lock ? "poetry.lock " : ""}./`,
        `RUN /opt/poetry/bin/poetry install ${only} --no-root`,
      ],
      project: t.packaged ? [`RUN /opt/poetry/bin/poetry install ${only}`] : [],
      reasons: [
        lock
          ? "Poetry installs the main group from poetry.lock (it refuses a lock that no longer matches pyproject.toml)."
          : "No poetry.lock: Poetry resolves the dependencies while the image builds (versions can drift between builds; commit poetry.lock).",
        "Poetry runs from its own virtualenv (/opt/poetry) and installs into /opt/venv (VIRTUAL_ENV), so it does not reach the final image.",
        ...(poetry.reason ? [poetry.reason] : []),
      ],
    };
  }
  if (t.pm === "pdm") {
    return {
      deps: [
        "RUN python -m venv /opt/pdm && /opt/pdm/bin/pip install pdm",
        "ENV PDM_CHECK_UPDATE=false",
        `COPY pyproject.toml ${lock ? "pdm.lock " : ""}./`,
        `RUN /opt/pdm/bin/pdm export --prod --without-hashes -o ${reqTxt} && pip install -r ${reqTxt}`,
      ],
      project: t.packaged ? ["RUN pip install --no-deps ."] : [],
      reasons: [
        `PDM exports the production dependencies${lock ? " pinned by pdm.lock" : " (no pdm.lock: resolved now; commit one)"} and pip installs them into /opt/venv.`,
      ],
    };
  }
  if (t.pm === "pipenv") {
    return {
      deps: [
        "RUN python -m venv /opt/pipenv && /opt/pipenv/bin/pip install pipenv",
        `COPY Pipfile ${lock ? "Pipfile.lock " : ""}./`,
        lock
          ? `RUN /opt/pipenv/bin/pipenv requirements > ${reqTxt} && pip install -r ${reqTxt}`
          : `RUN /opt/pipenv/bin/pipenv lock && /opt/pipenv/bin/pipenv requirements > ${reqTxt} && pip install -r ${reqTxt}`,
      ],
      project: [],
      reasons: [
        `Pipenv turns ${lock ? "Pipfile.lock" : "a fresh lock (no Pipfile.lock committed)"} into pinned requirements (default packages only) that pip installs into /opt/venv.`,
      ],
    };
  }
  if (t.requirements && localRequirement(requirementsText)) {
    return {
      deps: [],
      project: [`RUN pip install -r ${t.requirements}`],
      reasons: [
        `${t.requirements} installs the project itself (\`-e .\` or \`.\`): the sources are copied before the install.`,
      ],
    };
  }
  if (t.requirements) {
    const dir = t.requirements.includes("/") ? t.requirements.slice(0, t.requirements.lastIndexOf("/")) : undefined;
    // A root requirements.txt that only includes `-r requirements/prod.txt`: the included folders are copied too.
    const included = dir ? [] : includedDirs(requirementsText);
    return {
      deps: [
        ...(dir ? [`COPY ${dir}/ ${dir}/`] : [`COPY ${t.requirements} ./`, ...included.map((x) => `COPY ${x}/ ${x}/`)]),
        `RUN pip install -r ${t.requirements}`,
      ],
      project: [],
      reasons: [
        `pip installs ${t.requirements}${dir || included.length ? ` (${dir ? "the folder is" : `${included.join(", ")} ${included.length > 1 ? "are" : "is"}`} copied: requirement files include each other)` : ""} into /opt/venv.`,
      ],
    };
  }
  if (t.pyproject || d.evidence.some((e) => e.includes("setup.py")))
    return {
      deps: [],
      project: ["RUN pip install ."],
      reasons: ["pip installs the project and its dependencies into /opt/venv."],
    };
  return { deps: [], project: [], reasons: [] };
};
