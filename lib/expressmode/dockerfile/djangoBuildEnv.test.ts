// Django settings that need environment variables get placeholders on the collectstatic line only.
import { expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scanProject } from "../detect/scanProject.ts";
import { djangoBuildEnv } from "./djangoBuildEnv.ts";

test("variables read without a default are listed; those with a default are not", () => {
  const dir = mkdtempSync(join(tmpdir(), "djenv-"));
  mkdirSync(join(dir, "config/settings"), { recursive: true });
  writeFileSync(
    join(dir, "config/settings/production.py"),
    [
      'SECRET_KEY = env("DJANGO_SECRET_KEY")',
      'DATABASES = {"default": env.db("DATABASE_URL")}',
      'ADMIN_URL = env("DJANGO_ADMIN_URL", default="admin/")',
      'REDIS = os.environ["REDIS_URL"]',
      'DEBUG = os.environ.get("DEBUG", "0")',
    ].join("\n"),
  );
  writeFileSync(join(dir, "views.py"), 'X = env("NOT_SETTINGS")\n');
  expect(djangoBuildEnv(scanProject(dir))).toEqual([
    "DATABASE_URL=collectstatic-placeholder",
    "DJANGO_SECRET_KEY=collectstatic-placeholder",
    "REDIS_URL=collectstatic-placeholder",
  ]);
});
