// Locates (or builds) the compiled linux-x64 server binary for end-to-end tests.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binaryName, compile, type Platform } from "../../scripts/compile.ts";

const built = new Map<Platform, string>();

/** Path of the binary for `platform`: from $ECS_E2E_BIN_DIR (CI builds them once) or compiled now into a temp dir. */
export const serverBinary = (platform: Platform = "linux-x64"): string => {
  const dir = process.env.ECS_E2E_BIN_DIR;
  if (dir && existsSync(join(dir, binaryName(platform)))) return join(dir, binaryName(platform));
  let path = built.get(platform);
  if (!path) {
    path = compile(platform, mkdtempSync(join(tmpdir(), "ecs-bin-")));
    built.set(platform, path);
  }
  return path;
};

/** Environment for a server process talking to the fake AWS endpoint (no real credentials, no real AWS). */
export const fakeAwsEnv = (url: string, extra: Record<string, string> = {}): Record<string, string> => ({
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: process.env.HOME ?? "/tmp",
  AWS_ENDPOINT_URL: url,
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "AKIDFAKE",
  AWS_SECRET_ACCESS_KEY: "fake",
  AWS_EC2_METADATA_DISABLED: "true",
  // Never the real AWS Knowledge server from a test: a closed loopback port unless a test points it elsewhere.
  ECS_KNOWLEDGE_URL: "http://127.0.0.1:1/mcp",
  ...extra,
});
