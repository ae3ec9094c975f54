// A Python web app that carries a package.json for its front-end assets (webpack, Vite, Tailwind): the container runs
// the Python server, not Node.
import type { Detection } from "./detection.ts";
import { procfileWeb } from "./node/startCommand.ts";
import type { Project } from "./scanProject.ts";

const PYTHON_SERVERS = /^(gunicorn|uvicorn|daphne|hypercorn|waitress-serve|granian|python3?|flask|django-admin)\b/;

/**
 * True when `py` (a Python web framework was found) is the app rather than `node`: the Procfile's web process starts
 * a Python server, or the Node side is only an asset build (a static build, or no Node framework and no Node start).
 */
export const pythonOverNode = (p: Project, node: Detection, py: Detection | undefined): boolean => {
  if (!py?.framework || node.framework === "monorepo") return false;
  if (PYTHON_SERVERS.test(procfileWeb(p) ?? "")) return true;
  if (node.stack === "static") return true;
  const runsNode =
    /^(node|bun)$/.test(node.start_command[0] ?? "") &&
    !(node.notes ?? []).some((n) => n.startsWith("No start command"));
  return node.framework === undefined && !runsNode;
};

/** The note saying what was chosen and what the package.json is left for. */
export const pythonOverNodeNote = (p: Project, node: Detection): string => {
  const build = p.json<{ scripts?: Record<string, string> }>("package.json")?.scripts?.build;
  return `package.json beside a ${node.framework ? `${node.framework} ` : ""}Python web app: containerized as Python; the Node side is taken for front-end assets${build ? ` (its build, \`${build.slice(0, 80)}\`, is not run in the image: build the assets before the image or add a Node stage)` : ""}`;
};
