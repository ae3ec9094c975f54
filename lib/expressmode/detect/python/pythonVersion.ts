// Picks the CPython minor version for the image from .python-version, runtime.txt, Pipfile or requires-python.

/** Minor versions with official python:<v>-slim images that the generated Dockerfile may name. */
export const PYTHON_MINORS = [9, 10, 11, 12, 13, 14] as const;
/** Used when the project names no version, and for open ranges such as `>=3.9`. */
export const DEFAULT_PYTHON_MINOR = 12;

const clamp = (minor: number) => (PYTHON_MINORS.includes(minor as (typeof PYTHON_MINORS)[number]) ? minor : undefined);

/**
 * The highest-priority version that fits `requires-python` style constraints: a pinned or lower-bound minor at or
 * above the default stays as it is (3.13 stays 3.13), an open range below it gets the default, and an upper bound
 * (`<3.12`, `~=3.10.0`, `^3.11` in Poetry) keeps the version inside the range.
 */
export const minorFromRange = (range: string): number | undefined => {
  const parts = range.split(",").map((s) => s.trim());
  let low: number | undefined;
  let high = Number.POSITIVE_INFINITY; // exclusive upper bound on the minor
  for (const part of parts) {
    const m = /^(==|>=|>|<=|<|~=|\^|~)?\s*3\.(\d+)(?:\.(\d+|\*))?/.exec(part);
    if (!m) continue;
    const op = m[1] ?? "==";
    const minor = Number(m[2]);
    const patchGiven = m[3] !== undefined && m[3] !== "*";
    if (op === "==") return clamp(minor);
    if (op === ">=" || op === ">") low = Math.max(low ?? 0, minor);
    else if (op === "<") high = Math.min(high, patchGiven && m[3] !== "0" ? minor + 1 : minor);
    else if (op === "<=") high = Math.min(high, minor + 1);
    else if (op === "~=" || op === "~") {
      low = Math.max(low ?? 0, minor);
      if (patchGiven || op === "~") high = Math.min(high, minor + 1);
    } else if (op === "^") low = Math.max(low ?? 0, minor); // ^3.11 allows every 3.x from 3.11
  }
  if (low === undefined && high === Number.POSITIVE_INFINITY) return undefined;
  const pick = Math.max(low ?? 0, DEFAULT_PYTHON_MINOR);
  if (pick < high) return clamp(pick);
  return clamp(high - 1) ?? clamp(low ?? DEFAULT_PYTHON_MINOR);
};

/** `3.13`, `3.13.1`, `python-3.13.1`, `cpython@3.13` → 13. */
const minorFromPin = (text: string | undefined): number | undefined => {
  const m = /(?:^|[^\d.])3\.(\d+)/.exec(text?.split("\n").find((l) => l.trim() && !l.startsWith("#")) ?? "");
  return m ? clamp(Number(m[1])) : undefined;
};

/** The chosen version (`3.13`) and where it came from. */
export const pythonVersion = (files: {
  pythonVersion?: string;
  runtimeTxt?: string;
  /** Pipfile text: `[requires] python_version` / `python_full_version` pin the interpreter Pipenv expects. */
  pipfile?: string;
  requiresPython?: string;
}): { version: string; source: string } => {
  const pinned = minorFromPin(files.pythonVersion);
  if (pinned !== undefined) return { version: `3.${pinned}`, source: ".python-version" };
  const runtime = minorFromPin(files.runtimeTxt);
  if (runtime !== undefined) return { version: `3.${runtime}`, source: "runtime.txt" };
  const pipenv = /^\s*python_(?:full_)?version\s*=\s*["']([^"']+)["']/m.exec(files.pipfile ?? "")?.[1];
  const fromPipfile = minorFromPin(pipenv);
  if (fromPipfile !== undefined) return { version: `3.${fromPipfile}`, source: `Pipfile python_version ${pipenv}` };
  const ranged = files.requiresPython ? minorFromRange(files.requiresPython) : undefined;
  if (ranged !== undefined) return { version: `3.${ranged}`, source: `requires-python ${files.requiresPython}` };
  return { version: `3.${DEFAULT_PYTHON_MINOR}`, source: "default (no version named)" };
};
