// End to end in the 2026-07-28 era: the compiled binary driven by the MCP SDK v2 client over stdio and HTTP.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawn } from "node:child_process";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { VERSION } from "../../lib/index.ts";
import { fakeAwsEnv, serverBinary } from "../support/binary.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
let bin: string;
const ENV = { ALLOW_WRITE: "true" };

beforeAll(async () => {
  fake = await startFakeAws();
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/default"] });
  fake.on("ecs", "DeleteCluster", { cluster: { clusterName: "x", status: "INACTIVE" } });
  bin = serverBinary("linux-x64");
}, 120_000);
afterAll(() => fake.close());

/** A 2026-capable client that answers confirmations with yes; `asked` collects the questions. */
const modernClient = () => {
  const asked: string[] = [];
  const client = new Client(
    { name: "e2e-2026", version: "1" },
    { capabilities: { elicitation: { form: {} } }, versionNegotiation: { mode: "auto" } },
  );
  client.setRequestHandler("elicitation/create", async (req) => {
    asked.push(String(req.params.message));
    return { action: "accept", content: { confirm: true } };
  });
  return { client, asked };
};

/** What every transport must do in the 2026 era: discover, list, call, validation error, confirmed delete. */
const exercise = async (client: Client, asked: string[]) => {
  expect(client.getProtocolEra()).toBe("modern");
  expect(client.getDiscoverResult()?.supportedVersions).toEqual(expect.arrayContaining(["2026-07-28", "2025-11-25"]));
  expect(client.getServerVersion()).toMatchObject({ name: "ecs-assistant", version: VERSION });
  const { tools } = await client.listTools();
  expect(tools.find((t) => t.name === "ecs_resource_management")?.annotations?.destructiveHint).toBe(true);
  const ok = await client.callTool({ name: "ecs_resource_management", arguments: { api_operation: "ListClusters" } });
  expect(ok.structuredContent).toMatchObject({ clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/default"] });
  const bad = await client.callTool({
    name: "ecs_resource_management",
    arguments: { api_operation: "ListClusters", api_params: { maxResult: 5 } },
  });
  expect(bad.structuredContent).toMatchObject({ error: { kind: "validation" } });
  const before = fake.calls.filter((c) => c.operation === "DeleteCluster").length;
  const del = await client.callTool({
    name: "ecs_resource_management",
    arguments: { api_operation: "DeleteCluster", api_params: { cluster: "x" } },
  });
  expect(del.isError).toBeFalsy();
  expect(asked.at(-1)).toContain("DeleteCluster");
  expect(fake.calls.filter((c) => c.operation === "DeleteCluster").length).toBe(before + 1);
};

describe("compiled binary, MCP 2026-07-28 (SDK v2 client)", () => {
  test("stdio: discover, list, call, a destructive call confirmed through input_required", async () => {
    const { client, asked } = modernClient();
    await client.connect(
      new StdioClientTransport({ command: bin, args: [], env: fakeAwsEnv(fake.url, ENV), stderr: "pipe" }),
    );
    await exercise(client, asked);
    await client.close();
  }, 30_000);

  test("Streamable HTTP: the same, with no session", async () => {
    const child = spawn(bin, ["--http", "--port", "0"], {
      env: fakeAwsEnv(fake.url, ENV),
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
      const { client, asked } = modernClient();
      await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`)));
      await exercise(client, asked);
      await client.close();
    } finally {
      child.kill("SIGTERM");
    }
  }, 30_000);
});
