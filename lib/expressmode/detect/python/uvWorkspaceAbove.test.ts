// app_path at a uv workspace member: the workspace root above it is found (it holds uv.lock and the other members).
import { expect, test } from "bun:test";
import { join } from "node:path";
import { uvWorkspaceAbove } from "./uvWorkspaceAbove.ts";

const WS = join(import.meta.dir, "../../../../test/fixtures/apps/py-uv-workspace");

test("a member folder names its workspace root and its path inside it", () =>
  expect(uvWorkspaceAbove(join(WS, "packages/api"))).toEqual({ root: WS, dir: "packages/api" }));

test("a folder the members patterns do not include is not a member", () => {
  expect(uvWorkspaceAbove(join(WS, "packages"))).toBeUndefined();
  expect(uvWorkspaceAbove(join(WS, "packages/api/src/api"))).toBeUndefined();
});

test("a standalone uv project is not inside a workspace", () =>
  expect(uvWorkspaceAbove(join(WS, "../py-uv-virtual"))).toBeUndefined());
