// Server instructions: built from the capabilities, naming every tool (deploy_app included) in the server's terms.
import { expect, test } from "bun:test";
import { ALL_TOOLS } from "../lib/index.ts";
import { INSTRUCTIONS } from "./instructions.ts";

test("the instructions name every tool (the knowledge tools by their prefix) and the server's flags", () => {
  for (const t of ALL_TOOLS.filter((x) => !x.proxied)) expect(INSTRUCTIONS).toContain(t.name);
  expect(INSTRUCTIONS).toContain("aws_knowledge_");
  expect(INSTRUCTIONS).toContain("deploy_app(app_name, app_path, port)");
  expect(INSTRUCTIONS).toContain("ALLOW_WRITE=true");
  expect(INSTRUCTIONS).not.toContain("policy.");
});
