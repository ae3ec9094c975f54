// Reads the fixture app layouts (test/fixtures/apps/<name>/expected.json; format in that folder's README.md).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
  image?: { build: boolean; boot?: { path: string; body?: string } };
  not_built?: string;
}

/** Fixture folders that have an expected.json, with it parsed. */
export const fixtureApps = (): [string, ExpectedApp][] =>
  readdirSync(APPS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(APPS, e.name, "expected.json")))
    .map((e) => [e.name, JSON.parse(readFileSync(join(APPS, e.name, "expected.json"), "utf8")) as ExpectedApp]);
