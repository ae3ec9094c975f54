// Tests of app-path validation: absolute only, real directories, symlinks resolved, sensitive dirs and roots refused.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isWithin, resolveAppPath } from "./paths.ts";

const base = realpathSync(mkdtempSync(join(tmpdir(), "paths-")));
const home = join(base, "home");
const app = join(base, "work", "app");
mkdirSync(join(home, ".ssh"), { recursive: true });
mkdirSync(app, { recursive: true });
writeFileSync(join(app, "file.txt"), "x");
symlinkSync(join(home, ".ssh"), join(base, "innocent"));
symlinkSync(app, join(base, "applink"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const opts = { homes: [home] };

describe("resolveAppPath", () => {
  test("an existing absolute directory resolves to its real path", () => {
    expect(resolveAppPath(app, opts)._unsafeUnwrap()).toBe(app);
    expect(resolveAppPath(join(base, "applink"), opts)._unsafeUnwrap()).toBe(app);
    expect(resolveAppPath(`${app}/../app`, opts)._unsafeUnwrap()).toBe(app);
  });

  test("relative and blank paths are validation errors", () => {
    expect(resolveAppPath("work/app", opts)._unsafeUnwrapErr()).toMatchObject({
      kind: "validation",
      issues: [{ path: "app_path", message: "must be an absolute path" }],
    });
    expect(resolveAppPath("  ", opts)._unsafeUnwrapErr().kind).toBe("validation");
  });

  test("credential dirs, symlinks into them, their ancestors and system dirs are refused", () => {
    for (const p of [join(home, ".ssh"), join(base, "innocent"), home, "/", "/etc", "/etc/ssl", "/proc/self", "/dev"]) {
      const e = resolveAppPath(p, opts)._unsafeUnwrapErr();
      expect(e).toMatchObject({ kind: "policy_denied", gate: "path" });
      expect(e.message).toContain("sensitive directory");
    }
  });

  test("sensitivity is checked before existence", () => {
    expect(resolveAppPath(join(home, ".ssh", "missing"), opts)._unsafeUnwrapErr().kind).toBe("policy_denied");
    expect(resolveAppPath(join(base, "missing"), opts)._unsafeUnwrapErr().kind).toBe("not_found");
  });

  test("files and device files are not directories", () => {
    expect(resolveAppPath(join(app, "file.txt"), opts)._unsafeUnwrapErr()).toMatchObject({ kind: "validation" });
    expect(resolveAppPath("/dev/null", { ...opts, blocked: [] })._unsafeUnwrapErr().message).toContain(
      "device, socket or pipe",
    );
  });

  test("allowed roots restrict where apps may live", () => {
    expect(resolveAppPath(app, { ...opts, allowedRoots: [join(base, "work")] }).isOk()).toBe(true);
    expect(resolveAppPath(app, { ...opts, allowedRoots: [join(base, "other")] })._unsafeUnwrapErr()).toMatchObject({
      kind: "policy_denied",
      gate: "path",
    });
  });

  test("isWithin does not confuse prefixes", () => {
    expect(isWithin("/a/bc", "/a/b")).toBe(false);
    expect(isWithin("/a/b/c", "/a/b")).toBe(true);
    expect(isWithin("/a/b", "/a/b")).toBe(true);
  });
});
