// The boot check itself: a healthy image answers; a crashing app, an app bound to 127.0.0.1 and a wrong port fail.
import { beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureRegistry, type RegistryEnv, run } from "../registry/registry.ts";
import { bootImage } from "./bootImage.ts";

let reg: RegistryEnv | null = null;
beforeAll(async () => {
  reg = await ensureRegistry();
}, 15 * 60_000);

const server = (listen: string) =>
  `require("node:http").createServer((q, s) => s.end(q.url)).listen(Number(process.env.PORT) || 3000, ${listen});\n`;

/** Builds a one-file Node image whose CMD runs `code` as the node user. */
const build = async (tag: string, code: string, env = "PORT=8080") => {
  const dir = mkdtempSync(join(tmpdir(), "boot-"));
  writeFileSync(join(dir, "server.js"), code);
  writeFileSync(
    join(dir, "Dockerfile"),
    `FROM public.ecr.aws/docker/library/node:20-slim\nENV ${env}\nWORKDIR /srv\nCOPY server.js .\nUSER node\nCMD ["node", "server.js"]\n`,
  );
  const image = `localhost/ecs-assistant-boot-test/${tag}:1`;
  const r = await run("podman", ["build", "-q", "-t", image, dir], { env: reg!.env });
  expect(r.code).toBe(0);
  return image;
};

describe("bootImage (skipped when podman or the registries are unavailable)", () => {
  test("a healthy image answers on its port, as its USER, in its WORKDIR", async () => {
    if (!reg) return;
    const image = await build("ok", `${server('"0.0.0.0"')}console.log(process.getuid(), process.cwd());\n`);
    const r = await bootImage({ image, port: 8080, path: "/health", podmanEnv: reg.env });
    expect(r).toMatchObject({ ok: true, status: 200, argv: ["node", "server.js"] });
    expect(r.log).toContain("1000 /srv");
  }, 120_000);

  test("an app that crashes at start fails, with its own error in the log", async () => {
    if (!reg) return;
    const image = await build("crash", 'require("./missing-module");\n');
    const r = await bootImage({ image, port: 8080, podmanEnv: reg.env, timeoutMs: 10_000 });
    expect(r.ok).toBe(false);
    expect(r.reason).toContain("exited");
    expect(r.log).toContain("Cannot find module './missing-module'");
  }, 120_000);

  test("an app bound to 127.0.0.1 fails (the probe comes from the container's address, as a load balancer's does)", async () => {
    if (!reg) return;
    const image = await build("loopback", server('"127.0.0.1"'));
    const r = await bootImage({ image, port: 8080, podmanEnv: reg.env, timeoutMs: 5_000 });
    expect(r).toMatchObject({ ok: false, reason: "no HTTP answer within 5000 ms" });
  }, 120_000);

  test("an app on another port than the one checked fails", async () => {
    if (!reg) return;
    const image = await build("otherport", server('"0.0.0.0"'), "PORT=9090");
    const r = await bootImage({ image, port: 8080, podmanEnv: reg.env, timeoutMs: 5_000 });
    expect(r.ok).toBe(false);
  }, 120_000);
});
