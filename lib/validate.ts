// Runs a valibot schema over untrusted input and turns its issues into ValidationIssue[] with did-you-mean.
import { err, ok, type Result } from "neverthrow";
import * as v from "valibot";
import { type EcsError, type ValidationIssue, validationError } from "./errors.ts";
import { didYouMean } from "./util/didYouMean.ts";

type AnySchema = v.GenericSchema<unknown, unknown>;

/** Validates `input`; on failure returns a `validation` EcsError whose issues name path, expected, got, suggestion. */
export const parseInput = <S extends AnySchema>(
  schema: S,
  input: unknown,
  rootPath = "",
): Result<v.InferOutput<S>, EcsError> => {
  const parsed = v.safeParse(schema, input, { abortPipeEarly: true });
  if (parsed.success) return ok(parsed.output as v.InferOutput<S>);
  return err(validationError(parsed.issues.map((i) => toIssue(schema, i, rootPath))));
};

const describe = (value: unknown): string => {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === "object" ? "an object" : typeof value;
};

const toIssue = (root: AnySchema, issue: v.BaseIssue<unknown>, rootPath: string): ValidationIssue => {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  const path = [rootPath, ...keys.map(String)].filter(Boolean).join(".");
  const last = issue.path?.at(-1);
  if (issue.type === "strict_object" && last && issue.expected === "never") {
    const known = keysAt(root, keys.slice(0, -1));
    const suggestion = didYouMean(String(last.key), known)[0];
    return {
      path,
      message: `unknown key "${String(last.key)}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
      expected: known.length > 0 ? `one of ${known.join(", ")}` : "no extra keys",
      got: String(last.key),
      suggestion,
    };
  }
  if (issue.input === undefined) {
    const exp = issue.expected && !issue.expected.startsWith('"') ? issue.expected : undefined;
    return { path, message: `missing required value${exp ? ` (expected ${exp})` : ""}`, expected: exp, got: "nothing" };
  }
  return {
    path,
    message: issue.message.replace(/^Invalid \w+: /, ""),
    expected: issue.expected ?? undefined,
    got: describe(issue.input),
  };
};

/** Object keys the schema accepts at `path` (through optional/nullable wrappers and pipes). */
const keysAt = (schema: AnySchema, path: (string | number)[]): string[] => {
  let s: unknown = schema;
  const unwrap = (x: unknown): unknown => {
    let cur = x as { wrapped?: unknown; pipe?: unknown[]; entries?: unknown; item?: unknown };
    for (let i = 0; i < 10; i++) {
      if (cur?.pipe?.[0] && cur.pipe[0] !== cur) cur = cur.pipe[0] as typeof cur;
      else if (cur?.wrapped) cur = cur.wrapped as typeof cur;
      else break;
    }
    return cur;
  };
  for (const k of path) {
    const u = unwrap(s) as { entries?: Record<string, unknown>; item?: unknown };
    s = typeof k === "number" ? u?.item : u?.entries?.[k];
  }
  const entries = (unwrap(s) as { entries?: Record<string, unknown> })?.entries;
  return entries ? Object.keys(entries) : [];
};
