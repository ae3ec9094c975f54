// dry_run for every write tool and every write operation: with writes OFF it returns a plan and no AWS write happens.
// Tools that do not declare dry_run yet are listed (not failed); tools that declare it and still try to write fail.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { ALL_TOOLS, CATALOGUE, type EcsAssistant, type EcsError, jsonSchemaOf } from "../../lib/index.ts";
import { maxAccess } from "../../lib/toolFacts.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { objectFor } from "./support/arbitraries.ts";
import { answerEverything, fakeAssistant } from "./support/world.ts";

/** Operations that never change anything, by AWS's naming convention (this test's own yardstick). */
const isReadOperation = (operation: string): boolean =>
  /^(Describe|List|Get|BatchGet|BatchCheck|Validate|Estimate|Filter|Lookup|Search|Simulate|Test)/.test(operation);

let fake: FakeAws;
let assistant: EcsAssistant;
const lacking: string[] = [];
beforeAll(async () => {
  fake = await startFakeAws();
  answerEverything(fake);
  assistant = fakeAssistant(fake, { allowWrite: false });
});
afterAll(async () => {
  assistant.close();
  await fake.close();
  console.log(
    lacking.length > 0
      ? `dry_run: missing for ${lacking.length}: ${lacking.join(", ")}`
      : "dry_run: every write has it",
  );
});

const writeCalls = () => fake.calls.filter((c) => !isReadOperation(c.operation));
/** The registry's dry-run guard refused an AWS write: the tool's dry_run branch tried to act. */
const triedToWrite = (e: EcsError) => e.kind === "policy_denied" && /during a dry run/.test(e.message);

/** A small Node app on disk, for tools that take app_path. */
const appDir = (() => {
  const dir = mkdtempSync(join(tmpdir(), "ecs-dryrun-app-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "web", scripts: { start: "node index.js" } }));
  writeFileSync(join(dir, "Dockerfile"), 'FROM node:22-alpine\nCOPY . .\nCMD ["node", "index.js"]\n');
  writeFileSync(join(dir, "index.js"), "require('http').createServer((q, s) => s.end('ok')).listen(8080);\n");
  return dir;
})();

const APP_FILES = readdirSync(appDir).sort();

/** Plausible values by parameter name, so a seeded call gets past validation to the planning code. */
const SEEDS: Record<string, unknown> = {
  app_path: appDir,
  app_name: "web",
  service_arn: "arn:aws:ecs:us-east-1:123456789012:service/default/web",
  port: 8080,
  cluster: "default",
  tag: "v1",
};
const seeded = (schema: Record<string, unknown>) =>
  Object.fromEntries(
    Object.keys((schema.properties as object | undefined) ?? {}).flatMap((k) => (k in SEEDS ? [[k, SEEDS[k]]] : [])),
  );

const writeTools = ALL_TOOLS.filter((t) => t.name !== "ecs_resource_management" && maxAccess(t) !== "read");
const declaresDryRun = (schema: Record<string, unknown>) =>
  Object.hasOwn((schema.properties as object | undefined) ?? {}, "dry_run");

describe("dry_run of write tools", () => {
  for (const tool of writeTools) {
    const schema = jsonSchemaOf(tool.input);
    test(`${tool.name}: dry_run with writes off plans without writing`, async () => {
      if (!declaresDryRun(schema)) {
        lacking.push(tool.name);
        return;
      }
      fake.clearCalls();
      let plans = 0;
      const seededRun = await assistant.callTool(tool.name, { ...seeded(schema), dry_run: true });
      if (seededRun.isErr()) expect(triedToWrite(seededRun.error), seededRun.error.message).toBe(false);
      console.log(
        `dry_run: ${tool.name} seeded call: ${seededRun.isOk() ? "plan" : `${seededRun.error.kind}: ${seededRun.error.message.slice(0, 120)}`}`,
      );
      if (seededRun.isOk()) plans++;
      await fc.assert(
        fc.asyncProperty(objectFor(schema), async (generated) => {
          const r = await assistant.callTool(tool.name, { ...generated, dry_run: true });
          if (r.isOk()) {
            plans++;
            expect(r.value).toBeTruthy();
          } else {
            expect(triedToWrite(r.error), r.error.message).toBe(false);
            expect(r.error, "a dry run must pass the write gate").not.toMatchObject({ gate: "write" });
          }
        }),
        { numRuns: 300, interruptAfterTimeLimit: 5_000, markInterruptAsFailure: false, endOnFailure: true },
      );
      expect(writeCalls()).toEqual([]);
      expect(readdirSync(appDir).sort(), "a dry run must not write into the app folder").toEqual(APP_FILES);
      console.log(`dry_run: ${tool.name}: ${plans} plans returned`);
    }, 30_000);
  }
});

describe("dry_run of ecs_resource_management write operations", () => {
  const writes = CATALOGUE.filter((e) => e.access !== "read");
  const CANDIDATES: Record<string, unknown>[] = [
    {},
    { cluster: "default" },
    { clusterName: "default" },
    { cluster: "default", service: "web" },
    { cluster: "default", serviceName: "web", taskDefinition: "web:1" },
    { taskDefinition: "web:1" },
    { cluster: "default", task: "0123456789abcdef0123456789abcdef" },
    { repositoryName: "web" },
    { family: "web", containerDefinitions: [{ name: "web", image: "nginx" }] },
  ];
  test(`${writes.length} write operations: plan or typed error, never an AWS write`, async () => {
    fake.clearCalls();
    const planned: string[] = [];
    for (const op of writes) {
      let declared = true;
      for (const api_params of CANDIDATES) {
        const r = await assistant.callTool("ecs_resource_management", {
          api_operation: op.name,
          api_params,
          dry_run: true,
        });
        if (r.isErr() && r.error.kind === "validation" && r.error.issues.some((i) => i.path === "dry_run")) {
          declared = false;
          break;
        }
        if (r.isOk()) {
          planned.push(op.name);
          break;
        }
        expect(triedToWrite(r.error), `${op.name}: ${r.error.message}`).toBe(false);
        expect(r.error, `${op.name}: a dry run must pass the write gate`).not.toMatchObject({ gate: "write" });
      }
      if (!declared) lacking.push(`ecs_resource_management:${op.name}`);
    }
    expect(writeCalls()).toEqual([]);
    console.log(
      `dry_run: ecs_resource_management: ${planned.length}/${writes.length} write operations returned a plan`,
    );
  });
});

test("the registry's dry-run guard blocks AWS writes even when a tool's dry_run branch has a bug", async () => {
  const { readOnlyAws } = await import("../../lib/security/readOnlyAws.ts");
  const guarded = readOnlyAws(assistant.aws, "buggy_tool", new Set(["ecs:listclusters"]));
  fake.clearCalls();
  const w = await guarded("ecs", "DeleteCluster", { cluster: "default" });
  expect(w._unsafeUnwrapErr()).toMatchObject({ kind: "policy_denied", gate: "write" });
  expect((await guarded("ecs", "ListClusters", {})).isOk()).toBe(true);
  expect(fake.calls.map((c) => c.operation)).toEqual(["ListClusters"]);
});
