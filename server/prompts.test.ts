// Prompts: sane names, optional arguments, rendered guidance naming tools that exist, in workflow order.
import { describe, expect, test } from "bun:test";
import { ALL_TOOLS } from "../lib/index.ts";
import { PROMPTS } from "./prompts.ts";

const KNOWN_TOOLS = ALL_TOOLS.map((t) => t.name);

describe("prompts", () => {
  test("names are unique identifiers, not free text or regexes", () => {
    const names = PROMPTS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  test("the reference's groups are all covered", () => {
    const names = PROMPTS.map((p) => p.name).join(" ");
    for (const word of [
      "containerize",
      "deploy",
      "inspect",
      "tasks",
      "stack",
      "image",
      "network",
      "load_balancer",
      "logs",
      "features",
    ])
      expect(names).toContain(word);
  });

  for (const p of PROMPTS) {
    test(`${p.name}: renders without arguments, uses given arguments, names only existing tools`, () => {
      const bare = p.render({});
      expect(bare.length).toBeGreaterThan(200);
      const called = [...bare.matchAll(/\b([a-z_]{6,})\(/g)].map((m) => m[1]);
      for (const c of called) expect(KNOWN_TOOLS).toContain(c as string);
      expect(called.length).toBeGreaterThan(0);
      const args = Object.fromEntries(p.arguments.map((a) => [a.name, `VALUE_${a.name}`]));
      const filled = p.render(args);
      for (const a of p.arguments) expect(filled).toContain(`VALUE_${a.name}`);
    });
  }

  test("no prompt points at the unregistered create_ecs_infrastructure (reference weak point 1)", () => {
    for (const p of PROMPTS) expect(p.render({})).not.toContain("create_ecs_infrastructure");
  });

  test("the deploy prompt offers deploy_app, the one-call path", () => {
    expect(PROMPTS.find((p) => p.name === "containerize_and_deploy")?.render({})).toContain("deploy_app(");
  });
});
