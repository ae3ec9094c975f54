// Picks what `npx ecs-assistant` runs: the prebuilt binary of this platform (an optional npm package) or the JS build.
import { join } from "node:path";

/** Prebuilt platforms: `<os>-<arch>` (Node's names, win32 → windows) → npm package holding the binary. */
export const PLATFORM_PACKAGES = Object.freeze({
  "linux-x64": "ecs-assistant-linux-x64",
  "linux-arm64": "ecs-assistant-linux-arm64",
  "darwin-x64": "ecs-assistant-darwin-x64",
  "darwin-arm64": "ecs-assistant-darwin-arm64",
  "windows-x64": "ecs-assistant-windows-x64",
});

/**
 * The platform key of a Node platform/arch pair, e.g. ("win32", "x64") → "windows-x64".
 * @param {string} platform
 * @param {string} arch
 * @returns {string}
 */
export const platformKey = (platform, arch) => `${platform === "win32" ? "windows" : platform}-${arch}`;

/**
 * File name of the binary inside its package's bin/ folder (same as the release asset).
 * @param {string} key
 * @returns {string}
 */
export const binaryFileName = (key) => `ecs-mcp-server-${key}${key.startsWith("windows") ? ".exe" : ""}`;

const TRUE = /^(1|true|yes|on)$/i;

/**
 * Pure decision (no I/O of its own): every fact comes in as an argument, so each case is testable.
 * Binaries are built for glibc; on musl (Alpine) the JS build runs instead.
 * @param {import("./selectBinary.d.ts").SelectInput} input
 * @returns {import("./selectBinary.d.ts").Selection}
 */
export const selectBinary = (input) => {
  const js = (reason) => ({ kind: "js", path: input.jsEntry, reason });
  const override = input.env.ECS_ASSISTANT_BINARY;
  if (override) {
    return input.exists(override)
      ? { kind: "binary", path: override, source: "ECS_ASSISTANT_BINARY" }
      : js(`ECS_ASSISTANT_BINARY=${override} does not exist`);
  }
  if (TRUE.test(input.env.ECS_ASSISTANT_FORCE_JS ?? "")) return js("ECS_ASSISTANT_FORCE_JS is set");
  const key = platformKey(input.platform, input.arch);
  const pkg = PLATFORM_PACKAGES[key];
  if (!pkg) return js(`no prebuilt binary for ${key}`);
  if (input.platform === "linux" && input.libc === "musl")
    return js("the prebuilt Linux binaries need glibc (this is musl)");
  const dir = input.resolvePackage(pkg);
  if (!dir) return js(`optional package ${pkg} is not installed (installed with --omit=optional or --no-optional?)`);
  const path = join(dir, "bin", binaryFileName(key));
  if (!input.exists(path)) return js(`${pkg} has no ${binaryFileName(key)}`);
  return { kind: "binary", path, source: pkg };
};
