// Builds a small Node image with podman from the loopback public.ecr.aws mirror and pushes it to the fake ECR.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureRegistry, getManifestDigest, run } from "./support/registry/registry.ts";

const reg = await ensureRegistry();
const work = mkdtempSync(join(tmpdir(), "registry-test-"));
const tag = `t${Date.now()}`;
const local = `localhost/ecs-assistant-test/myapp:${tag}`;

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (!reg) return;
  // Untagging waits for podman's storage lock, which other builds on a shared machine can hold for minutes. The image
  // is named per run and harmless if left, so the clean-up gets 20 s and is then abandoned rather than failing the run.
  const r = await run("podman", ["rmi", "--force", local], { env: reg.env, timeoutMs: 20_000 });
  if (r.code !== 0) console.warn(`[registry] left ${local} behind: ${r.stderr.trim().split("\n").at(-1)}`);
}, 30_000);

describe.skipIf(reg === null)("podman through the loopback registries", () => {
  test("build FROM public.ecr.aws node image, push to fake ECR, digest matches the registry's", async () => {
    const r = reg!;
    writeFileSync(join(work, "package.json"), JSON.stringify({ name: "myapp", version: "1.0.0", main: "server.js" }));
    writeFileSync(join(work, "server.js"), 'require("http").createServer((q, s) => s.end("ok")).listen(3000);\n');
    writeFileSync(
      join(work, "Dockerfile"),
      [
        "FROM public.ecr.aws/docker/library/node:20-slim",
        "WORKDIR /app",
        "COPY package.json server.js ./",
        "RUN node --version && npm --version",
        "USER node",
        "EXPOSE 3000",
        'CMD ["node", "server.js"]',
        "",
      ].join("\n"),
    );
    // --no-cache: the RUN step must really run here (a warm machine would otherwise answer from an earlier build).
    const build = await run("podman", ["build", "--no-cache", "-t", local, work], { env: r.env });
    expect(build.stdout).toMatch(/RUN node --version.*\nv\d+\.\d+\.\d+\n/);
    expect(build.code).toBe(0);

    const login = await run("podman", ["login", r.ecrHost, "-u", r.username, "--password-stdin"], {
      env: r.env,
      input: r.password,
    });
    expect(login.code).toBe(0);
    const digestFile = join(work, "digest");
    const remote = `${r.ecrHost}/myapp-repo:${tag}`;
    const push = await run("podman", ["push", "--digestfile", digestFile, local, remote], { env: r.env });
    expect(push.stderr).not.toContain("Error");
    expect(push.code).toBe(0);

    const pushed = readFileSync(digestFile, "utf8").trim();
    expect(pushed).toMatch(/^sha256:[0-9a-f]{64}$/);
    const auth = { username: r.username, password: r.password };
    expect(await getManifestDigest(r.ecrHost, "myapp-repo", tag, auth)).toBe(pushed);
    await expect(getManifestDigest(r.ecrHost, "myapp-repo", tag)).rejects.toThrow("HTTP 401");
  }, 600_000);
});
