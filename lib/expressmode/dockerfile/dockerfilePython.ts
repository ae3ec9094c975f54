// Dockerfile for Python apps: dependencies into a virtualenv in a build stage, unprivileged user, production server CMD.
import {
  COMMON_REASONS,
  cmd,
  ECR_LIBRARY,
  type GenerateInput,
  header,
  healthcheck,
  type Proposal,
} from "./proposal.ts";

/** The dependency install step per package manager (everything ends up in /opt/venv). */
const install = (pm: string | undefined, hasRequirements: boolean, hasPyproject: boolean): [string, string] => {
  if (pm === "poetry")
    return [
      "COPY pyproject.toml poetry.lock* ./",
      "RUN pip install poetry poetry-plugin-export && poetry export --without-hashes -f requirements.txt -o /tmp/requirements.txt && pip install -r /tmp/requirements.txt",
    ];
  if (pm === "uv")
    return [
      "COPY pyproject.toml uv.lock ./",
      "RUN pip install uv && uv export --no-dev --no-hashes --format requirements-txt -o /tmp/requirements.txt && pip install -r /tmp/requirements.txt",
    ];
  if (pm === "pipenv")
    return [
      "COPY Pipfile Pipfile.lock* ./",
      "RUN pip install pipenv && pipenv requirements > /tmp/requirements.txt && pip install -r /tmp/requirements.txt",
    ];
  if (hasRequirements) return ["COPY requirements.txt ./", "RUN pip install -r requirements.txt"];
  if (hasPyproject) return ["COPY . .", "RUN pip install ."];
  return ["", ""];
};

/** Generates the Python Dockerfile. */
export const dockerfilePython = ({ detection: d, project, port, healthPath }: GenerateInput): Proposal => {
  const base = `${ECR_LIBRARY}/python:${d.runtime_version ?? "3.12"}-slim`;
  const [copy, run] = install(d.package_manager, project.has("requirements.txt"), project.has("pyproject.toml"));
  const warnings: string[] = [];
  if (d.start_command.includes("runserver"))
    warnings.push(
      "Django runs with its development server: add gunicorn to the requirements for production (the Dockerfile then uses it).",
    );
  if (d.start_command[0] === "flask")
    warnings.push(
      "Flask runs with its development server: add gunicorn to requirements.txt for production (the Dockerfile then uses it).",
    );
  const probe = `python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${port}${healthPath}', timeout=4)"`;
  const dockerfile = [
    header(d),
    `FROM ${base} AS build`,
    "ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1",
    "WORKDIR /app",
    "RUN python -m venv /opt/venv",
    "ENV PATH=/opt/venv/bin:$PATH",
    copy,
    run,
    "",
    `FROM ${base}`,
    `ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH PORT=${port}`,
    "RUN useradd --create-home --uid 10001 app",
    "WORKDIR /app",
    "COPY --from=build /opt/venv /opt/venv",
    "COPY --chown=app:app . .",
    "USER app",
    `EXPOSE ${port}`,
    healthcheck(probe),
    cmd(d.start_command, port),
    "",
  ]
    .filter((l, i, all) => l !== "" || all[i - 1] !== "")
    .join("\n");
  return {
    base_image: base,
    dockerfile,
    reasons: [
      ...COMMON_REASONS,
      `${base}: Debian slim with CPython ${d.runtime_version ?? "3.12"}.`,
      "Dependencies install into /opt/venv in the build stage; only the virtualenv and the source reach the final image (no pip cache, no compilers).",
      "PYTHONUNBUFFERED=1 so logs reach CloudWatch immediately.",
      `CMD: ${d.start_command.join(" ").replaceAll("{PORT}", String(port))}${d.start_command[0] === "gunicorn" || d.start_command[0] === "uvicorn" ? " (a production server)" : ""}.`,
    ],
    warnings,
  };
};
