// The server's own container image (deploy/container/Dockerfile): built with podman from the compiled binary, then
// booted from its filesystem with its own ENTRYPOINT/CMD, ENV and USER (test/support/boot): /healthz answers without a
// token, /mcp refuses one without, and without any authentication configured it refuses to start.
import { beforeAll, describe, expect, test } from "bun:test";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverBinary } from "../support/binary.ts";
import { bootImage } from "../support/boot/bootImage.ts";
import { buildImage } from "../support/boot/buildImage.ts";
import { ensureRegistry, type RegistryEnv, run } from "../support/registry/registry.ts";

const ROOT = join(import.meta.dir, "..", "..");
const IMAGE = "localhost/ecs-assistant-server-image/ecs-mcp-server:test";
let reg: RegistryEnv | null = null;
beforeAll(async () => {
  reg = await ensureRegistry();
  if (!reg) return;
  const ctx = mkdtempSync(join(tmpdir(), "server-image-"));
  copyFileSync(serverBinary(), join(ctx, "ecs-mcp-server-linux-x64"));
  const b = await buildImage(IMAGE, ctx, reg.env, { dockerfile: join(ROOT, "deploy", "container", "Dockerfile") });
  if (!b.ok) throw new Error(`podman build failed:\n${b.tail}`);
}, 15 * 60_000);

/** The image with deployment settings added as ENV (what a task definition's environment does). */
const withEnv = async (tag: string, env: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), "server-image-env-"));
  const lines = Object.entries(env).map(([k, v]) => `ENV ${k}=${v}`);
  writeFileSync(join(dir, "Dockerfile"), [`FROM ${IMAGE}`, ...lines, ""].join("\n"));
  const image = `localhost/ecs-assistant-server-image/${tag}:test`;
  const r = await run("podman", ["build", "-q", "-t", image, dir], { env: reg!.env });
  expect(r.code).toBe(0);
  return image;
};

describe("the server image (skipped when podman or the registries are unavailable)", () => {
  test("non-root, exposes 8080, serves HTTP by default", async () => {
    if (!reg) return;
    const r = await run("podman", ["image", "inspect", IMAGE, "--format", "{{json .Config}}"], { env: reg.env });
    expect(r.code).toBe(0);
    const config = JSON.parse(r.stdout) as { User: string; ExposedPorts: Record<string, unknown>; Cmd: string[] };
    expect(config.User).toBe("65534:65534");
    expect(Object.keys(config.ExposedPorts)).toEqual(["8080/tcp"]);
    expect(config.Cmd).toEqual(["--http", "--host", "0.0.0.0", "--port", "8080"]);
  }, 60_000);

  test("with a token configured it boots: /healthz answers 200 without one", async () => {
    if (!reg) return;
    const image = await withEnv("token", {
      ECS_MCP_AUTH_TOKEN: "team-token-0123456789abcdef",
      AWS_REGION: "us-east-1",
    });
    const r = await bootImage({ image, port: 8080, path: "/healthz", podmanEnv: reg.env, timeoutMs: 30_000 });
    expect(r.ok).toBe(true);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body ?? "{}")).toMatchObject({ status: "ok" });
  }, 120_000);

  test("/mcp without the token is refused with 401 (its Host allowed by ECS_MCP_ALLOWED_HOSTS)", async () => {
    if (!reg) return;
    const image = await withEnv("mcp401", {
      ECS_MCP_AUTH_TOKEN: "team-token-0123456789abcdef",
      ECS_MCP_ALLOWED_HOSTS: "192.0.2.1:8080",
      AWS_REGION: "us-east-1",
    });
    const r = await bootImage({ image, port: 8080, path: "/mcp", podmanEnv: reg.env, okStatus: (s) => s === 401 });
    expect(r).toMatchObject({ ok: true, status: 401 });
  }, 120_000);

  test("without any authentication it refuses to start, saying what to set", async () => {
    if (!reg) return;
    const r = await bootImage({ image: IMAGE, port: 8080, path: "/healthz", podmanEnv: reg.env, timeoutMs: 10_000 });
    expect(r.ok).toBe(false);
    expect(r.log).toContain("ECS_MCP_AUTH_TOKEN");
  }, 120_000);
});
