import { describe, expect, test } from "bun:test";
import { buildPrefix } from "./buildPrefix.ts";

describe("buildPrefix", () => {
  const scripts = { "build:ts": "tsc", build: "vite build", migrate: "knex migrate:latest" };
  test("a build script run before the server is split off, whatever the package manager", () => {
    expect(buildPrefix("npm run build:ts && fastify start -l info dist/app.js", scripts)).toEqual({
      build: "build:ts",
      rest: "fastify start -l info dist/app.js",
    });
    expect(buildPrefix("pnpm build && node dist/server.js", scripts)).toEqual({
      build: "build",
      rest: "node dist/server.js",
    });
    expect(buildPrefix("yarn run build && node a.js && node b.js", scripts)?.rest).toBe("node a.js && node b.js");
  });
  test("nothing when the first step is not a build script of the project", () => {
    expect(buildPrefix("npm run migrate && node server.js", scripts)).toBeUndefined();
    expect(buildPrefix("npm run build:css && node server.js", scripts)).toBeUndefined();
    expect(buildPrefix("node server.js", scripts)).toBeUndefined();
    expect(buildPrefix("npm run build:ts &&", scripts)).toBeUndefined();
  });
});
