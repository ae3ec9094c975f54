// Placeholder values for the settings a Django project requires from the environment, so collectstatic can run at build time.
import { djangoSettingsFiles } from "../detect/python/djangoSettings.ts";
import type { Project } from "../detect/scanProject.ts";

/** `env("X")`, `env.str("X")`, `os.environ["X"]` without a default: importing the settings fails when X is unset. */
const REQUIRED = /(?:\benv(?:\.\w+)?\(\s*|environ\[\s*)["']([A-Z][A-Z0-9_]*)["']\s*[)\]]/g;

/**
 * `NAME=collectstatic-placeholder` for each variable the settings modules read without a default. They are set on
 * the collectstatic RUN line only (not ENV), so no placeholder reaches the running container.
 */
export const djangoBuildEnv = (p: Project): string[] => {
  const names = new Set<string>();
  for (const f of djangoSettingsFiles(p)) for (const m of (p.read(f) ?? "").matchAll(REQUIRED)) names.add(m[1]!);
  return [...names].sort().map((n) => `${n}=collectstatic-placeholder`);
};
