// Server instructions: built from the capabilities, naming every tool (deploy_app included) in the server's terms.
import { expect, test } from "bun:test";
import { ALL_TOOLS } from "../lib/index.ts";
import { INSTRUCTIONS } from "./instructions.ts";

test("the instructions name only tools that exist, deploy_app first, in the server's terms", () => {
  const names = ALL_TOOLS.map((t) => t.name);
  const called = [...INSTRUCTIONS.matchAll(/\b([a-z][a-z_]{5,})\(/g)].map((m) => m[1] as string);
  expect(called.length).toBeGreaterThan(5);
  for (const c of called) expect(names).toContain(c);
  expect(INSTRUCTIONS).toContain("aws_knowledge_");
  expect(INSTRUCTIONS).toContain("deploy_app(app_name, app_path, port)");
  expect(INSTRUCTIONS).toContain("ALLOW_WRITE=true");
  expect(INSTRUCTIONS).not.toContain("policy.");
});
