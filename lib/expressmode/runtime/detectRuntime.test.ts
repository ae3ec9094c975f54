import { describe, expect, test } from "bun:test";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { detectRuntime } from "./detectRuntime.ts";

/** A PATH holding stub CLIs: each prints a line and exits with the given code. */
const stubPath = (stubs: Record<string, { code: number; out: string }>): string => {
  const dir = mkdtempSync(join(tmpdir(), "runtime-stubs-"));
  for (const [name, s] of Object.entries(stubs)) {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\necho "${s.out}" >&2\nexit ${s.code}\n`);
    chmodSync(file, 0o755);
  }
  return dir;
};

describe("detectRuntime", () => {
  test("docker without an engine is skipped; finch comes next", async () => {
    const PATH = stubPath({
      docker: { code: 1, out: "Cannot connect to the Docker daemon at unix:///var/run/docker.sock" },
      finch: { code: 0, out: "finch version v1.4.0" },
      podman: { code: 0, out: "podman version 4.3.1" },
    });
    const r = (await detectRuntime({ env: { PATH } }))._unsafeUnwrap();
    expect(r).toMatchObject({ name: "finch", platform: "linux/amd64" });
  });

  test("only podman installed: podman", async () => {
    const PATH = stubPath({ podman: { code: 0, out: "podman version 4.3.1" } });
    expect((await detectRuntime({ env: { PATH } }))._unsafeUnwrap().name).toBe("podman");
  });

  test("nothing usable: a container_runtime error naming each problem and how to fix it", async () => {
    const PATH = stubPath({ docker: { code: 1, out: "Cannot connect to the Docker daemon" } });
    const e = (await detectRuntime({ env: { PATH } }))._unsafeUnwrapErr();
    expect(e.kind).toBe("container_runtime");
    expect(e.message).toContain(
      "docker is installed but `docker version` failed (Cannot connect to the Docker daemon)",
    );
    expect(e.message).toContain("finch is not installed");
    expect(e.message).toContain("podman is not installed");
    expect(e.hint).toContain("options.container.runtime");
  });

  test("an explicit runtime is the only candidate", async () => {
    const PATH = stubPath({ docker: { code: 0, out: "Docker version 28" }, podman: { code: 0, out: "podman" } });
    expect(
      (await detectRuntime({ env: { PATH }, runtime: "podman", platform: "linux/arm64" }))._unsafeUnwrap(),
    ).toMatchObject({
      name: "podman",
      platform: "linux/arm64",
    });
  });
});
