// Dockerfile for Python apps: dependencies into a virtualenv in a build stage, unprivileged user, production server CMD.
import { pythonTooling } from "../detect/python/pythonTooling.ts";
import { djangoBuildEnv } from "./djangoBuildEnv.ts";
import {
  COMMON_REASONS,
  cmd,
  ECR_LIBRARY,
  type GenerateInput,
  header,
  healthcheck,
  type Proposal,
} from "./proposal.ts";
import { pythonInstall } from "./pythonInstall.ts";

/** Generates the Python Dockerfile. */
export const dockerfilePython = ({ detection: d, project, port, healthPath }: GenerateInput): Proposal => {
  const version = d.runtime_version ?? "3.12";
  const base = `${ECR_LIBRARY}/python:${version}-slim`;
  const tooling = pythonTooling(project);
  const steps = pythonInstall(
    d,
    tooling,
    tooling.requirements ? project.read(tooling.requirements) : undefined,
    tooling.lock ? project.read(tooling.lock) : undefined,
  );
  const warnings = [...(d.notes ?? []), ...(d.ambiguous ?? []).map((a) => `Ambiguous: ${a}.`)];
  const probe = `python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${port}${healthPath}', timeout=4)"`;
  const collect = d.build_command?.includes("collectstatic");
  const buildEnv = collect ? djangoBuildEnv(project) : [];
  const dockerfile = [
    header(d),
    `FROM ${base} AS build`,
    "# Point the build at a private package index with --build-arg PIP_INDEX_URL=... (the default is PyPI).",
    "ARG PIP_INDEX_URL=https://pypi.org/simple",
    "ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1",
    "WORKDIR /app",
    "RUN python -m venv /opt/venv",
    "ENV PATH=/opt/venv/bin:$PATH",
    ...steps.deps,
    ...(steps.project.length ? ["COPY . .", ...steps.project] : []),
    "",
    `FROM ${base}`,
    `ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH PORT=${port}`,
    "RUN useradd --create-home --uid 10001 app",
    "WORKDIR /app",
    "COPY --from=build /opt/venv /opt/venv",
    "COPY --chown=app:app . .",
    ...(collect ? [`RUN ${[...buildEnv, d.build_command].join(" ")}`] : []),
    "USER app",
    `EXPOSE ${port}`,
    healthcheck(probe),
    cmd(d.start_command, port),
    "",
  ]
    .filter((l, i, all) => l !== "" || all[i - 1] !== "")
    .join("\n");
  const server = d.start_command[0] ?? "";
  return {
    base_image: base,
    dockerfile,
    reasons: [
      ...COMMON_REASONS,
      `${base}: Debian slim with CPython ${version} (${d.runtime_source ?? "default"}).`,
      ...steps.reasons,
      "Only the virtualenv and the sources reach the final image (no pip cache, no build tools, no package manager).",
      ...(collect
        ? [
            "Django's collectstatic runs in the image (STATIC_ROOT is set); serve /static with WhiteNoise or a CDN, Gunicorn does not.",
          ]
        : []),
      "PYTHONUNBUFFERED=1 so logs reach CloudWatch immediately.",
      `CMD: ${d.start_command.join(" ").replaceAll("{PORT}", String(port))}${["gunicorn", "uvicorn"].includes(server) ? " (a production server)" : ""}.`,
    ],
    warnings,
  };
};
