// Dockerfile for Phoenix apps: a mix release built on the Elixir image, run on Debian slim (the phx.gen.release shape).
import { COMMON_REASONS, cmd, ECR_LIBRARY, type GenerateInput, header, type Proposal } from "./proposal.ts";

/** Generates the Phoenix release Dockerfile. */
export const dockerfileElixir = ({ detection: d, project, port }: GenerateInput): Proposal => {
  const builder = `${ECR_LIBRARY}/elixir:${d.runtime_version ?? "1.17"}-slim`;
  const base = `${ECR_LIBRARY}/debian:bookworm-slim`;
  const app = d.entry ?? "app";
  const configs = ["config/config.exs", `config/prod.exs`].filter((f) => project.has(f));
  return {
    base_image: base,
    dockerfile: `${[
      header(d),
      `FROM ${builder} AS build`,
      "RUN apt-get update && apt-get install -y --no-install-recommends build-essential git && rm -rf /var/lib/apt/lists/*",
      "WORKDIR /app",
      "ENV MIX_ENV=prod",
      "RUN mix local.hex --force && mix local.rebar --force",
      `COPY mix.exs ${project.has("mix.lock") ? "mix.lock " : ""}./`,
      "RUN mix deps.get --only prod",
      ...(configs.length ? [`COPY ${configs.join(" ")} config/`] : []),
      "RUN mix deps.compile",
      "COPY . .",
      `RUN ${d.build_command ?? "mix release"}`,
      "",
      `FROM ${base}`,
      "RUN apt-get update && apt-get install -y --no-install-recommends libstdc++6 openssl libncurses6 locales ca-certificates && rm -rf /var/lib/apt/lists/* && useradd --uid 10001 --create-home app",
      `ENV LANG=C.UTF-8 MIX_ENV=prod PHX_SERVER=true PORT=${port}`,
      "WORKDIR /app",
      `COPY --from=build --chown=app:app /app/_build/prod/rel/${app} ./`,
      "USER app",
      `EXPOSE ${port}`,
      cmd(d.start_command, port),
    ].join("\n")}\n`,
    reasons: [
      ...COMMON_REASONS,
      `${builder} compiles the release (deps, assets when the app has them, mix release); ${base} runs it with only the runtime libraries ERTS needs.`,
      "PHX_SERVER=true starts the endpoint inside the release; PORT is read by config/runtime.exs.",
    ],
    warnings: [...(d.notes ?? [])],
  };
};
