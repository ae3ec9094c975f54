// Looks for a container CLI (docker, finch, podman) on PATH and asks it for its version, with a short timeout.
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import type { DoctorCheck } from "./check.ts";

const RUNTIMES = ["docker", "finch", "podman"] as const;

/** Full path of `name` on `path` (PATHEXT on Windows), or undefined. */
export const which = (name: string, path: string, platform = process.platform): string | undefined => {
  const exts = platform === "win32" ? ["", ".exe", ".cmd", ".bat"] : [""];
  for (const dir of path.split(delimiter).filter(Boolean))
    for (const ext of exts) {
      const p = join(dir, name + ext);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {}
    }
  return undefined;
};

const answers = (file: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ ok: boolean; tail: string }> =>
  new Promise((resolve) => {
    const child = spawn(file, ["version"], { env, stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (e) => resolve({ ok: false, tail: e.message }));
    child.on("close", (code) => resolve({ ok: code === 0, tail: out.trim().split("\n").slice(-1)[0] ?? "" }));
  });

/** ok when a runtime answers `version`; warn otherwise (only the build/push tools need one). */
export const checkContainerRuntime = async (env: NodeJS.ProcessEnv, timeoutMs: number): Promise<DoctorCheck> => {
  const found = RUNTIMES.map((r) => ({ name: r, path: which(r, env.PATH ?? "") })).filter((r) => r.path);
  const name = "container runtime";
  if (found.length === 0)
    return {
      name,
      status: "warn",
      detail: "none of docker, finch, podman is on PATH",
      fix: "Only needed to build and push images: install Docker, Finch or Podman, and make sure the MCP client passes a PATH that contains it.",
    };
  const problems: string[] = [];
  for (const r of found) {
    const v = await answers(r.path!, env, timeoutMs);
    if (v.ok) return { name, status: "ok", detail: `${r.name} (${r.path}) answers \`${r.name} version\`` };
    problems.push(`${r.name} (${r.path}): ${v.tail || "`version` failed"}`);
  }
  return {
    name,
    status: "warn",
    detail: `installed but not answering: ${problems.join("; ")}`,
    fix: "Start the engine: the Docker daemon / Docker Desktop, `finch vm start`, or `podman machine start`.",
  };
};
