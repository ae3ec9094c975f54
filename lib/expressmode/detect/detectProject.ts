// Detects an app's stack by trying each stack detector in a fixed order over one read-only scan.

import { detectDeno } from "./detectDeno.ts";
import { detectElixir } from "./detectElixir.ts";
import type { Detection } from "./detection.ts";
import { detectNode } from "./detectNode.ts";
import { detectDotnet, detectGo, detectJava, detectPhp, detectRuby, detectStatic } from "./detectOthers.ts";
import { detectPython } from "./detectPython.ts";
import { detectUnsupported } from "./detectUnsupported.ts";
import { workspaceRootAbove } from "./node/workspaceRootAbove.ts";
import { uvWorkspaceAbove } from "./python/uvWorkspaceAbove.ts";
import { pythonOverNode, pythonOverNodeNote } from "./pythonOverNode.ts";
import { type Project, scanProject } from "./scanProject.ts";

/** Detectors in priority order: a manifest-backed server stack wins over a stray index.html; Deno before Node (a Deno
 * app may carry a package.json); unsupported stacks before a stray index.html. */
const DETECTORS = [
  detectDeno,
  detectNode,
  detectPython,
  detectGo,
  detectJava,
  detectDotnet,
  detectRuby,
  detectPhp,
  detectElixir,
  detectUnsupported,
  detectStatic,
];

/** The first detector's answer; a Python web app wins over a package.json that only builds its assets. */
const firstDetection = (project: Project): Detection | undefined => {
  const found = DETECTORS.map((d) => d(project)).find((d) => d !== undefined);
  if (found?.stack !== "node" && found?.stack !== "static") return found;
  const py = detectPython(project);
  if (!py || !pythonOverNode(project, found, py)) return found;
  return { ...py, ambiguous: [...(py.ambiguous ?? []), pythonOverNodeNote(project, found)] };
};

/** What containerize_app learns from the folder, plus the facts about existing container files. */
export interface ProjectAnalysis {
  readonly detection: Detection;
  readonly has_dockerfile: boolean;
  readonly has_dockerignore: boolean;
  readonly existing_dockerfile?: string;
  readonly files_scanned: number;
  readonly scan_truncated: boolean;
  readonly project: Project;
  /** When app_path is one app of a monorepo: the workspace root, which is the build context (absolute). */
  readonly build_context?: string;
}

/** Scans `root` (validated, absolute) and returns the first detector's answer, or stack `unknown`. */
export const detectProject = (root: string): ProjectAnalysis => {
  const project = scanProject(root);
  const above = project.has("package.json") || project.has("project.json") ? workspaceRootAbove(root) : undefined;
  const pyAbove = !above && project.has("pyproject.toml") ? uvWorkspaceAbove(root) : undefined;
  const member = above
    ? detectNode(scanProject(above.root), above.dir)
    : pyAbove
      ? detectPython(scanProject(pyAbove.root), pyAbove.dir)
      : undefined;
  const ws = above ?? pyAbove;
  const detection =
    member ??
    firstDetection(project) ??
    ({
      stack: "unknown",
      start_command: [],
      evidence: [
        "no known manifest (package.json, requirements.txt, go.mod, pom.xml, Gemfile, *.csproj, composer.json, index.html)",
      ],
    } satisfies Detection);
  const existing = project.read("Dockerfile");
  return {
    detection,
    has_dockerfile: existing !== undefined,
    has_dockerignore: project.has(".dockerignore"),
    existing_dockerfile: existing?.slice(0, 4000),
    files_scanned: project.files.length,
    scan_truncated: project.truncated,
    project: member && ws ? scanProject(ws.root) : project,
    ...(member && ws ? { build_context: ws.root } : {}),
  };
};
