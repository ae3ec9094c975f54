// End to end: the CLI subcommands of the compiled binary (and of the tsc build under Node) against the fake AWS endpoint.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { fakeAwsEnv, serverBinary } from "../support/binary.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

const ROOT = join(import.meta.dir, "..", "..");
const ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/default";
let fake: FakeAws;
let bin: string;
let closed: string;

beforeAll(async () => {
  fake = await startFakeAws();
  fake.on("ecs", "ListClusters", { clusterArns: [ARN] });
  fake.on("sts", "GetCallerIdentity", { Arn: "arn:aws:iam::123456789012:user/ci", Account: "123456789012" });
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  closed = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
  await new Promise<void>((r) => s.close(() => r()));
  bin = serverBinary("linux-x64");
}, 180_000);
afterAll(() => fake.close());

/** Async on purpose: the fake endpoint lives in this process, so a blocking spawnSync would starve it. */
const run = (args: string[], extra: Record<string, string> = {}, command = bin, pre: string[] = []) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, [...pre, ...args], { env: fakeAwsEnv(fake.url, extra), timeout: 30_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });

describe("compiled binary", () => {
  test("tools lists the tools with gates", async () => {
    const r = await run(["tools"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("ecs_resource_management");
    expect(r.stdout).toContain("per operation");
  });

  test("call prints JSON on stdout; a refused write exits 1", async () => {
    const ok = await run(["call", "ecs_resource_management", "--args", '{"api_operation":"ListClusters"}']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).clusterArns).toEqual([ARN]);
    const denied = await run([
      "call",
      "ecs_resource_management",
      "--args",
      '{"api_operation":"DeleteCluster","api_params":{"cluster":"x"}}',
    ]);
    expect(denied.status).toBe(1);
    expect(JSON.parse(denied.stdout).error.kind).toBe("policy_denied");
  });

  test("doctor passes against the fake endpoint and fails (exit 1) against an unreachable one", async () => {
    const good = await run(["doctor", "--json", "--knowledge-url", closed, "--timeout", "2000"]);
    const report = JSON.parse(good.stdout) as { ok: boolean; checks: { name: string; status: string }[] };
    expect(good.status).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.name === "credentials")?.status).toBe("ok");
    expect(report.checks.find((c) => c.name === "knowledge server")?.status).toBe("warn");

    const bad = await run(["doctor", "--knowledge-url", closed, "--timeout", "1000"], { AWS_ENDPOINT_URL: closed });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/FAIL\s+credentials/);
    expect(bad.stdout).toMatch(/FAIL\s+endpoint 9 services\s+http:\/\/127\.0\.0\.1:\d+ unreachable/);
    expect(bad.stdout).toContain("fix: ");
  });
});

describe("tsc build under Node", () => {
  beforeAll(() => {
    const r = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`tsc build failed:\n${r.stdout}${r.stderr}`);
  }, 120_000);

  test("node dist/server/main.js call runs the tool", async () => {
    const r = await run(
      ["call", "ecs_resource_management", "--pretty", "--args", '{"api_operation":"ListClusters"}'],
      {},
      "node",
      [join(ROOT, "dist", "server", "main.js")],
    );
    expect(r.stderr).not.toContain("error"); // (Node 20 prints the AWS SDK's NodeVersionSupportWarning)
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`clusterArns:\n  - ${ARN}`);
  });
});
