// Platform smoke tests of the real server: the windows-x64 .exe under wine and the linux-arm64 binary under qemu
// each answer --version and an MCP initialize + tools/list + tools/call over stdio.
import { afterAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { VERSION } from "../../lib/index.ts";
import { serverBinary } from "../support/binary.ts";
import {
  qemuArm64Command,
  type RunnablePlatform,
  runBinary,
  stopWine,
  wineCommand,
  winPath,
} from "../support/platforms.ts";

const scratch = mkdtempSync(join(tmpdir(), "ecs-platforms-"));
afterAll(() => {
  if (wineCommand()) stopWine();
  rmSync(scratch, { recursive: true, force: true });
});

/** Copies the binary into a scratch dir (the wine stub DLL is placed beside it, never in dist/). */
const staged = (platform: RunnablePlatform) => {
  const src = serverBinary(platform);
  const dst = join(scratch, basename(src));
  copyFileSync(src, dst);
  return dst;
};

/** The .exe takes Windows paths: a drive path to a real app works; system folders and relative paths are refused. */
const windowsPaths = async (client: Client) => {
  const app = join(scratch, "node-http");
  cpSync(join(import.meta.dir, "..", "fixtures", "apps", "node-http"), app, { recursive: true });
  const call = (app_path: string) => client.callTool({ name: "containerize_app", arguments: { app_path, port: 8080 } });
  const ok = await call(winPath(app));
  expect(ok.isError).toBeFalsy();
  expect(ok.structuredContent).toMatchObject({ container_port: 8080, detection: { stack: "node" } });
  const system = await call("C:\\Windows");
  expect(system.isError).toBe(true);
  expect(system.structuredContent).toMatchObject({ error: { kind: "policy_denied", gate: "path" } });
  const relative = await call("app\\src");
  expect(relative.structuredContent).toMatchObject({ error: { kind: "validation" } });
  expect(JSON.stringify(relative.structuredContent)).toContain("C:\\\\Users");
};

const cases: { platform: RunnablePlatform; available: boolean }[] = [
  { platform: "windows-x64", available: wineCommand() !== null },
  { platform: "linux-arm64", available: qemuArm64Command() !== null },
];

describe("cross-platform binaries", () => {
  for (const { platform, available } of cases) {
    test.skipIf(!available && process.env.CI !== "true")(
      `${platform}: --version, then MCP initialize, tools/list and a policy-denied call over stdio`,
      async () => {
        const bin = staged(platform);
        const version = runBinary(platform, bin, ["--version"]);
        const v = spawnSync(version.command, version.args, { env: version.env, encoding: "utf8", timeout: 120_000 });
        expect(v.stdout).toContain(`ecs-mcp-server ${VERSION}`);
        expect(v.status).toBe(0);

        const spec = runBinary(platform, bin, []);
        const env = {
          ...spec.env,
          AWS_REGION: "us-east-1",
          AWS_ACCESS_KEY_ID: "AKIDFAKE",
          AWS_SECRET_ACCESS_KEY: "fake",
          ECS_KNOWLEDGE_URL: "http://127.0.0.1:1/mcp",
        };
        const client = new Client({ name: `smoke-${platform}`, version: "1" });
        await client.connect(new StdioClientTransport({ command: spec.command, args: spec.args, env, stderr: "pipe" }));
        expect(client.getServerVersion()?.version).toBe(VERSION);
        const { tools } = await client.listTools();
        expect(tools.map((t) => t.name)).toContain("ecs_resource_management");
        const denied = await client.callTool({
          name: "ecs_resource_management",
          arguments: { api_operation: "DeleteCluster", api_params: { cluster: "x" } },
        });
        expect(denied.isError).toBe(true);
        if (platform === "windows-x64") await windowsPaths(client);
        await client.close();
      },
      300_000,
    );
  }
});
