// The CLI in-process against the loopback fake AWS endpoint: tools, call (JSON, --pretty, errors, policy), usage errors.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureIo } from "../test/support/captureIo.ts";
import { type FakeAws, startFakeAws } from "../test/support/fakeAws.ts";
import { runCli } from "./cli.ts";

let fake: FakeAws;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  fake = await startFakeAws();
  env = {
    AWS_ENDPOINT_URL: fake.url,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "AKIDFAKE",
    AWS_SECRET_ACCESS_KEY: "fake",
    AWS_EC2_METADATA_DISABLED: "true",
  };
});
// The SDK's credential chain reads process.env (as in the binary); the rest of the config comes from `env`.
const saved = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: "AKIDFAKE",
    AWS_SECRET_ACCESS_KEY: "fake",
    AWS_EC2_METADATA_DISABLED: "true",
  });
});
afterAll(() => {
  fake.close();
  for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_EC2_METADATA_DISABLED"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});
beforeEach(() => fake.reset());

const ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/demo";

describe("tools", () => {
  test("lists every tool with its gate", async () => {
    const { io, cli } = captureIo();
    expect(await runCli(["tools"], env, cli)).toBe(0);
    expect(io.stdout).toContain("ecs_resource_management");
    expect(io.stdout).toContain("per operation");
    expect(io.stdout).toContain("read-only");
  });

  test("--json gives one object per tool", async () => {
    const { io, cli } = captureIo();
    expect(await runCli(["tools", "--json", "--allow-write"], env, cli)).toBe(0);
    const rows = JSON.parse(io.stdout) as { name: string; gate: string }[];
    expect(rows.find((r) => r.name === "ecs_resource_management")?.gate).toBe("per_operation");
    expect(fake.calls.length).toBe(0);
  });
});

describe("call", () => {
  test("prints the tool's JSON result on stdout and exits 0", async () => {
    fake.on("ecs", "ListClusters", { clusterArns: [ARN] });
    const { io, cli } = captureIo();
    const code = await runCli(
      ["call", "ecs_resource_management", "--args", '{"api_operation":"ListClusters"}'],
      env,
      cli,
    );
    expect(code).toBe(0);
    expect(JSON.parse(io.stdout).clusterArns).toEqual([ARN]);
    expect(io.stderr).toBe("");
  });

  test("--args-file and --pretty", async () => {
    fake.on("ecs", "ListClusters", { clusterArns: [ARN] });
    const file = join(mkdtempSync(join(tmpdir(), "cli-")), "args.json");
    writeFileSync(file, '{"api_operation":"ListClusters"}');
    const { io, cli } = captureIo();
    expect(await runCli(["call", "ecs_resource_management", `--args-file=${file}`, "--pretty"], env, cli)).toBe(0);
    expect(io.stdout).toContain(`clusterArns:\n  - ${ARN}\n`);
  });

  test("--args-file - reads stdin", async () => {
    fake.on("ecs", "ListClusters", { clusterArns: [] });
    const { io, cli } = captureIo({ stdin: '{"api_operation":"ListClusters"}' });
    expect(await runCli(["call", "ecs_resource_management", "--args-file", "-"], env, cli)).toBe(0);
    expect(JSON.parse(io.stdout).clusterArns).toEqual([]);
  });

  test("a write is refused by the default read-only policy: exit 1, error JSON naming the switch", async () => {
    const { io, cli } = captureIo();
    const args = '{"api_operation":"CreateCluster","api_params":{"clusterName":"x"}}';
    expect(await runCli(["call", "ecs_resource_management", "--args", args], env, cli)).toBe(1);
    const out = JSON.parse(io.stdout);
    expect(out.status).toBe("error");
    expect(out.error).toMatchObject({ kind: "policy_denied", gate: "write" });
    expect(out.error.hint).toContain("ALLOW_WRITE");
    expect(io.stderr).toContain("policy_denied");
    expect(fake.calls.length).toBe(0);
  });

  test("--allow-write lets the same call through", async () => {
    fake.on("ecs", "CreateCluster", { cluster: { clusterName: "x", status: "ACTIVE" } });
    const { io, cli } = captureIo();
    const args = '{"api_operation":"CreateCluster","api_params":{"clusterName":"x"}}';
    expect(await runCli(["call", "ecs_resource_management", "--allow-write", "--args", args], env, cli)).toBe(0);
    expect(JSON.parse(io.stdout).cluster.clusterName).toBe("x");
  });

  test("an AWS error: exit 1; --pretty prints kind, code and hint on stderr", async () => {
    fake.fail("ecs", "ListClusters", {
      kind: "aws",
      code: "AccessDeniedException",
      status: 400,
      message: "not allowed",
    });
    const { io, cli } = captureIo();
    const code = await runCli(
      ["call", "ecs_resource_management", "--pretty", "--args", '{"api_operation":"ListClusters"}'],
      { ...env },
      cli,
    );
    expect(code).toBe(1);
    expect(io.stdout).toBe("");
    expect(io.stderr).toMatch(/error \(aws\) \[ecs ListClusters AccessDeniedException/);
    expect(io.stderr).toContain("hint: ");
  });

  test("an unknown tool suggests the closest name", async () => {
    const { io, cli } = captureIo();
    expect(await runCli(["call", "ecs_resource_managment", "--pretty"], env, cli)).toBe(1);
    expect(io.stderr).toContain("ecs_resource_management");
  });

  test("usage errors exit 2: no tool, bad JSON, a non-object, an unknown flag", async () => {
    for (const argv of [
      ["call"],
      ["call", "ecs_resource_management", "--args", "{nope"],
      ["call", "ecs_resource_management", "--args", "[1]"],
      ["call", "ecs_resource_management", "--frobnicate"],
      ["call", "ecs_resource_management", "--args"],
    ]) {
      const { io, cli } = captureIo();
      expect(await runCli(argv, env, cli)).toBe(2);
      expect(io.stderr).not.toBe("");
    }
  });

  test("an invalid env value is a usage error too (same rules as the server)", async () => {
    const { io, cli } = captureIo();
    expect(await runCli(["tools"], { ...env, ALLOW_WRITE: "ture" }, cli)).toBe(2);
    expect(io.stderr).toContain("ALLOW_WRITE");
  });
});

describe("confirmation and progress", () => {
  test("a destructive call asks on the terminal; 'no' refuses it before AWS is called", async () => {
    const { io, cli } = captureIo({ answer: false });
    const args = '{"api_operation":"DeleteCluster","api_params":{"cluster":"demo"}}';
    const code = await runCli(["call", "ecs_resource_management", "--allow-write", "--args", args], env, cli);
    expect(code).toBe(1);
    expect(io.asked.length).toBe(1);
    expect(io.asked[0]).toContain("demo");
    expect(fake.calls.length).toBe(0);
  });

  test("'yes' lets it run", async () => {
    fake.on("ecs", "DeleteCluster", { cluster: { clusterName: "demo", status: "INACTIVE" } });
    const { io, cli } = captureIo({ answer: true });
    const args = '{"api_operation":"DeleteCluster","api_params":{"cluster":"demo"}}';
    expect(await runCli(["call", "ecs_resource_management", "--allow-write", "--args", args], env, cli)).toBe(0);
    expect(fake.calls.map((c) => c.operation)).toEqual(["DeleteCluster"]);
    expect(JSON.parse(io.stdout).cluster.status).toBe("INACTIVE");
  });
});
