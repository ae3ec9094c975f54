// Finds the Go main package to build: a go.work workspace's modules, `cmd/<name>` binaries, or the module root.
import type { Project } from "./scanProject.ts";

/** The package path to `go build` (`.`, `./cmd/api`, `./services/api/cmd/server`) and what was ambiguous. */
export interface GoMain {
  readonly pkg: string;
  readonly name: string;
  /** The module folder holding go.mod for the chosen package ("" = root). */
  readonly module: string;
  readonly workspace: readonly string[];
  readonly ambiguous: readonly string[];
}

const SERVER_NAMES = ["server", "api", "web", "app", "http", "service"];

/** `use ./a` and `use ( ./a ./b )` lines of go.work. */
export const goWorkModules = (goWork: string): string[] => {
  const out: string[] = [];
  for (const m of goWork.matchAll(/^use\s+(?:\(([^)]*)\)|(\S+))/gm))
    for (const dir of (m[1] ?? m[2] ?? "").split(/\s+/).filter((s) => s && !s.startsWith("//")))
      out.push(dir.replace(/^\.\/?/, "").replace(/\/$/, ""));
  return out;
};

/** Main packages (folders whose .go files declare `package main`) under `base`, cmd/ first. */
const mains = (p: Project, base: string): string[] => {
  const dirs = new Set<string>();
  for (const f of p.files) {
    if (!f.endsWith(".go") || f.endsWith("_test.go") || (base && !f.startsWith(`${base}/`))) continue;
    if (/^package main\b/m.test(p.read(f) ?? "")) dirs.add(f.includes("/") ? f.slice(0, f.lastIndexOf("/")) : "");
  }
  return [...dirs].sort();
};

/** Picks the main package, preferring one that serves HTTP and a conventional server name. */
export const goMainPackage = (p: Project): GoMain => {
  const workspace = p.has("go.work") ? goWorkModules(p.read("go.work") ?? "") : [];
  const modules = workspace.length ? workspace : [""];
  const candidates = modules.flatMap((m) => mains(p, m).map((dir) => ({ dir, module: m })));
  const serves = (dir: string) =>
    p.files.some(
      (f) =>
        f.startsWith(dir ? `${dir}/` : "") &&
        f.endsWith(".go") &&
        /ListenAndServe|\.Run\(|\.Start\(|\.Listen\(/.test(p.read(f) ?? ""),
    );
  const base = (dir: string) => dir.split("/").pop() ?? "";
  const ranked = [...candidates].sort(
    (a, b) =>
      Number(serves(b.dir)) - Number(serves(a.dir)) ||
      Number(SERVER_NAMES.includes(base(b.dir))) - Number(SERVER_NAMES.includes(base(a.dir))) ||
      a.dir.length - b.dir.length,
  );
  const chosen = ranked[0] ?? { dir: "", module: "" };
  const ambiguous =
    candidates.length > 1
      ? [
          `${candidates.length} main packages (${candidates.map((c) => c.dir || ".").join(", ")}): built ${chosen.dir || "."}${serves(chosen.dir) ? " (it serves HTTP)" : ""}`,
        ]
      : [];
  return {
    pkg: chosen.dir ? `./${chosen.dir}` : ".",
    name: base(chosen.dir) || "server",
    module: chosen.module,
    workspace,
    ambiguous,
  };
};
