// The files that make up a Django project's settings: `settings.py` / `settings/` by convention, and the module
// manage.py, wsgi.py or asgi.py name in DJANGO_SETTINGS_MODULE (e.g. `config.django.base`) with its sibling modules.
import type { Project } from "../scanProject.ts";

const SETS_MODULE = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']/g;

const dirOf = (f: string) => (f.includes("/") ? f.slice(0, f.lastIndexOf("/")) : "");

/** Settings files among `files` (relative paths of `p`), conventional names first, then the named modules' packages. */
export const djangoSettingsFiles = (p: Project, files: readonly string[] = p.files): string[] => {
  const py = files.filter((f) => f.endsWith(".py"));
  const out = new Set(py.filter((f) => /(^|\/)settings(\/|\.py$)/.test(f)));
  for (const entry of py.filter((f) => /(^|\/)(manage|wsgi|asgi)\.py$/.test(f)))
    for (const m of (p.read(entry) ?? "").matchAll(SETS_MODULE)) {
      const rel = m[1]!.replaceAll(".", "/");
      const hit = py.find((f) => f === `${rel}.py` || f.endsWith(`/${rel}.py`) || f.endsWith(`/${rel}/__init__.py`));
      if (!hit) continue;
      // `from .base import *`: the other modules of the settings package are settings too.
      const dir = dirOf(hit);
      for (const f of py) if (dirOf(f) === dir || f.startsWith(`${dir}/`) || f === hit) out.add(f);
    }
  return [...out];
};
