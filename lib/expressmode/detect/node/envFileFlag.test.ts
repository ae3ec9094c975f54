import { describe, expect, test } from "bun:test";
import { dropEnvFile } from "./envFileFlag.ts";

describe("dropEnvFile", () => {
  test("--env-file=.env and --env-file .env.production are dropped from the start", () => {
    expect(dropEnvFile(["node", "--env-file=.env", "dist/index.js"])).toEqual({
      start: ["node", "dist/index.js"],
      dropped: [".env"],
    });
    expect(dropEnvFile(["node_modules/.bin/tsx", "--env-file", ".env.production", "src/a.ts"]).start).toEqual([
      "node_modules/.bin/tsx",
      "src/a.ts",
    ]);
  });
  test("--env-file-if-exists and other files stay", () => {
    expect(dropEnvFile(["node", "--env-file-if-exists=.env", "a.js"]).dropped).toEqual([]);
    expect(dropEnvFile(["node", "--env-file=config/defaults.conf", "a.js"]).start).toHaveLength(3);
  });
});
