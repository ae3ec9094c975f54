// Detects Elixir Phoenix apps (mix.exs with :phoenix): built as a mix release and started with PHX_SERVER=true.
import type { Detection } from "./detection.ts";
import { findPort } from "./findPort.ts";
import type { Project } from "./scanProject.ts";

/** Phoenix detection; a mix.exs without Phoenix is left to the unsupported detector. */
export const detectElixir = (p: Project): Detection | undefined => {
  const mix = p.read("mix.exs");
  if (mix === undefined || !/\{:phoenix,/.test(mix)) return undefined;
  const app = /app:\s*:(\w+)/.exec(mix)?.[1] ?? "app";
  const facts = findPort(p, [".exs", ".ex"], ["config/runtime.exs", "config/prod.exs"]);
  const assets = p.has("assets/package.json") || /assets\.deploy/.test(mix) || /:esbuild|:tailwind/.test(mix);
  return {
    stack: "elixir",
    framework: "phoenix",
    package_manager: "mix",
    runtime_version: /elixir:\s*"~>\s*(1\.\d+)/.exec(mix)?.[1] ?? "1.17",
    start_command: [`/app/bin/${app}`, "start"],
    build_command: `mix deps.get --only prod && mix compile${assets ? " && mix assets.deploy" : ""} && mix release`,
    detected_port: facts.port ?? 4000,
    port_source: facts.source ?? "Phoenix default (4000)",
    reads_port_env: facts.readsPortEnv || /System\.get_env\("PORT"\)/.test(p.read("config/runtime.exs") ?? ""),
    health_check_path: facts.healthPath,
    entry: app,
    notes: [
      "A Phoenix release needs SECRET_KEY_BASE (and DATABASE_URL when it uses Ecto) at runtime: pass them as ECS secrets.",
    ],
    evidence: [`mix.exs (phoenix, app :${app})${assets ? ", assets" : ""}`],
  };
};
