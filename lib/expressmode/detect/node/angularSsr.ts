// Angular with server-side rendering (`ng new --ssr`, `ng add @angular/ssr`): the application builder writes a Node
// server to `<outputPath>/server/server.mjs` beside the browser files; that server is what the container runs.
import type { Project } from "../scanProject.ts";
import { execForm } from "./startCommand.ts";

interface AngularBuild {
  builder?: string;
  options?: {
    outputPath?: string | { base?: string; server?: string };
    ssr?: boolean | { entry?: string };
    outputMode?: string;
    security?: { allowedHosts?: string[] };
  };
}
interface AngularJson {
  defaultProject?: string;
  projects?: Record<string, { projectType?: string; architect?: { build?: AngularBuild } }>;
}

/**
 * `{ start, source }` when the application project builds an SSR server (`ssr` set and `outputMode` not "static"),
 * else undefined. The project's `serve:ssr:<project>` (or `serve:ssr`) script wins when it runs node directly.
 */
export const angularSsr = (
  p: Project,
  scripts: Readonly<Record<string, string>>,
): { start: string[]; source: string; notes: string[] } | undefined => {
  const a = p.json<AngularJson>("angular.json");
  const apps = Object.entries(a?.projects ?? {}).filter(([, v]) => (v.projectType ?? "application") === "application");
  const [name, proj] = apps.find(([n]) => n === a?.defaultProject) ?? apps[0] ?? [];
  const o = proj?.architect?.build?.options;
  if (!name || !o?.ssr || o.outputMode === "static") return undefined;
  // @angular/ssr renders only for allowed Host headers and falls back to client-side rendering for others
  // (https://angular.dev/best-practices/security#preventing-server-side-request-forgery-ssrf).
  const entry = typeof o.ssr === "object" ? o.ssr.entry : undefined;
  const hosts = o.security?.allowedHosts?.length || /allowedHosts/.test(entry ? (p.read(entry) ?? "") : "");
  const notes = hosts
    ? []
    : [
        "Angular SSR renders on the server only for Host headers it allows (security.allowedHosts in angular.json, allowedHosts in the server, or the NG_ALLOWED_HOSTS variable); other requests get the client-rendered page. Set NG_ALLOWED_HOSTS to the service's domain when you deploy.",
      ];
  for (const key of [`serve:ssr:${name}`, "serve:ssr"]) {
    const ex = scripts[key] ? execForm(scripts[key]) : undefined;
    if (ex?.command[0] === "node") return { start: ex.command, source: `package.json ${key}: ${scripts[key]}`, notes };
  }
  const out = o.outputPath;
  const base = (typeof out === "string" ? out : out?.base) ?? `dist/${name}`;
  const server = (typeof out === "object" ? out.server : undefined) ?? "server";
  return {
    notes,
    start: ["node", `${base.replace(/^\.\//, "").replace(/\/$/, "")}/${server}/server.mjs`],
    source: "angular.json ssr",
  };
};
