// Turns a declared start (package.json script, Procfile web line) into an exec-form command where it safely can.
import type { Project } from "../scanProject.ts";

/** Runners that only wrap another command; a script starting with them stays behind the package manager. */
const WRAPPERS = new Set(["npm", "npx", "yarn", "pnpm", "dotenv", "env", "sh", "bash"]);
/** Dev servers and watchers: never what a production container should run. */
export const DEV_COMMANDS =
  /\b(nodemon|ts-node-dev|tsx watch|next dev|nuxt dev|remix (vite:)?dev|react-router dev|astro dev|vite(?!\s+(build|preview))|webpack serve|react-scripts start|ng serve|--watch)\b/;

/** A script → exec form: `node x`, `bun x`, or a local bin as node_modules/.bin/<bin>; env assignments split off. */
export const execForm = (script: string): { command: string[]; env: Record<string, string> } | undefined => {
  if (/[;&|<>$`()]/.test(script)) return undefined;
  const tokens = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  // `cross-env NODE_ENV=production node server.js`: cross-env only sets variables; the image's ENV does that.
  if (tokens[0] === "cross-env") tokens.shift();
  while (tokens[0] && /^[A-Z_][A-Z0-9_]*=/.test(tokens[0])) {
    const [k, ...v] = tokens.shift()!.split("=");
    env[k!] = v.join("=");
  }
  const [bin, ...rest] = tokens;
  if (!bin || WRAPPERS.has(bin)) return undefined;
  if (bin === "node" || bin === "bun" || bin === "deno") return { command: [bin, ...rest], env };
  return { command: [`node_modules/.bin/${bin}`, ...rest], env };
};

/** The `web:` process of a Procfile, if any. */
export const procfileWeb = (p: Project): string | undefined =>
  /^web:\s*(.+)$/m.exec(p.read("Procfile") ?? "")?.[1]?.trim();
