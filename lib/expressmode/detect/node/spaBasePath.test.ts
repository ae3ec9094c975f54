import { describe, expect, test } from "bun:test";
import type { Project } from "../scanProject.ts";
import { spaBasePath } from "./spaBasePath.ts";

const project = (files: Record<string, string>): Project => ({
  root: "/x",
  files: Object.keys(files),
  truncated: false,
  has: (r) => r in files,
  read: (r) => files[r],
  json: () => undefined,
});

describe("spaBasePath", () => {
  test("Vite base from the config or the build script's --base flag", () => {
    expect(spaBasePath(project({ "vite.config.ts": 'export default { base: "/dashboard/" }' }), "vite", {})).toBe(
      "/dashboard/",
    );
    const pkg = { scripts: { build: "vite build --base=/app" } };
    expect(spaBasePath(project({ "vite.config.js": "export default {}" }), "vite-react", pkg)).toBe("/app/");
  });
  test("CRA homepage URL path and Vue CLI publicPath", () => {
    const pkg = { homepage: "https://octo.github.io/tracker" } as never;
    expect(spaBasePath(project({}), "create-react-app", pkg)).toBe("/tracker/");
    expect(spaBasePath(project({ "vue.config.js": "module.exports = { publicPath: '/admin/' }" }), "vue-cli", {})).toBe(
      "/admin/",
    );
  });
  test("the root and relative bases need no sub-path", () => {
    expect(spaBasePath(project({ "vite.config.js": 'export default { base: "./" }' }), "vite", {})).toBeUndefined();
    expect(spaBasePath(project({ "vite.config.js": 'export default { base: "/" }' }), "vite", {})).toBeUndefined();
    expect(spaBasePath(project({}), "create-react-app", { homepage: "." } as never)).toBeUndefined();
    expect(spaBasePath(project({}), "angular", {})).toBeUndefined();
  });
});
