// Reads the fixture app layouts (test/fixtures/apps/<name>/expected.json; format in that folder's README.md).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ImageExpectation } from "./boot/proveFixture.ts";

/** The fixture apps folder. */
export const APPS = join(import.meta.dir, "../fixtures/apps");

/** The expected.json of a fixture (format in test/fixtures/apps/README.md). */
export interface ExpectedApp {
  detection: Record<string, unknown>;
  serves: "server" | "static" | "unsupported";
  dockerfile_contains?: string[];
  dockerfile_excludes?: string[];
  ambiguous_contains?: string[];
  warnings_contain?: string[];
  /** Substrings of detection.notes. */
  notes_contain?: string[];
  image?: ImageExpectation;
  not_built?: string;
  /** Monorepo fixtures: a member folder containerized on its own (app_path pointing inside the repository). */
  app_path?: string;
  /** What containerize_app answers for app_path (same fields as the top level). */
  member?: Omit<ExpectedApp, "app_path" | "member">;
}

/** Fixture folders that have an expected.json, with it parsed. */
export const fixtureApps = (): [string, ExpectedApp][] =>
  readdirSync(APPS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(APPS, e.name, "expected.json")))
    .map((e) => [e.name, JSON.parse(readFileSync(join(APPS, e.name, "expected.json"), "utf8")) as ExpectedApp]);

const LOCKFILES = ["package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"];

/**
 * `items` with those whose package.json and lockfile are byte-identical to an earlier item's moved to the end: a
 * parallel build pool then builds the first of each group alone and the others reuse its cached install layer.
 */
export const sharedInstallLast = <T>(items: readonly T[], dirOf: (item: T) => string): T[] => {
  const seen = new Set<string>();
  const first: T[] = [];
  const later: T[] = [];
  for (const item of items) {
    const manifest = join(dirOf(item), "package.json");
    if (!existsSync(manifest)) {
      first.push(item);
      continue;
    }
    const h = createHash("sha256").update(readFileSync(manifest));
    for (const f of LOCKFILES) {
      const p = join(dirOf(item), f);
      if (existsSync(p)) h.update(f).update(readFileSync(p));
    }
    const key = h.digest("hex");
    (seen.has(key) ? later : first).push(item);
    seen.add(key);
  }
  return [...first, ...later];
};
