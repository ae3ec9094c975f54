// Dockerfile for Deno apps: dependencies cached at build time as the image's unprivileged `deno` user.
import { COMMON_REASONS, cmd, type GenerateInput, header, type Proposal } from "./proposal.ts";

/** Deno publishes its images on Docker Hub (denoland/deno), not in the Docker library mirror on public ECR. */
const DENO_IMAGE = "docker.io/denoland/deno:debian";

/** Generates the Deno Dockerfile. */
export const dockerfileDeno = ({ detection: d, project, port }: GenerateInput): Proposal => {
  const cfg = ["deno.json", "deno.jsonc"].find((f) => project.has(f));
  const lock = project.has("deno.lock");
  return {
    base_image: DENO_IMAGE,
    dockerfile: `${[
      header(d),
      `FROM ${DENO_IMAGE}`,
      "WORKDIR /app",
      "RUN chown deno:deno /app",
      "USER deno",
      ...(cfg ? [`COPY --chown=deno:deno ${cfg}${lock ? " deno.lock" : ""} ./`, "RUN deno install"] : []),
      "COPY --chown=deno:deno . .",
      ...(d.entry ? [`RUN deno cache ${lock ? "--frozen " : ""}${d.entry}`] : []),
      ...(d.build_command ? [`RUN ${d.build_command}`] : []),
      `ENV PORT=${port}`,
      `EXPOSE ${port}`,
      cmd(d.start_command, port),
    ].join("\n")}\n`,
    reasons: [
      ...COMMON_REASONS.filter((r) => !r.startsWith("Base images come from public.ecr.aws")),
      `${DENO_IMAGE}: Deno's own image (Deno is not in the Docker library); pin a version tag (e.g. debian-2.x.y) for reproducible builds.`,
      `Dependencies are cached while building${lock ? " and checked against deno.lock (--frozen)" : ""}, so the container does not download at start.`,
      "Runs as the image's `deno` user; `deno run` gets only the permissions the start command names.",
    ],
    warnings: d.reads_port_env
      ? []
      : [`The app does not read $PORT: make it listen on ${port} (Deno.serve({ port })).`],
  };
};
