// npm distribution: the launcher's binary selection (pure cases and real runs), the per-platform templates, staging, CJS.
import { beforeAll, describe, expect, test } from "bun:test";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binaryFileName, PLATFORM_PACKAGES, platformKey, type SelectInput, selectBinary } from "../bin/selectBinary.js";
import { VERSION } from "../lib/version.ts";
import { binaryName, type Platform, TARGETS } from "../scripts/compile.ts";
import { stageNpmPackages } from "../scripts/npmPackages.ts";
import { node22 } from "./support/node22.ts";

const ROOT = join(import.meta.dir, "..");

describe("selectBinary (pure)", () => {
  const base: SelectInput = {
    platform: "linux",
    arch: "x64",
    libc: "glibc",
    env: {},
    resolvePackage: (n) => `/nm/${n}`,
    exists: () => true,
    jsEntry: "/pkg/dist/server/main.js",
  };
  const pick = (over: Partial<SelectInput>) => selectBinary({ ...base, ...over });

  test("the installed platform package's binary", () => {
    expect(pick({})).toEqual({
      kind: "binary",
      path: join("/nm/ecs-assistant-linux-x64", "bin", "ecs-mcp-server-linux-x64"),
      source: "ecs-assistant-linux-x64",
    });
    expect(pick({ platform: "win32", libc: undefined })).toMatchObject({
      kind: "binary",
      path: join("/nm/ecs-assistant-windows-x64", "bin", "ecs-mcp-server-windows-x64.exe"),
    });
    expect(pick({ platform: "darwin", arch: "arm64", libc: undefined })).toMatchObject({
      source: "ecs-assistant-darwin-arm64",
    });
  });

  test("falls back to the JS build, saying why", () => {
    const cases: [Partial<SelectInput>, RegExp][] = [
      [{ platform: "win32", arch: "arm64" }, /no prebuilt binary for windows-arm64/],
      [{ platform: "freebsd" }, /no prebuilt binary for freebsd-x64/],
      [{ libc: "musl" }, /glibc/],
      [{ resolvePackage: () => undefined }, /ecs-assistant-linux-x64 is not installed/],
      [{ exists: () => false }, /has no ecs-mcp-server-linux-x64/],
      [{ env: { ECS_ASSISTANT_FORCE_JS: "1" } }, /FORCE_JS/],
      [
        { env: { ECS_ASSISTANT_BINARY: "/x/ecs" }, exists: () => false },
        /ECS_ASSISTANT_BINARY=\/x\/ecs does not exist/,
      ],
    ];
    for (const [over, reason] of cases) {
      const s = pick(over);
      expect(s.kind).toBe("js");
      expect(s.path).toBe("/pkg/dist/server/main.js");
      expect(s.kind === "js" && s.reason).toMatch(reason);
    }
  });

  test("ECS_ASSISTANT_BINARY wins over everything when it exists", () => {
    expect(pick({ env: { ECS_ASSISTANT_BINARY: "/opt/ecs", ECS_ASSISTANT_FORCE_JS: "1" }, libc: "musl" })).toEqual({
      kind: "binary",
      path: "/opt/ecs",
      source: "ECS_ASSISTANT_BINARY",
    });
  });

  test("platform keys and file names agree with the compile script's release names", () => {
    expect(Object.keys(PLATFORM_PACKAGES).sort()).toEqual(Object.keys(TARGETS).sort());
    for (const p of Object.keys(TARGETS) as Platform[]) expect(binaryFileName(p)).toBe(binaryName(p));
    expect(platformKey("win32", "x64")).toBe("windows-x64");
  });
});

describe("per-platform package templates", () => {
  for (const [key, name] of Object.entries(PLATFORM_PACKAGES)) {
    test(`npm/${key}/package.json`, () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, "npm", key, "package.json"), "utf8"));
      const [os, cpu] = key.split("-");
      expect(pkg.name).toBe(name);
      expect(pkg.version).toBe(VERSION);
      expect(pkg.os).toEqual([os === "windows" ? "win32" : os]);
      expect(pkg.cpu).toEqual([cpu]);
      if (os === "linux") expect(pkg.libc).toEqual(["glibc"]);
      expect(pkg.files).toEqual([`bin/${binaryFileName(key)}`]);
    });
  }
});

describe("staging for publication", () => {
  test("copies binaries next to stamped package.json files; the main package gets the optional dependencies", () => {
    const bin = mkdtempSync(join(tmpdir(), "npm-bin-"));
    const out = mkdtempSync(join(tmpdir(), "npm-out-"));
    for (const k of ["linux-x64", "windows-x64"]) writeFileSync(join(bin, binaryFileName(k)), `binary ${k}`);
    const r = stageNpmPackages(ROOT, bin, out);
    expect(r.platforms.sort()).toEqual(["linux-x64", "windows-x64"]);
    expect(r.missing.length).toBe(3);
    expect(readFileSync(join(out, "windows-x64", "bin", "ecs-mcp-server-windows-x64.exe"), "utf8")).toBe(
      "binary windows-x64",
    );
    const main = JSON.parse(readFileSync(r.mainPackageJson, "utf8"));
    expect(main.optionalDependencies).toEqual(
      Object.fromEntries(Object.values(PLATFORM_PACKAGES).map((n) => [n, VERSION])),
    );
    // npm itself agrees on what the platform package contains.
    const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: join(out, "linux-x64"),
      encoding: "utf8",
    });
    expect(pack.status).toBe(0);
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
    expect(files).toEqual(["bin/ecs-mcp-server-linux-x64", "package.json"]);
  }, 30_000);
});

describe("the launcher, run by node", () => {
  let pkg: string;
  const run = (env: Record<string, string> = {}, args = ["a", "b c"]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(node22(), [join(pkg, "bin", "ecs-assistant.js"), ...args], {
        env: { PATH: process.env.PATH ?? "", ...env },
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      child.on("close", (code) => resolve({ code, out, err }));
    });

  beforeAll(() => {
    // A package as npm would install it: bin/ + dist/server/main.js, and node_modules/<platform package>.
    pkg = mkdtempSync(join(tmpdir(), "npm-launch-"));
    cpSync(join(ROOT, "bin"), join(pkg, "bin"), { recursive: true });
    writeFileSync(join(pkg, "package.json"), '{"name":"ecs-assistant","type":"module"}');
    mkdirSync(join(pkg, "dist", "server"), { recursive: true });
    writeFileSync(
      join(pkg, "dist", "server", "main.js"),
      'console.log("js build", JSON.stringify(process.argv.slice(2)));',
    );
    const key = platformKey(process.platform, process.arch);
    const dir = join(pkg, "node_modules", PLATFORM_PACKAGES[key]!);
    mkdirSync(join(dir, "bin"), { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: PLATFORM_PACKAGES[key], version: VERSION }));
    writeFileSync(join(dir, "bin", binaryFileName(key)), '#!/bin/sh\necho "binary $1|$2"\nexit 7\n');
    chmodSync(join(dir, "bin", binaryFileName(key)), 0o755);
  });

  test("spawns the platform binary with the arguments and passes its exit code through", async () => {
    const r = await run();
    expect(r.out).toBe("binary a|b c\n");
    expect(r.code).toBe(7);
  });

  test("without the platform package it imports the JS build", async () => {
    const bare = mkdtempSync(join(tmpdir(), "npm-bare-"));
    for (const part of ["bin", "dist", "package.json"]) cpSync(join(pkg, part), join(bare, part), { recursive: true });
    const saved = pkg;
    pkg = bare;
    const r = await run({ ECS_ASSISTANT_DEBUG: "1" });
    pkg = saved;
    expect(r.out).toBe('js build ["a","b c"]\n');
    expect(r.err).toMatch(/ecs-assistant-[a-z0-9-]+ is not installed|no prebuilt binary/);
  });

  test("ECS_ASSISTANT_FORCE_JS imports the JS build with the same arguments", async () => {
    const r = await run({ ECS_ASSISTANT_FORCE_JS: "1", ECS_ASSISTANT_DEBUG: "1" });
    expect(r.out).toBe('js build ["a","b c"]\n');
    expect(r.code).toBe(0);
    expect(r.err).toContain("running the JS build (ECS_ASSISTANT_FORCE_JS is set)");
    expect(readdirSync(join(pkg, "node_modules")).length).toBe(1);
  });
});

describe("CommonJS consumers", () => {
  beforeAll(() => {
    const r = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`tsc build failed:\n${r.stdout}${r.stderr}`);
  }, 120_000);

  test("require('ecs-assistant') works where Node can require ES modules", () => {
    const r = spawnSync(
      node22(),
      ["-e", 'const a = require("ecs-assistant"); console.log(typeof a.createEcsAssistant, a.VERSION)'],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(r.stdout.trim()).toBe(`function ${VERSION}`);
  });

  test("and explains import() where it cannot", () => {
    const r = spawnSync(node22(), ["--no-experimental-require-module", "-e", 'require("ecs-assistant")'], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("ecs-assistant is an ES module");
    expect(r.stderr).toContain('await import("ecs-assistant")');
  });
});
