import { describe, expect, test } from "bun:test";
import { devStartDeps } from "./devStartDeps.ts";

describe("devStartDeps", () => {
  const pkg = { dependencies: { hono: "4" }, devDependencies: { tsx: "4", "ts-node": "10", "@nestjs/cli": "10" } };
  test("a devDependency's binary or loader in the start command", () => {
    expect(devStartDeps(["node_modules/.bin/tsx", "src/index.ts"], pkg)).toEqual(["tsx"]);
    expect(devStartDeps(["node", "--import", "tsx", "src/index.ts"], pkg)).toEqual(["tsx"]);
    expect(devStartDeps(["node", "-r", "ts-node/register", "src/index.ts"], pkg)).toEqual(["ts-node"]);
    expect(devStartDeps(["node_modules/.bin/nest", "start"], pkg)).toEqual(["@nestjs/cli"]);
  });
  test("nothing for node itself or a runtime dependency", () => {
    expect(devStartDeps(["node", "dist/index.js"], pkg)).toEqual([]);
    expect(devStartDeps(["node_modules/.bin/hono", "x"], pkg)).toEqual([]);
  });
});
