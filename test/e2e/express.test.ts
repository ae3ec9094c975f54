// End to end: the compiled binary takes a source folder to a pushed image (podman → loopback registry, fake ECR), for a
// 2025-11-25 and a 2026-07-28 client, each over stdio and HTTP; and as a task for a 2026 client declaring the extension.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { fakeAwsEnv, serverBinary } from "../support/binary.ts";
import { connectE2E, E2E_MATRIX, startHttpBinary } from "../support/e2eClient.ts";
import { fakeEcrOnRegistry } from "../support/express/fakeEcrRegistry.ts";
import { fakeStack } from "../support/express/fakeExpress.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { ensureRegistry, getManifestDigest, type RegistryEnv } from "../support/registry/registry.ts";
import { TASK_CAPABILITIES, taskRequester } from "../support/taskRequester.ts";

let fake: FakeAws;
let reg: RegistryEnv | null = null;
let bin: string;

beforeAll(async () => {
  fake = await startFakeAws();
  reg = await ensureRegistry();
  bin = serverBinary("linux-x64");
}, 15 * 60_000);
afterAll(() => fake.close());

describe.each(E2E_MATRIX)("Express Mode through MCP (compiled binary), $name", (combo) => {
  test("containerize_app → build_and_push_image_to_ecr: progress notifications and a digest equal to the registry's", async () => {
    if (!reg) return;
    const app = "e2enode";
    fakeStack(fake, app, { repositoryUri: `${reg.ecrHost}/${app}-repo` });
    fakeEcrOnRegistry(fake, reg);
    const dir = join(mkdtempSync(join(tmpdir(), "express-e2e-")), "node-http");
    cpSync(join(import.meta.dir, "../fixtures/apps/node-http"), dir, { recursive: true });
    const client = await connectE2E(combo, bin, fakeAwsEnv(fake.url, { ...reg.env, ALLOW_WRITE: "true" }), [
      "--container-runtime",
      "podman",
    ]);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(
        expect.arrayContaining([
          "containerize_app",
          "build_and_push_image_to_ecr",
          "validate_ecs_express_mode_prerequisites",
          "wait_for_service_ready",
          "delete_app",
          "deploy_app",
        ]),
      );
      expect(tools.find((t) => t.name === "delete_app")?.annotations?.destructiveHint).toBe(true);

      const c = await client.callTool({
        name: "containerize_app",
        arguments: { app_path: dir, port: 8080, write: true },
      });
      expect(c.isError).toBeFalsy();
      expect(c.structuredContent).toMatchObject({
        container_port: 8080,
        detection: { stack: "node" },
        written: [join(dir, "Dockerfile"), join(dir, ".dockerignore")],
      });

      const progress: string[] = [];
      const tag = `e2e${Date.now()}`;
      const r = await client.callTool(
        { name: "build_and_push_image_to_ecr", arguments: { app_name: app, app_path: dir, tag } },
        { onprogress: (p) => progress.push(p.message ?? ""), timeout: 300_000 },
      );
      expect(r.isError).toBeFalsy();
      const out = r.structuredContent as Record<string, string>;
      expect(out).toMatchObject({
        image_tag: tag,
        full_image_uri: `${reg.ecrHost}/${app}-repo:${tag}`,
        stack_name: `${app}-ecr-infrastructure`,
        container_runtime: "podman",
      });
      expect(out.image_digest).toBe(await getManifestDigest(reg.ecrHost, `${app}-repo`, tag, reg));
      expect(progress.some((m) => m.includes("Creating stack"))).toBe(true);
      expect(progress.some((m) => m.startsWith("build: "))).toBe(true);
      expect(progress.some((m) => m.startsWith("Pushed "))).toBe(true);
      expect(JSON.stringify(r)).not.toContain(reg.password);
    } finally {
      await client.close();
    }
  }, 300_000);
});

describe.each(["stdio", "http"] as const)("build_and_push_image_to_ecr as a task (2026-07-28, %s)", (wire) => {
  test("the handle comes back at once; tasks/get on the process building reports progress, then the pushed image", async () => {
    if (!reg) return;
    const app = "e2etask";
    fakeStack(fake, app, { repositoryUri: `${reg.ecrHost}/${app}-repo` });
    fakeEcrOnRegistry(fake, reg);
    const dir = join(mkdtempSync(join(tmpdir(), "express-e2e-")), "node-http");
    cpSync(join(import.meta.dir, "../fixtures/apps/node-http"), dir, { recursive: true });
    const env = fakeAwsEnv(fake.url, { ...reg.env, ALLOW_WRITE: "true" });
    const args = ["--container-runtime", "podman"];
    const http = wire === "http" ? await startHttpBinary(bin, args, env) : undefined;
    const transport = http
      ? new StreamableHTTPClientTransport(http.url)
      : new StdioClientTransport({ command: bin, args, env, stderr: "pipe" });
    const client = new Client(
      { name: "e2e-build-task", version: "1" },
      { capabilities: TASK_CAPABILITIES, versionNegotiation: { mode: { pin: "2026-07-28" } } },
    );
    try {
      await client.connect(transport);
      const tasks = taskRequester(client, transport);
      await client.callTool({ name: "containerize_app", arguments: { app_path: dir, port: 8080, write: true } });
      const tag = `task${Date.now()}`;
      const t0 = Date.now();
      const created = await tasks.callTool("build_and_push_image_to_ecr", { app_name: app, app_path: dir, tag });
      expect(created).toMatchObject({ resultType: "task", status: "working" });
      expect(Date.now() - t0).toBeLessThan(5_000);
      const messages = new Set<string>();
      let task = await tasks.get(created.taskId);
      for (let i = 0; i < 600 && task.status === "working"; i++) {
        if (task.statusMessage) messages.add(task.statusMessage);
        await Bun.sleep(200);
        task = await tasks.get(created.taskId);
      }
      expect(task.status).toBe("completed");
      expect(task.result?.structuredContent).toMatchObject({
        image_tag: tag,
        full_image_uri: `${reg.ecrHost}/${app}-repo:${tag}`,
      });
      expect(task.result?.structuredContent.image_digest).toBe(
        await getManifestDigest(reg.ecrHost, `${app}-repo`, tag, reg),
      );
      expect(messages.size).toBeGreaterThan(1); // progress reached the task's statusMessage while it ran
    } finally {
      await client.close();
      http?.child.kill("SIGTERM");
    }
  }, 300_000);
});
