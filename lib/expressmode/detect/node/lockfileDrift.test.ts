import { expect, test } from "bun:test";
import type { Project } from "../scanProject.ts";
import { lockfileDrift } from "./lockfileDrift.ts";
import type { NodePackageManager } from "./nodePackageManager.ts";

const yarn1: NodePackageManager = {
  name: "yarn",
  berry: false,
  pnp: false,
  lockfile: "yarn.lock",
  yarnFiles: [],
  notes: [],
};
const lock = '# yarn lockfile v1\n\nnext@15.5.29:\n  version "15.5.29"\n';
const project: Project = {
  root: "/x",
  files: ["yarn.lock"],
  truncated: false,
  has: (r) => r === "yarn.lock",
  read: (r) => (r === "yarn.lock" ? lock : undefined),
  json: () => undefined,
};

test('a workspace package required as "*" (Yarn 1, npm workspaces) is not missing from the lockfile', () => {
  const pkg = { dependencies: { "@repo/ui": "*", next: "15.5.29", react: "19.0.9" } };
  expect(lockfileDrift(project, yarn1, pkg, "apps/web", new Set(["@repo/ui"]))).toEqual(["react"]);
  expect(lockfileDrift(project, yarn1, pkg, "apps/web")).toEqual(["@repo/ui", "react"]);
});
