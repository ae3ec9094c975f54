// MCPB bundles: manifests valid per @anthropic-ai/mcpb, and a real bundle that mcpb unpacks, validates and can launch.
import { beforeAll, describe, expect, test } from "bun:test";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getMcpConfigForManifest, unpackExtension, validateManifest } from "@anthropic-ai/mcpb";
import { VERSION } from "../lib/version.ts";
import { type Platform, TARGETS } from "../scripts/compile.ts";
import { buildMcpb, entryPoint, manifestProblems, mcpbManifest } from "../scripts/mcpb.ts";
import { createZip } from "../scripts/zip.ts";
import { serverBinary } from "./support/binary.ts";

describe("manifest", () => {
  for (const p of Object.keys(TARGETS) as Platform[]) {
    test(`${p}: valid MCPB ${mcpbManifest(p).manifest_version} manifest, binary server`, () => {
      const m = mcpbManifest(p);
      expect(manifestProblems(m)).toEqual([]);
      expect(m.server.type).toBe("binary");
      expect(m.version).toBe(VERSION);
      expect(m.server.mcp_config.command).toBe(`\${__dirname}/${entryPoint(p)}`);
      expect(m.compatibility.platforms as string[]).toEqual([p.startsWith("windows") ? "win32" : p.split("-")[0]!]);
    });
  }

  test("the validator is real: a broken manifest is refused", () => {
    const m = mcpbManifest("linux-x64");
    expect(manifestProblems({ ...m, server: { ...m.server, type: "exe" } }).join()).toContain("server.type");
    expect(manifestProblems({ ...m, author: undefined }).join()).toContain("author");
  });
});

describe("zip", () => {
  test("the same entries give the same bytes (reproducible bundles)", () => {
    const entries = [{ name: "a.txt", data: Buffer.from("x".repeat(500)) }];
    expect(createZip(entries).equals(createZip(entries))).toBe(true);
  });

  test("mcpb's unpacker reads our archive, contents and modes intact", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zip-"));
    const file = join(dir, "t.mcpb");
    await Bun.write(
      file,
      createZip([
        { name: "a.txt", data: Buffer.from("hello ".repeat(1000)) },
        { name: "sub/run.sh", data: Buffer.from("#!/bin/sh\n"), mode: 0o755 },
      ]),
    );
    expect(await unpackExtension({ mcpbPath: file, outputDir: join(dir, "out"), silent: true })).toBe(true);
    expect(readFileSync(join(dir, "out", "a.txt"), "utf8")).toBe("hello ".repeat(1000));
    expect(statSync(join(dir, "out", "sub", "run.sh")).mode & 0o777).toBe(0o755);
  });
});

describe("linux-x64 bundle", () => {
  let out: string;
  let bundle: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), "mcpb-"));
    bundle = buildMcpb("linux-x64", serverBinary("linux-x64"), out);
  }, 180_000);

  test("unpacks, validates with mcpb, and the configured command starts the server with the user's choices", async () => {
    const dir = join(out, "installed");
    expect(await unpackExtension({ mcpbPath: bundle, outputDir: dir, silent: true })).toBe(true);
    expect(validateManifest(join(dir, "manifest.json"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    const config = await getMcpConfigForManifest({
      manifest,
      extensionPath: dir,
      systemDirs: {},
      userConfig: { aws_profile: "", aws_region: "eu-west-1", allow_write: true, allow_sensitive_data: false },
      pathSeparator: "/",
    });
    expect(config?.command).toBe(join(dir, "server", "ecs-mcp-server"));
    expect(config?.env).toMatchObject({ AWS_REGION: "eu-west-1", ALLOW_WRITE: "true", ALLOW_SENSITIVE_DATA: "false" });
    // What Claude Desktop would run: the binary with the manifest's env. `tools` shows the policy it got.
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(config!.command, ["tools"], { env: { PATH: process.env.PATH ?? "", ...config!.env } });
      let text = "";
      child.stdout.on("data", (d) => (text += d));
      child.on("close", (code) => resolve({ code, out: text }));
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain("writes allowed");
    expect(r.out).toContain("ecs_resource_management");
  }, 60_000);
});
