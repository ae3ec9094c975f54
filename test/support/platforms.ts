// Spawn specs for running the cross-compiled binaries on a Linux x64 host: wine for windows-x64, qemu-user for linux-arm64.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type RunnablePlatform = "linux-x64" | "linux-arm64" | "windows-x64";
export interface SpawnSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Where build-stub.sh puts bcryptprimitives.dll and stdin-relay.exe (gitignored). */
const helperDir = resolve(here, "../../.tmp/wine-helpers");
/** The prefix is ~700 MB and takes seconds to create: kept in /tmp so that every clone on the machine shares it. */
const winePrefix = process.env.ECS_TEST_WINEPREFIX ?? join(tmpdir(), `ecs-assistant-wine-${process.getuid?.() ?? 0}`);
const ARM64_SYSROOT = "/usr/aarch64-linux-gnu";
const INSTALL_HINT = "run `bash .ci/install-deps.sh`";

const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();

const findWine64 = (): string | null => {
  for (const p of ["/usr/lib/wine/wine64", "/usr/lib64/wine/wine64", "/opt/wine-stable/bin/wine64", "/usr/bin/wine64"])
    if (isFile(p)) return p;
  const r = spawnSync("dpkg", ["-L", "wine64"], { encoding: "utf8" });
  const hit = r.status === 0 ? r.stdout.split("\n").find((l) => l.endsWith("/wine64") && isFile(l)) : undefined;
  return hit ?? null;
};

let wine64: string | null | undefined;

/** wine64 and the variables for a headless run in this project's own prefix; null when wine64 is not installed. */
export const wineCommand = (): { cmd: string; env: Record<string, string> } | null => {
  if (wine64 === undefined) wine64 = findWine64();
  if (wine64 === null) return null;
  return {
    cmd: wine64,
    env: {
      WINEPREFIX: winePrefix,
      WINEDEBUG: "-all", // wine's fixme/err chatter would otherwise land on the program's stderr
      WINEARCH: "win64",
      // No Mono/Gecko installer dialogs, no desktop menu entries while the prefix is created.
      WINEDLLOVERRIDES: "mscoree,mshtml,winemenubuilder.exe=d",
    },
  };
};

/** Our environment plus `extra`, without DISPLAY/WAYLAND_DISPLAY so that wine never tries a GUI. */
const hostEnv = (extra: Record<string, string>): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return { ...env, ...extra };
};

const wineserverOf = (wine: string): string => {
  const dir = dirname(wine);
  return [join(dir, "wineserver64"), join(dir, "wineserver")].find(isFile) ?? "wineserver";
};

/**
 * Makes sure this prefix has a persistent wineserver whose background services (winedevice.exe…) were started with
 * /dev/null as stdio. Without it every wine run starts its own server and services, which inherit the caller's pipes
 * and keep them open for seconds (up to the server's persistence) after the program exited. Creates the prefix the
 * first time (a few seconds). Cheap (~2 ms) when the server is already up. Idempotent.
 */
export const prepareWine = (timeoutMs = 120_000): void => {
  const wine = wineCommand();
  if (!wine) throw new Error(`wine64 is not installed: ${INSTALL_HINT}`);
  const opts = { env: hostEnv(wine.env), stdio: "ignore", timeout: timeoutMs } as const;
  mkdirSync(winePrefix, { recursive: true });
  // -p600: the server stays 10 minutes after its last client; exit status 2 means one is already running.
  const server = spawnSync(wineserverOf(wine.cmd), ["-p600"], opts);
  if (server.status === 2) return;
  if (server.status !== 0) throw new Error(`wineserver failed to start (status ${server.status}) in ${winePrefix}`);
  const boot = spawnSync(wine.cmd, ["wineboot", "--init"], opts);
  if (boot.status !== 0) {
    stopWine(); // else the next call would find the server up and take the prefix for ready
    throw new Error(`wineboot --init failed (status ${boot.status}, ${boot.signal ?? "no signal"}) in ${winePrefix}`);
  }
};

/** Ends the wineserver and every wine process of this prefix (call it after the tests). */
export const stopWine = (): void => {
  const wine = wineCommand();
  if (wine) spawnSync(wineserverOf(wine.cmd), ["-k"], { env: hostEnv(wine.env), stdio: "ignore", timeout: 30_000 });
};

let helpersBuilt = false;

/** Builds (once per process, if stale) the wine helpers; returns the paths of the stub DLL and of stdin-relay.exe. */
const wineHelpers = (): { dll: string; relay: string } => {
  const paths = { dll: join(helperDir, "bcryptprimitives.dll"), relay: join(helperDir, "stdin-relay.exe") };
  if (helpersBuilt) return paths;
  const r = spawnSync("bash", [join(here, "wine", "build-stub.sh"), helperDir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build-stub.sh failed (${INSTALL_HINT}?):\n${r.stderr}`);
  helpersBuilt = true;
  return paths;
};

/** Puts the ProcessPrng stub bcryptprimitives.dll next to the exe (wine loads it from the exe's folder); returns its path. */
export const ensurePrngStub = (exeDir: string): string => {
  const { dll } = wineHelpers();
  const target = join(exeDir, "bcryptprimitives.dll");
  if (!isFile(target) || statSync(target).mtimeMs < statSync(dll).mtimeMs) copyFileSync(dll, target);
  return target;
};

/** qemu-user for the linux-arm64 binary, with the arm64 loader and libraries of Debian's cross packages. */
export const qemuArm64Command = (): { cmd: string; args: string[] } | null => {
  const cmd = ["/usr/bin/qemu-aarch64-static", "/usr/bin/qemu-aarch64"].find(isFile);
  if (!cmd || !existsSync(join(ARM64_SYSROOT, "lib", "ld-linux-aarch64.so.1"))) return null;
  return { cmd, args: ["-L", ARM64_SYSROOT] };
};

/** Windows path of a host file through wine's Z: drive (the default prefix maps Z: to /). */
export const winPath = (p: string): string => `Z:${resolve(p).replaceAll("/", "\\")}`;

/**
 * How to spawn `binPath` built for `platform` on this host, stdio included (pipes work for all three). For windows-x64
 * this also prepares wine (first time: seconds) and drops the stub DLL next to the exe. Throws when the tools are missing.
 */
export const runBinary = (platform: RunnablePlatform, binPath: string, args: string[]): SpawnSpec => {
  switch (platform) {
    case "linux-x64":
      return { command: resolve(binPath), args, env: hostEnv({}) };
    case "linux-arm64": {
      const qemu = qemuArm64Command();
      if (!qemu) throw new Error(`qemu-aarch64-static or the arm64 libc is missing: ${INSTALL_HINT}`);
      return { command: qemu.cmd, args: [...qemu.args, resolve(binPath), ...args], env: hostEnv({}) };
    }
    case "windows-x64": {
      const wine = wineCommand();
      if (!wine) throw new Error(`wine64 is not installed: ${INSTALL_HINT}`);
      ensurePrngStub(dirname(resolve(binPath)));
      prepareWine();
      // bun's Windows runtime fails with EBADF on stdin when it is a unix pipe wrapped by wine: stdin-relay.exe hands
      // the program a Windows pipe instead, and exits with its exit code.
      return { command: wine.cmd, args: [wineHelpers().relay, winPath(binPath), ...args], env: hostEnv(wine.env) };
    }
  }
};
