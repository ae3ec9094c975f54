// Secrets never reach a client through any tool (allowSensitiveData off), and never reach the server log, even at debug.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import fc from "fast-check";
import { ALL_TOOLS, CATALOGUE, type EcsAssistant, jsonSchemaOf } from "../../lib/index.ts";
import { fakeAwsEnv } from "../support/binary.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { objectFor } from "./support/arbitraries.ts";
import { CORPUS } from "./support/corpus.ts";
import { POISONED } from "./support/poisoned.ts";
import { fakeAssistant, SERVICES } from "./support/world.ts";

let fake: FakeAws;
let assistant: EcsAssistant;
beforeAll(async () => {
  fake = await startFakeAws();
  for (const s of SERVICES) fake.on(s, "*", POISONED);
  assistant = fakeAssistant(fake, { allowWrite: false, allowSensitiveData: false });
});
afterAll(async () => {
  assistant.close();
  await fake.close();
});

const leaks = (value: unknown): string[] => {
  const text = JSON.stringify(value);
  return CORPUS.filter((c) => text.includes(c.secret)).map((c) => c.kind);
};

/** api_params candidates: the first that validates for an operation is used. */
const PARAM_CANDIDATES: Record<string, unknown>[] = [
  {},
  { cluster: "default" },
  { taskDefinition: "web:3" },
  { cluster: "default", services: ["web"] },
  { cluster: "default", tasks: ["0123456789abcdef0123456789abcdef"] },
  { cluster: "default", service: "web" },
  { clusters: ["default"] },
  { repositoryName: "web" },
  { repositoryNames: ["web"] },
  { logGroupName: "/ecs/web", logStreamName: "ecs/web/0123" },
  { resourceArn: "arn:aws:ecs:us-east-1:123456789012:cluster/default" },
];

describe("no secret in any tool result (allowSensitiveData off)", () => {
  test("every read operation of ecs_resource_management with AWS answering the corpus", async () => {
    const reads = CATALOGUE.filter((e) => e.access === "read");
    const covered: string[] = [];
    const leakedBy: string[] = [];
    for (const op of reads) {
      for (const api_params of PARAM_CANDIDATES) {
        const r = await assistant.callTool("ecs_resource_management", { api_operation: op.name, api_params });
        if (r.isErr() && r.error.kind === "validation") continue;
        covered.push(op.name);
        const leaked = leaks(r.isOk() ? r.value : r.error);
        if (leaked.length > 0)
          leakedBy.push(`${op.name} (${op.sensitive ? "sensitive" : "not marked sensitive"}): ${leaked.length} kinds`);
        break;
      }
    }
    console.log(`redaction: ${covered.length}/${reads.length} read operations checked against the corpus`);
    expect(covered.length).toBeGreaterThan(0);
    expect(leakedBy).toEqual([]);
  });

  for (const tool of ALL_TOOLS) {
    test(`${tool.name}: generated inputs, corpus-laden AWS answers → no secret in results or errors`, async () => {
      let ok = 0;
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(objectFor(jsonSchemaOf(tool.input)), async (input) => {
          tried++;
          const ac = new AbortController();
          const t = setTimeout(() => ac.abort(), 2_000);
          const r = await assistant.callTool(tool.name, input, { signal: ac.signal });
          clearTimeout(t);
          if (r.isOk()) ok++;
          expect(leaks(r.isOk() ? r.value : r.error)).toEqual([]);
        }),
        { numRuns: 200, interruptAfterTimeLimit: 4_000, markInterruptAsFailure: false, endOnFailure: true },
      );
      console.log(`redaction: ${tool.name}: ${tried} inputs, ${ok} results checked`);
    }, 30_000);
  }
});

describe("no credential in the server log at debug level", () => {
  test("AWS credentials of the process and corpus secrets in arguments never reach stderr or the log file", async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), "ecs-log-")), "server.log");
    const secretKey = "Zq9sEcReTkEyOfThEpRoCeSs0123456789abcdEF";
    const sessionToken = `FwoGZXIvYXdzE${"A".repeat(120)}SessionEnd`;
    const transport = new StdioClientTransport({
      command: join(import.meta.dir, "../../node_modules/.bin/bun"),
      args: [join(import.meta.dir, "../../server/main.ts"), "--log-level", "DEBUG", "--log-file", logFile],
      env: fakeAwsEnv(fake.url, {
        AWS_ACCESS_KEY_ID: "AKIAPROCESSKEY000001",
        AWS_SECRET_ACCESS_KEY: secretKey,
        AWS_SESSION_TOKEN: sessionToken,
      }),
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const client = new Client({ name: "log", version: "1" });
    await client.connect(transport);
    await client.callTool({ name: "ecs_resource_management", arguments: { api_operation: "ListClusters" } });
    for (const c of CORPUS) {
      await client.callTool({ name: "ecs_resource_management", arguments: { api_operation: c.text } });
      await client.callTool({
        name: "ecs_resource_management",
        arguments: { api_operation: "ListClusters", api_params: { nextToken: c.text } },
      });
      await client.callTool({ name: c.text, arguments: {} });
    }
    fake.fail("ecs", "ListClusters", { kind: "aws", code: "AccessDeniedException", message: CORPUS[2]!.text });
    await client.callTool({ name: "ecs_resource_management", arguments: { api_operation: "ListClusters" } });
    fake.clearFaults();
    await client.close();
    const log = readFileSync(logFile, "utf8");
    expect(log).toContain("Server started");
    for (const text of [log, stderr]) {
      expect(text).not.toContain(secretKey);
      expect(text).not.toContain(sessionToken.slice(0, 40));
      expect(text).not.toContain("AKIAPROCESSKEY000001");
      for (const c of CORPUS) expect(text, c.kind).not.toContain(c.secret);
    }
  }, 60_000);
});
