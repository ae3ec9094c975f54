// findPort's hostEnv: the variable an app reads its listen address from when it defaults to loopback.
import { expect, test } from "bun:test";
import { findPort } from "./findPort.ts";
import type { Project } from "./scanProject.ts";

const project = (files: Record<string, string>): Project => ({
  root: "/x",
  files: Object.keys(files),
  truncated: false,
  has: (r) => r in files,
  read: (r) => files[r],
  json: () => undefined,
});

test("HOST ?? 'localhost' (Nx's generated Express main.ts) is a listen address to open up", () => {
  const p = project({ "src/main.ts": 'const host = process.env.HOST ?? "localhost";\napp.listen(port, host);' });
  expect(findPort(p, [".ts"]).hostEnv).toBe("HOST");
  const q = project({ "server.js": "app.listen(3000, process.env['BIND_ADDRESS'] || '127.0.0.1')" });
  expect(findPort(q, [".js"]).hostEnv).toBe("BIND_ADDRESS");
});

test("a database host with a localhost default is not the app's listen address", () => {
  const p = project({
    "config/database.js": 'module.exports = { host: process.env.HOST || "localhost", port: 5432 };',
    "src/db.js": 'const c = { host: process.env.DB_HOST || "localhost" };',
  });
  expect(findPort(p, [".js"]).hostEnv).toBeUndefined();
});
