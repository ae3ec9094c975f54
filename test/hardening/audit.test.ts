// Audit log: every write (not reads, not dry runs) becomes one JSON line with redacted parameters and AWS request ids;
// lines are whole even when the server is killed with SIGKILL mid-way.
import { beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { type AuditEntry, createFileAuditSink } from "../../lib/index.ts";
import { fakeAwsEnv } from "../support/binary.ts";
import { fakeAssistant, useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });
beforeEach(() => {
  fake.reset();
  fake.on("ecs", "CreateCluster", (input) => ({ cluster: { clusterName: input.clusterName, status: "ACTIVE" } }));
  fake.on("ecs", "ListClusters", { clusterArns: [] });
});

const tmpFile = () => join(mkdtempSync(join(tmpdir(), "ecs-audit-")), "sub", "audit.jsonl");
const lines = (path: string): AuditEntry[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AuditEntry);

describe("audit log (library)", () => {
  test("a write is one line: tool, operation, redacted parameters, status, request ids matching AWS", async () => {
    const path = tmpFile();
    const sink = createFileAuditSink(path)._unsafeUnwrap();
    const a = fakeAssistant(fake, { allowWrite: true }, { audit: sink.write });
    await a.callTool("ecs_resource_management", { api_operation: "ListClusters" });
    const r = await a.callTool("ecs_resource_management", {
      api_operation: "CreateCluster",
      api_params: { clusterName: "web", tags: [{ key: "DB_PASSWORD", value: "DB_PASSWORD=hunter22" }] },
    });
    expect(r.isOk()).toBe(true);
    sink.close();
    const entries = lines(path);
    expect(entries).toHaveLength(1); // the read is not audited
    const e = entries[0]!;
    expect(e).toMatchObject({
      tool: "ecs_resource_management",
      operation: "CreateCluster",
      access: "write",
      status: "ok",
      aws_calls: [{ service: "ecs", operation: "CreateCluster", ok: true }],
    });
    expect(e.request_ids).toEqual([fake.calls.find((c) => c.operation === "CreateCluster")!.requestId]);
    expect(Date.parse(e.time)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(e.parameters)).toContain('"clusterName":"web"');
    expect(JSON.stringify(e.parameters)).not.toContain("hunter22");
  });

  test("a failed write is audited with the AWS code and request id; denied and dry-run calls are not", async () => {
    const audit: AuditEntry[] = [];
    fake.fail("ecs", "CreateCluster", { kind: "aws", code: "AccessDeniedException", message: "nope" });
    const a = fakeAssistant(fake, { allowWrite: true }, { audit: (x) => audit.push(x) });
    await a.callTool("ecs_resource_management", { api_operation: "CreateCluster", api_params: { clusterName: "x" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ status: "error", error: { kind: "aws", code: "AccessDeniedException" } });
    expect(audit[0]!.request_ids).toEqual([fake.calls[0]!.requestId]);

    const readOnly = fakeAssistant(fake, { allowWrite: false }, { audit: (x) => audit.push(x) });
    await readOnly.callTool("ecs_resource_management", { api_operation: "CreateCluster", api_params: {} });
    await readOnly.callTool("ecs_resource_management", {
      api_operation: "CreateCluster",
      api_params: {},
      dry_run: true,
    });
    expect(audit).toHaveLength(1);
  });

  test("an unwritable audit path fails at creation, not on the first write", () => {
    const r = createFileAuditSink("/proc/no/such/dir/audit.jsonl");
    expect(r._unsafeUnwrapErr()).toMatchObject({ kind: "unavailable" });
  });

  test("a throwing sink never breaks the call", async () => {
    const a = fakeAssistant(
      fake,
      { allowWrite: true },
      {
        audit: () => {
          throw new Error("disk full");
        },
      },
    );
    const r = await a.callTool("ecs_resource_management", { api_operation: "CreateCluster", api_params: {} });
    expect(r.isOk()).toBe(true);
  });
});

describe("audit log (server process)", () => {
  test("--audit-log survives kill -9 mid-way: every finished write is a whole line, nothing torn", async () => {
    const path = tmpFile();
    fake.setLatency("ecs", "CreateCluster", 0);
    const transport = new StdioClientTransport({
      command: join(import.meta.dir, "../../node_modules/.bin/bun"),
      args: [join(import.meta.dir, "../../server/main.ts"), "--allow-write", "--audit-log", path],
      env: fakeAwsEnv(fake.url),
      stderr: "pipe",
    });
    const client = new Client({ name: "audit", version: "1" });
    await client.connect(transport);
    const N = 20;
    for (let i = 0; i < N; i++)
      await client.callTool({
        name: "ecs_resource_management",
        arguments: { api_operation: "CreateCluster", api_params: { clusterName: `c${i}` } },
      });
    // Now a burst in flight, and SIGKILL while AWS is still answering some of them.
    fake.setLatency("ecs", "CreateCluster", 300);
    const burst = Array.from({ length: 10 }, (_, i) =>
      client
        .callTool({
          name: "ecs_resource_management",
          arguments: { api_operation: "CreateCluster", api_params: { clusterName: `b${i}` } },
        })
        .catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 150));
    process.kill(transport.pid!, "SIGKILL");
    await Promise.all(burst);
    await client.close().catch(() => {});

    const raw = readFileSync(path, "utf8");
    expect(raw.endsWith("\n")).toBe(true); // no torn last line
    const entries = lines(path); // every line parses
    expect(entries.length).toBeGreaterThanOrEqual(N);
    expect(
      entries.slice(0, N).map((e) => (e.parameters as { api_params: { clusterName: string } }).api_params.clusterName),
    ).toEqual(Array.from({ length: N }, (_, i) => `c${i}`));
    const known = new Set(fake.calls.map((c) => c.requestId));
    for (const e of entries) {
      expect(e.status).toBe("ok");
      expect(e.request_ids.every((id) => known.has(id))).toBe(true);
    }
  }, 30_000);
});
