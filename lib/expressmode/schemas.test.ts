// deploy_app's format checks say what they want in words, not as a bare regular expression.
import { expect, test } from "bun:test";
import { parseInput } from "../validate.ts";
import { DeployAppInput } from "./schemas.ts";

test("memory, service_name and variable names: the message says the expected form", () => {
  const e = parseInput(DeployAppInput, {
    app_name: "shop",
    app_path: "/tmp/shop",
    port: 8080,
    memory: "2GB",
    service_name: "-shop",
    environment: { "1BAD": "x" },
  })._unsafeUnwrapErr();
  if (e.kind !== "validation") throw new Error("expected validation");
  const byPath = Object.fromEntries(e.issues.map((i) => [i.path, i.message]));
  expect(byPath.memory).toBe('must be MiB as digits, e.g. "2048" (not "2GB")');
  expect(byPath.service_name).toContain("letters, digits, _ and -");
  expect(Object.values(byPath).join(" ")).toContain("must be a variable name");
  for (const m of Object.values(byPath)) expect(m).not.toMatch(/Expected \//);
});
