// Validates a local application path: absolute, an existing directory, symlinks resolved, not sensitive, inside allowed roots.
import { realpathSync, statSync } from "node:fs";
import { homedir, userInfo } from "node:os";
import { isAbsolute, join, relative, sep } from "node:path";
import { err, ok, type Result } from "neverthrow";
import { type EcsError, ecsError, validationError } from "../errors.ts";

/** Options of `resolveAppPath`; `homes` and `blocked` exist for tests (defaults: the OS account's homes). */
export interface AppPathOptions {
  /** Parameter name used in error messages (default `app_path`). */
  readonly param?: string;
  /** When set, the resolved path must lie inside one of these absolute directories (policy.allowedRoots). */
  readonly allowedRoots?: readonly string[];
  /** Home directories whose credential folders are refused (default: os.homedir() and the password-DB home). */
  readonly homes?: readonly string[];
  /** System directories refused outright, with their ancestors (default: SYSTEM_BLOCKED). */
  readonly blocked?: readonly string[];
}

/** Credential folders under a home directory that an app path must never expose (as the reference does, §3.5). */
export const HOME_SECRETS = [".aws", ".ssh", ".kube", ".gnupg", ".docker", ".config/gcloud"] as const;
/** System directories never usable as an app path (nor their ancestors such as `/`). */
export const SYSTEM_BLOCKED = ["/etc", "/root", "/var/lib", "/proc", "/sys", "/dev", "/boot"] as const;
/** The same for Windows (the .exe): system folders of the system drive; drive roots are ancestors of these. */
export const WINDOWS_BLOCKED = [
  "C:\\Windows",
  "C:\\Program Files",
  "C:\\Program Files (x86)",
  "C:\\ProgramData",
] as const;

/** System directories for the platform this runs on (node:path's separator tells the .exe apart). */
const systemBlocked = (): readonly string[] => (sep === "\\" ? WINDOWS_BLOCKED : SYSTEM_BLOCKED);

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

const defaultHomes = (): string[] => {
  const homes = [homedir()];
  try {
    homes.push(userInfo().homedir);
  } catch {
    // no password-DB entry (some containers): homedir() is enough
  }
  return [...new Set(homes.filter(Boolean))];
};

/** `a` equals `b` or lies inside it. */
export const isWithin = (a: string, b: string): boolean => {
  const r = relative(b, a);
  return r === "" || (!r.startsWith(`..${sep}`) && r !== ".." && !isAbsolute(r));
};

/**
 * Resolves `input` to the real directory an operation may read or write, refusing anything that would
 * expose credentials or system files. Sensitivity is checked before existence, so probing says nothing.
 */
export const resolveAppPath = (input: string, options: AppPathOptions = {}): Result<string, EcsError> => {
  const param = options.param ?? "app_path";
  if (!input.trim()) return err(validationError([{ path: param, message: "Path must be a non-empty string" }]));
  if (!isAbsolute(input))
    return err(
      validationError([
        {
          path: param,
          message: "must be an absolute path",
          expected: sep === "\\" ? "an absolute path like C:\\Users\\me\\app" : "an absolute path like /home/me/app",
          got: input,
        },
      ]),
    );
  const resolved = real(input);
  const homes = options.homes ?? defaultHomes();
  const blocked = [
    ...(options.blocked ?? systemBlocked()),
    ...homes.flatMap((h) => HOME_SECRETS.map((d) => join(h, d))),
  ].map(real);
  for (const b of new Set(blocked)) {
    if (isWithin(resolved, b) || isWithin(b, resolved))
      return err(
        ecsError("policy_denied", {
          gate: "path",
          message: `Path '${input}' resolves to '${resolved}', which is not usable because it would expose the sensitive directory '${b}'.`,
          hint: "Point app_path at the application's own folder (the one holding its source), not a home, system or credentials directory.",
        }),
      );
  }
  if (options.allowedRoots && !options.allowedRoots.some((r) => isWithin(resolved, real(r))))
    return err(
      ecsError("policy_denied", {
        gate: "path",
        message: `Path '${resolved}' is outside the allowed roots (${options.allowedRoots.join(", ")}).`,
        hint: "Move the application under an allowed root, or add its folder to policy.allowedRoots.",
      }),
    );
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(resolved);
  } catch {
    return err(
      ecsError("not_found", {
        resource: resolved,
        message: `Path '${input}' does not exist.`,
        hint: "Pass the absolute path of an existing application folder.",
      }),
    );
  }
  if (!st.isDirectory())
    return err(
      validationError([
        {
          path: param,
          message: `must be a directory, but '${resolved}' is a ${st.isFile() ? "file" : "device, socket or pipe"}`,
          expected: "a directory",
          got: input,
        },
      ]),
    );
  return ok(resolved);
};
