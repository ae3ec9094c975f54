// MCPB bundles (one-click install in Claude Desktop): manifest.json + the platform's binary, validated with @anthropic-ai/mcpb.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { VERSIONED_MANIFEST_SCHEMAS } from "@anthropic-ai/mcpb";
import { ALL_TOOLS } from "../lib/tools.ts";
import { VERSION } from "../lib/version.ts";
import { binaryName, type Platform } from "./compile.ts";
import { createZip } from "./zip.ts";

/** The MCPB manifest version we write (Claude Desktop reads 0.3 and later). */
export const MANIFEST_VERSION = "0.3";

const OS = { linux: "linux", darwin: "darwin", windows: "win32" } as const;

/** Path of the server binary inside the bundle. */
export const entryPoint = (p: Platform): string => `server/ecs-mcp-server${p.startsWith("windows") ? ".exe" : ""}`;

/** An MCPB substitution of the user's answer to `key` in user_config. */
const userConfig = (key: string): string => `\${user_config.${key}}`;

/** File name of a platform's bundle. */
export const bundleName = (p: Platform): string => `ecs-assistant-${p}.mcpb`;

/**
 * The manifest of a platform's bundle. The user's choices become the reference's environment variables, so the
 * bundle configures the server exactly like a hand-written `mcpServers` entry would.
 */
export const mcpbManifest = (p: Platform) => ({
  manifest_version: MANIFEST_VERSION,
  name: "ecs-assistant",
  display_name: "ECS Assistant",
  version: VERSION,
  description: "Deploy web apps to Amazon ECS Express Mode, manage ECS/ECR resources and troubleshoot deployments.",
  long_description:
    "A drop-in replacement for the awslabs ecs-mcp-server as a single binary: containerize, build and push, create Express Mode services, and diagnose failures. Read-only and without sensitive data unless you allow them.",
  author: { name: "ecs-assistant contributors" },
  license: "Apache-2.0",
  keywords: ["aws", "ecs", "express-mode", "containers", "deployment", "troubleshooting"],
  server: {
    type: "binary",
    entry_point: entryPoint(p),
    mcp_config: {
      command: `\${__dirname}/${entryPoint(p)}`,
      args: [],
      env: {
        AWS_PROFILE: userConfig("aws_profile"),
        AWS_REGION: userConfig("aws_region"),
        ALLOW_WRITE: userConfig("allow_write"),
        ALLOW_SENSITIVE_DATA: userConfig("allow_sensitive_data"),
        FASTMCP_LOG_LEVEL: "ERROR",
      },
    },
  },
  tools: ALL_TOOLS.map((t) => ({ name: t.name, description: t.title })),
  compatibility: { platforms: [OS[p.split("-")[0] as keyof typeof OS]] },
  user_config: {
    aws_profile: {
      type: "string",
      title: "AWS profile",
      description: "Named profile from ~/.aws/config (SSO profiles work). Empty: the default credential chain.",
      required: false,
      default: "",
    },
    aws_region: {
      type: "string",
      title: "AWS region",
      description: "Region of your ECS resources, e.g. us-east-1.",
      required: false,
      default: "us-east-1",
    },
    allow_write: {
      type: "boolean",
      title: "Allow changes",
      description: "Let the assistant create, update and delete AWS resources and write local files (ALLOW_WRITE).",
      required: false,
      default: false,
    },
    allow_sensitive_data: {
      type: "boolean",
      title: "Show sensitive data",
      description: "Return logs, environment values and secret references unredacted (ALLOW_SENSITIVE_DATA).",
      required: false,
      default: false,
    },
  },
});

/** Checks a manifest against the MCPB schema of its version; returns the problems (empty when valid). */
export const manifestProblems = (manifest: unknown): string[] => {
  const r = VERSIONED_MANIFEST_SCHEMAS[MANIFEST_VERSION].safeParse(manifest);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
};

/** Writes `<outDir>/ecs-assistant-<platform>.mcpb` from a compiled binary; throws when the manifest is invalid. */
export const buildMcpb = (p: Platform, binaryPath: string, outDir: string): string => {
  const manifest = mcpbManifest(p);
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`invalid MCPB manifest for ${p}:\n${problems.join("\n")}`);
  const out = join(outDir, bundleName(p));
  writeFileSync(
    out,
    createZip([
      { name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
      { name: entryPoint(p), data: readFileSync(binaryPath), mode: 0o755 },
    ]),
  );
  return out;
};

/** Bundles every platform whose binary is in `binDir` (the compile script calls this with --mcpb). */
export const buildMcpbBundles = (platforms: readonly Platform[], binDir: string, outDir = binDir): string[] =>
  platforms.map((p) => buildMcpb(p, join(binDir, binaryName(p)), outDir));
