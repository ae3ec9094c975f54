// Where a Dockerfile is built from: its own folder, or the workspace root its `# build-context:` line names (a
// monorepo app whose install needs the root lockfile and workspace manifests).
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/** Matches the line containerize_app writes into a monorepo app's Dockerfile. */
const LINE = /^# build-context: (\.\.(?:\/\.\.)*)\s*$/m;

/**
 * `{ context, dockerfile }`: dockerfile is set (relative to the context) only when the context is not appPath.
 * `content` is a Dockerfile not written yet (a dry run's proposal); without it the one in appPath is read.
 */
export const buildContextOf = (appPath: string, content?: string): { context: string; dockerfile?: string } => {
  let head = content?.slice(0, 2000) ?? "";
  if (content === undefined)
    try {
      head = readFileSync(join(appPath, "Dockerfile"), "utf8").slice(0, 2000);
    } catch {
      return { context: appPath };
    }
  const rel = LINE.exec(head)?.[1];
  if (!rel) return { context: appPath };
  const context = resolve(appPath, rel);
  return { context, dockerfile: join(relative(context, appPath), "Dockerfile") };
};
