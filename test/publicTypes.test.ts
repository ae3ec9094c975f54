// The published .d.ts as a consumer sees it: every EcsAssistant method resolves to a typed result, never any,
// unknown or an untyped Record<string, unknown> (built with tsconfig.build.json, then type-checked from outside).
import { afterAll, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..");
const TSC = join(ROOT, "node_modules", ".bin", "tsc");
const out = mkdtempSync(join(tmpdir(), "public-types-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A consumer file: fails to type-check, naming the method, when a result type is untyped. */
const CONSUMER = `import type { ResultAsync } from "neverthrow";
import type { EcsAssistant } from "./lib/index.js";

type IsAny<T> = 0 extends 1 & T ? true : false;
/** Keys that are names, not index signatures. */
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: 0 };
/** true for any, unknown, or an object type (a union member) with no named field: Record<string, unknown>. */
type Untyped<T> =
  IsAny<T> extends true
    ? true
    : unknown extends T
      ? true
      : T extends unknown
        ? T extends object
          ? [NamedKeys<T>] extends [never]
            ? true
            : false
          : false
        : never;
type Ok<R> = R extends ResultAsync<infer T, unknown> ? T : never;
type Method<K extends keyof EcsAssistant> = EcsAssistant[K] extends (...a: never[]) => infer R ? R : never;
type Untypeds = {
  [K in keyof EcsAssistant]: Method<K> extends ResultAsync<unknown, unknown>
    ? true extends Untyped<Ok<Method<K>>>
      ? K
      : never
    : never;
}[keyof EcsAssistant];

// Names the offending methods in the compiler's message.
export const untyped: [Untypeds] extends [never] ? "none" : Untypeds = "none";
// The typed methods exist (a d.ts that lost them would pass the check above vacuously).
export const methods = [
  "deployApp",
  "containerizeApp",
  "buildAndPushImageToEcr",
  "deleteApp",
  "ecsResourceManagement",
  "ecsTroubleshootingTool",
  "awsKnowledgeSearchDocumentation",
] as const satisfies readonly (keyof EcsAssistant)[];
export const notAny: IsAny<EcsAssistant["deployApp"]> = false;
// The check itself: what it must catch and what it must let through.
export const probes: [
  Untyped<Record<string, unknown>>,
  Untyped<unknown>,
  Untyped<{ a: 1 } | Record<string, unknown>>,
  Untyped<{ a?: 1 } & Record<string, unknown>>,
  Untyped<{ a: 1 } | { b: 2 }>,
] = [true, true, true, false, false];
`;

test("the built EcsAssistant .d.ts has no untyped method results", () => {
  const build = spawnSync(TSC, ["-p", "tsconfig.build.json", "--outDir", out], { cwd: ROOT, encoding: "utf8" });
  expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
  symlinkSync(join(ROOT, "node_modules"), join(out, "node_modules"));
  writeFileSync(join(out, "consumer.ts"), CONSUMER);
  const check = spawnSync(
    TSC,
    ["--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--target", "es2022", "consumer.ts"],
    { cwd: out, encoding: "utf8" },
  );
  expect(check.stdout + check.stderr).toBe("");
  expect(check.status).toBe(0);
}, 180_000);
