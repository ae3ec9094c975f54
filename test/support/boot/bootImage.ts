// Boot check without `podman run`: starts a built image's own ENTRYPOINT/CMD from its exported filesystem under
// unshare (mount, pid, net, uts namespaces) + chroot into the container's podman-mounted root, with the image's ENV, WORKDIR and USER, and probes its port.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fchownSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../registry/registry.ts";
import { imageConfig, resolveUser } from "./imageConfig.ts";

/** What to boot and how to judge it. */
export interface BootOptions {
  /** A local image (built by podman with the same storage env). */
  readonly image: string;
  /** The container port the app must answer on. */
  readonly port: number;
  /** Path probed with GET (default `/`). */
  readonly path?: string;
  /** podman's environment (CONTAINERS_* from the registry setup). */
  readonly podmanEnv: Record<string, string>;
  /** How long the app may take to answer (default 30 s). */
  readonly timeoutMs?: number;
  /** HTTP statuses that count as up (default 200–399, what an ALB health check accepts by default is 200). */
  readonly okStatus?: (status: number) => boolean;
}

/** The verdict, with the evidence (argv, status, log tail) a failing test prints. */
export interface BootResult {
  readonly ok: boolean;
  readonly status?: number;
  /** The start of the answer's body (first 2,000 characters), when it answered. */
  readonly body?: string;
  readonly reason?: string;
  readonly argv: readonly string[];
  readonly log: string;
  readonly ms: number;
}

/** The address the app is probed on: not loopback, so an app bound to 127.0.0.1 fails as it would in a task. */
export const PROBE_ADDR = "192.0.2.1";
const LOG_TAIL = 4000;

/** Boots `image` and checks that `port` answers HTTP; never throws for an app failure (ok: false with a reason). */
export const bootImage = async (o: BootOptions): Promise<BootResult> => {
  const t0 = Date.now();
  const cfg = await imageConfig(o.image, o.podmanEnv);
  const argv = [...(cfg.Entrypoint ?? []), ...(cfg.Cmd ?? [])];
  if (argv.length === 0) return { ok: false, reason: "image has no ENTRYPOINT or CMD", argv, log: "", ms: 0 };
  const name = `boot-${randomBytes(6).toString("hex")}`;
  try {
    // The container's own writable root filesystem (image layers + an empty upper layer), as `podman run` would use.
    const created = await run("podman", ["create", "--name", name, o.image], { env: o.podmanEnv });
    if (created.code !== 0) throw new Error(`podman create: ${created.stderr.slice(-500)}`);
    const mounted = await run("podman", ["mount", name], { env: o.podmanEnv });
    if (mounted.code !== 0) throw new Error(`podman mount: ${mounted.stderr.slice(-500)}`);
    const root = mounted.stdout.trim();
    const hostname = randomBytes(6).toString("hex");
    // As Docker does: /etc/hosts names localhost and the container's hostname at its address.
    mkdirSync(join(root, "etc"), { recursive: true });
    writeFileSync(
      join(root, "etc/hosts"),
      `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${PROBE_ADDR}\t${hostname}\n`,
    );
    writeFileSync(join(root, "etc/hostname"), `${hostname}\n`);
    for (const d of ["proc", "dev", "tmp"]) mkdirSync(join(root, d), { recursive: true });
    const user = resolveUser(cfg.User, root);
    // Docker's defaults first (PATH, HOSTNAME, HOME), the image's ENV over them.
    const env = new Map<string, string>([
      ["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
      ["HOSTNAME", hostname],
      ["HOME", user.home],
    ]);
    for (const kv of cfg.Env ?? []) {
      const i = kv.indexOf("=");
      if (i > 0) env.set(kv.slice(0, i), kv.slice(i + 1));
    }
    const wd = cfg.WorkingDir || "/";
    const script = [
      "set -e",
      `hostname "$1"`,
      "ip link set lo up",
      `ip addr add ${PROBE_ADDR}/32 dev lo`,
      `mount -t proc proc "$2/proc"`,
      `mount --rbind /dev "$2/dev"`,
      "shift 2",
      `exec "$@"`,
    ].join("\n");
    const args = [
      "--mount",
      "--pid",
      "--net",
      "--uts",
      "--fork",
      "--kill-child",
      "--",
      "bash",
      "-c",
      script,
      "boot",
      hostname,
      root,
      "/usr/bin/env",
      "-i",
      ...[...env].map(([k, v]) => `${k}=${v}`),
      "/usr/bin/unshare",
      `--root=${root}`,
      `--wd=${wd}`,
      `--setgid=${user.gid}`,
      `--setuid=${user.uid}`,
      "--",
      ...argv,
    ];
    return await probe(o, args, argv, user, t0);
  } finally {
    // The proc/dev mounts lived in the (now dead) private mount namespace; podman unmounts and deletes the rest.
    await run("podman", ["umount", name], { env: o.podmanEnv }).catch(() => undefined);
    await run("podman", ["rm", "-f", name], { env: o.podmanEnv }).catch(() => undefined);
  }
};

/** Starts the namespaced process and polls the port from inside its network namespace until it answers or dies. */
const probe = (
  o: BootOptions,
  args: string[],
  argv: string[],
  user: { uid: number; gid: number },
  t0: number,
): Promise<BootResult> =>
  new Promise((resolve) => {
    // Output goes to a regular file, as a container runtime's log does: images that link their logs to
    // /dev/stdout and /dev/stderr (nginx) must be able to reopen them, which a socket would refuse (ENXIO).
    const logDir = mkdtempSync(join(tmpdir(), "boot-log-"));
    const logFile = join(logDir, "out.log");
    const fd = openSync(logFile, "a");
    // runc hands the container's stdio to the container's user (fixStdioPermissions): do the same.
    fchownSync(fd, user.uid, user.gid);
    const child = spawn("unshare", args, { detached: true, stdio: ["ignore", fd, fd] });
    closeSync(fd);
    let log = "";
    let exited: number | null | undefined;
    let settled = false;
    const finish = (r: Omit<BootResult, "argv" | "log" | "ms">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const done = () => {
        log = readFileSync(logFile, "utf8").slice(-LOG_TAIL);
        rmSync(logDir, { recursive: true, force: true });
        resolve({ ...r, argv, log, ms: Date.now() - t0 });
      };
      if (exited !== undefined) return done();
      child.once("close", done);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        done();
      }
    };
    const timeoutMs = o.timeoutMs ?? 30_000;
    const timer = setTimeout(() => finish({ ok: false, reason: `no HTTP answer within ${timeoutMs} ms` }), timeoutMs);
    child.on("close", (code, signal) => {
      exited = code ?? -1;
      finish({ ok: false, reason: `the app exited (${code ?? signal}) before answering` });
    });
    const okStatus = o.okStatus ?? ((s: number) => s >= 200 && s < 400);
    const url = `http://${PROBE_ADDR}:${o.port}${o.path ?? "/"}`;
    const poll = async () => {
      while (!settled) {
        await new Promise((r) => setTimeout(r, 300));
        if (settled || !existsSync(`/proc/${child.pid}/ns/net`)) continue;
        const r = await run(
          "nsenter",
          [`--target=${child.pid}`, "--net", "--", "curl", "-s", "-w", "\n%{http_code}", "--max-time", "3", url],
          { timeoutMs: 5000 },
        );
        const nl = r.stdout.lastIndexOf("\n");
        const status = Number(r.stdout.slice(nl + 1).trim());
        const body = r.stdout.slice(0, Math.max(nl, 0)).slice(0, 2000);
        if (status > 0)
          return finish(
            okStatus(status)
              ? { ok: true, status, body }
              : { ok: false, status, body, reason: `GET ${o.path ?? "/"} answered ${status}` },
          );
      }
    };
    void poll();
  });
