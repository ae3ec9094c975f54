// End to end: the compiled linux-x64 binary, driven by the MCP SDK's own Client over stdio and Streamable HTTP.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawn, spawnSync } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { VERSION } from "../../lib/index.ts";
import { fakeAwsEnv, serverBinary } from "../support/binary.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
let bin: string;

beforeAll(async () => {
  fake = await startFakeAws();
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/default"] });
  bin = serverBinary("linux-x64");
}, 120_000);
afterAll(() => fake.close());

/** The checks every transport must pass: tools/list, a successful call, a policy error, a validation error. */
const exercise = async (client: Client) => {
  const { tools } = await client.listTools();
  const rm = tools.find((t) => t.name === "ecs_resource_management");
  expect(rm?.inputSchema.properties).toHaveProperty("api_operation");
  expect(rm?.annotations?.destructiveHint).toBe(true);

  const ok = (await client.callTool({
    name: "ecs_resource_management",
    arguments: { api_operation: "ListClusters" },
  })) as CallToolResult;
  expect(ok.isError).toBeFalsy();
  expect(ok.structuredContent).toMatchObject({ clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/default"] });
  expect(JSON.parse((ok.content[0] as { text: string }).text)).toEqual(ok.structuredContent);

  const denied = (await client.callTool({
    name: "ecs_resource_management",
    arguments: { api_operation: "DeleteCluster", api_params: { cluster: "x" } },
  })) as CallToolResult;
  expect(denied.isError).toBe(true);
  expect(denied.structuredContent).toMatchObject({
    error: { kind: "policy_denied", gate: "write", flag: "ALLOW_WRITE=true" },
  });
  expect((denied.content[0] as { text: string }).text).not.toMatch(/\n\s+at /); // no stack trace

  const bad = (await client.callTool({
    name: "ecs_resource_management",
    arguments: { api_operation: "ListClusters", api_params: { maxResult: 5 } },
  })) as CallToolResult;
  expect(bad.isError).toBe(true);
  expect(bad.structuredContent).toMatchObject({
    error: { kind: "validation", issues: [{ path: "api_params.maxResult", suggestion: "maxResults" }] },
  });

  const unknown = (await client.callTool({ name: "ecs_resource_managment", arguments: {} })) as CallToolResult;
  expect(unknown.isError).toBe(true);
  expect((unknown.content[0] as { text: string }).text).toContain("ecs_resource_management");
};

describe("compiled binary", () => {
  test("--version and --help print to stdout and exit 0; bad env exits 2 with a clear message", () => {
    const v = spawnSync(bin, ["--version"], { encoding: "utf8" });
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(new RegExp(`^ecs-mcp-server ${VERSION.replaceAll(".", "\\.")} \\(\\w+\\)`));
    const h = spawnSync(bin, ["--help"], { encoding: "utf8" });
    expect(h.stdout).toContain("ALLOW_WRITE");
    const bad = spawnSync(bin, [], { encoding: "utf8", env: { ...fakeAwsEnv(fake.url), ALLOW_WRITE: "maybe" } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('ALLOW_WRITE="maybe" is not a boolean');
    expect(bad.stdout).toBe("");
  });

  test("stdio: initialize with instructions, tools/list, tools/call", async () => {
    const transport = new StdioClientTransport({ command: bin, args: [], env: fakeAwsEnv(fake.url), stderr: "pipe" });
    const client = new Client({ name: "e2e", version: "1" });
    await client.connect(transport);
    expect(client.getServerVersion()).toMatchObject({ name: "ecs-assistant", version: VERSION });
    expect(client.getInstructions()).toContain("CreateExpressGatewayService");
    await exercise(client);
    await client.close();
  }, 30_000);

  test("Streamable HTTP on loopback, with Host checks", async () => {
    const child = spawn(bin, ["--http", "--port", "0"], {
      env: fakeAwsEnv(fake.url),
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let err = "";
        child.stderr.on("data", (d: Buffer) => {
          err += d.toString();
          const m = /http:\/\/127\.0\.0\.1:(\d+)\/mcp/.exec(err);
          if (m) resolve(Number(m[1]));
        });
        child.once("exit", (c) => reject(new Error(`server exited ${c}: ${err}`)));
      });
      const client = new Client({ name: "e2e-http", version: "1" });
      await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`)));
      await exercise(client);
      await client.close();
      const rebinding = await fetch(`http://127.0.0.1:${port}/mcp`, {
        method: "POST",
        headers: { host: "evil.example:80", "content-type": "application/json" },
        body: "{}",
      });
      expect(rebinding.status).toBe(403);
      const origin = await fetch(`http://127.0.0.1:${port}/mcp`, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/json" },
        body: "{}",
      });
      expect(origin.status).toBe(403);
    } finally {
      child.kill("SIGTERM");
    }
  }, 30_000);
});
