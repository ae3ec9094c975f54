// Test helper: runs setup.sh for podman plus loopback OCI registries (public.ecr.aws mirror, basic-auth fake ECR).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface RegistryEnv {
  /** Anonymous registry serving public.ecr.aws/* (and docker.io/library/*) base images, e.g. http://127.0.0.1:5100. */
  mirrorUrl: string;
  /** Basic-auth registry standing in for <account>.dkr.ecr.<region>.amazonaws.com. */
  ecrHost: string;
  username: string;
  password: string;
  /** CONTAINERS_CONF, CONTAINERS_REGISTRIES_CONF, CONTAINERS_STORAGE_CONF, REGISTRY_AUTH_FILE, …: add to podman's env. */
  env: Record<string, string>;
}

export interface BasicAuth {
  username: string;
  password: string;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const SETUP = join(dirname(fileURLToPath(import.meta.url)), "setup.sh");
const STATE_DIR = process.env.ECS_ASSISTANT_REGISTRY_DIR ?? "/var/tmp/ecs-assistant-registry";
const UNSUPPORTED = 3; // setup.sh's exit code for "this machine cannot do it"
const MANIFEST_TYPES = [
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
].join(", ");

/** Runs a command (in its own process group, killed whole on timeout) and collects its output. */
export function run(
  cmd: string,
  args: string[],
  opts: { env?: Record<string, string>; input?: string; timeoutMs?: number; echoStderr?: boolean } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...opts.env }, detached: true, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (opts.echoStderr) process.stderr.write(d);
    });
    const ms = opts.timeoutMs ?? 10 * 60_000;
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${ms} ms]`;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {} // already gone
    }, ms);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}

async function setup(timeoutMs: number): Promise<RegistryEnv | null> {
  const skip = (why: string): null => {
    if (process.env.ECS_ASSISTANT_REQUIRE_REGISTRY === "1") throw new Error(`registry required but ${why}`);
    console.warn(`[registry] skipping podman/registry tests: ${why}`);
    return null;
  };
  if (process.platform !== "linux" || process.getuid?.() !== 0) return skip("needs Linux as root");
  const r = await run("bash", [SETUP], { timeoutMs, echoStderr: true });
  if (r.code === UNSUPPORTED) return skip(r.stderr.trim().split("\n").at(-1) ?? "unsupported");
  if (r.code !== 0) throw new Error(`setup.sh failed (exit ${r.code}):\n${r.stderr.slice(-4000)}`);
  const env: Record<string, string> = {};
  for (const line of readFileSync(join(STATE_DIR, "env"), "utf8").split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return {
    mirrorUrl: `http://${env.FAKE_PUBLIC_MIRROR}`,
    ecrHost: env.FAKE_ECR_HOST ?? "127.0.0.1:5101",
    username: env.FAKE_ECR_USERNAME ?? "AWS",
    password: env.FAKE_ECR_PASSWORD ?? "",
    env,
  };
}

let pending: Promise<RegistryEnv | null> | undefined;

/** Installs/starts everything once per process (cold: ~2 min, warm: <1 s); null when this machine cannot. */
export function ensureRegistry(timeoutMs = 15 * 60_000): Promise<RegistryEnv | null> {
  pending ??= setup(timeoutMs);
  return pending;
}

/** GETs /v2/<repo>/manifests/<tag> over plain HTTP and returns its digest (Docker-Content-Digest, checked against the body). */
export async function getManifestDigest(host: string, repo: string, tag: string, auth?: BasicAuth): Promise<string> {
  const headers: Record<string, string> = { Accept: MANIFEST_TYPES };
  if (auth) headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, { headers });
  if (!res.ok) throw new Error(`GET ${host}/v2/${repo}/manifests/${tag}: HTTP ${res.status} ${await res.text()}`);
  const body = Buffer.from(await res.arrayBuffer());
  const computed = `sha256:${createHash("sha256").update(body).digest("hex")}`;
  const header = res.headers.get("docker-content-digest");
  if (header !== null && header !== computed) throw new Error(`digest header ${header} != sha256 of body ${computed}`);
  return header ?? computed;
}
