// Detects Deno apps (deno.json / deno.jsonc): the `start` task or the main module, run with the permissions it needs.
import type { Detection } from "./detection.ts";
import { findPort } from "./findPort.ts";
import type { Project } from "./scanProject.ts";

/** deno.json(c) with comments stripped (JSONC), or undefined. */
const denoConfig = (p: Project): { file: string; json: Record<string, unknown> } | undefined => {
  for (const file of ["deno.json", "deno.jsonc"]) {
    const text = p.read(file);
    if (text === undefined) continue;
    try {
      return { file, json: JSON.parse(text.replace(/^\s*\/\/.*$/gm, "").replace(/,(\s*[}\]])/g, "$1")) };
    } catch {
      return { file, json: {} };
    }
  }
  return undefined;
};

/** Deno detection: a config file, or a main.ts/server.ts importing from jsr:, npm: or deno.land with no package.json. */
export const detectDeno = (p: Project): Detection | undefined => {
  const cfg = denoConfig(p);
  const main = ["main.ts", "server.ts", "mod.ts", "main.js", "src/main.ts"].find((f) => p.has(f));
  if (!cfg && !(main && !p.has("package.json") && /from ["'](jsr:|npm:|https:\/\/deno\.land)/.test(p.read(main) ?? "")))
    return undefined;
  const tasks = (cfg?.json.tasks ?? {}) as Record<string, string | { command?: string }>;
  const task = ["start", "serve", "prod"].find((t) => tasks[t] !== undefined);
  const raw = task ? tasks[task] : undefined;
  const taskCmd = typeof raw === "string" ? raw : raw?.command;
  const start = taskCmd
    ? ["deno", "task", task!]
    : ["deno", "run", "--allow-net", "--allow-env", "--allow-read", main ?? "main.ts"];
  const facts = findPort(p, [".ts", ".tsx", ".js"], [main ?? "main.ts"]);
  const fresh = Object.keys((cfg?.json.imports ?? {}) as object).some((k) => k.startsWith("$fresh") || k === "fresh");
  return {
    stack: "deno",
    framework: fresh ? "fresh" : /from ["'][^"']*oak/.test(p.read(main ?? "") ?? "") ? "oak" : undefined,
    package_manager: "deno",
    runtime_version: "2",
    start_command: start,
    build_command: tasks.build !== undefined ? "deno task build" : undefined,
    detected_port: facts.port ?? 8000,
    port_source: facts.source ?? "Deno.serve default (8000)",
    reads_port_env: facts.readsPortEnv || /Deno\.env\.get\(\s*["']PORT["']/.test(p.read(main ?? "") ?? ""),
    health_check_path: facts.healthPath,
    entry: main,
    evidence: [
      cfg ? `${cfg.file}${task ? ` (task ${task}: ${String(taskCmd).slice(0, 80)})` : ""}` : `${main} (Deno imports)`,
    ],
  };
};
