// Which Poetry the generated Dockerfile installs: the newest, unless the project's files need a minimum version.
import type { Pyproject } from "../detect/python/readPyproject.ts";

/** A pip requirement for Poetry and why it has that floor (undefined when any release will do). */
export interface PoetryRequirement {
  readonly spec: string;
  readonly reason?: string;
}

/**
 * `package-mode = false` is understood from Poetry 1.8 on (older releases reject the key); a poetry.lock with
 * `lock-version = "2.1"` is written by Poetry 2 (older releases warn that it may not be compatible).
 * https://python-poetry.org/docs/basic-usage/#operating-modes, https://python-poetry.org/history/ (2.0.0).
 */
export const poetryRequirement = (py: Pyproject | undefined, lockText?: string): PoetryRequirement => {
  const lockVersion = /^lock-version\s*=\s*"(\d+)\.(\d+)"/m.exec(lockText ?? "");
  if (lockVersion && (Number(lockVersion[1]) > 2 || (lockVersion[1] === "2" && Number(lockVersion[2]) >= 1)))
    return {
      spec: "poetry>=2.0",
      reason: `poetry.lock has lock-version ${lockVersion[1]}.${lockVersion[2]} (written by Poetry 2): Poetry 2.0 or later installs it.`,
    };
  if (py?.hasPoetry && py.packageMode === false)
    return {
      spec: "poetry>=1.8",
      reason: "`package-mode = false` needs Poetry 1.8 or later (older releases reject the key).",
    };
  return { spec: "poetry" };
};
