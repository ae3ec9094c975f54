// A monorepo app's Dockerfile names the workspace root as its build context; any other Dockerfile builds in place.
import { expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildContextOf } from "./buildContext.ts";

test("a `# build-context: ../..` line builds from the workspace root with -f <app>/Dockerfile", () => {
  const root = mkdtempSync(join(tmpdir(), "ctx-"));
  const app = join(root, "apps/api");
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, "Dockerfile"), "# syntax=docker/dockerfile:1\n# build-context: ../..\nFROM node:22-slim\n");
  expect(buildContextOf(app)).toEqual({ context: root, dockerfile: "apps/api/Dockerfile" });
});

test("without the line (or with anything but ../ segments) the app folder is the context", () => {
  const app = mkdtempSync(join(tmpdir(), "ctx-"));
  writeFileSync(join(app, "Dockerfile"), "# build-context: /etc\nFROM node:22-slim\n");
  expect(buildContextOf(app)).toEqual({ context: app });
});
