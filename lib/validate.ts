// Runs a valibot schema over untrusted input and turns its issues into ValidationIssue[] with did-you-mean.
import { err, ok, type Result } from "neverthrow";
import * as v from "valibot";
import { type EcsError, type ValidationIssue, validationError } from "./errors.ts";
import { arraysForObjects } from "./util/arraysForObjects.ts";
import { clip } from "./util/clip.ts";
import { decodeJsonStrings, type UndecodedString } from "./util/decodeJsonStrings.ts";
import { didYouMean } from "./util/didYouMean.ts";

type AnySchema = v.GenericSchema<unknown, unknown>;

/**
 * Validates `input`; on failure returns a `validation` EcsError whose issues name path, expected, got, suggestion.
 * With `decodeJsonText` (tool arguments at the MCP boundary, and the api_params / parameters objects checked against
 * their own schemas), objects, arrays, numbers and booleans sent as JSON text, as many MCP clients do, are decoded
 * first wherever the schema expects them, at any depth, and a number where the schema expects text becomes that
 * text (`cpu: 512` → `"512"`); text that does not decode is reported as a JSON-encoded string with what was expected.
 */
export const parseInput = <S extends AnySchema>(
  schema: S,
  input: unknown,
  rootPath = "",
  options: { readonly decodeJsonText?: boolean } = {},
): Result<v.InferOutput<S>, EcsError> => {
  const undecoded: UndecodedString[] = [];
  const decoded = options.decodeJsonText ? decodeJsonStrings(schema, input, undecoded) : input;
  const parsed = v.safeParse(schema, decoded, { abortPipeEarly: true });
  const arrays = arraysForObjects(schema, decoded, rootPath);
  if (parsed.success && arrays.length === 0) return ok(parsed.output as v.InferOutput<S>);
  // An array where an object belongs is reported as such, not as the unknown key "0" its items become.
  const under = (p: string) => arrays.some((a) => p === a.path || p.startsWith(`${a.path}.`));
  const rest = parsed.success
    ? []
    : parsed.issues
        .map((i) => jsonTextIssue(toIssue(schema, i, rootPath), undecoded, rootPath))
        .filter((i) => !under(i.path));
  return err(validationError([...arrays, ...rest]));
};

const ARTICLE: Record<string, string> = {
  object: "an object",
  array: "an array",
  number: "a number",
  boolean: "a boolean",
};

/** Says so when the offending value was JSON text that did not decode to the expected type. */
const jsonTextIssue = (issue: ValidationIssue, undecoded: UndecodedString[], rootPath: string): ValidationIssue => {
  const u = undecoded.find((x) => [rootPath, x.path].filter(Boolean).join(".") === issue.path);
  if (!u) return issue;
  const want = ARTICLE[u.expected] ?? u.expected;
  return {
    ...issue,
    message: `a JSON-encoded string was sent but it is ${u.reason}; expected ${want} (pass ${want} itself, or a string holding its JSON)`,
    expected: want,
  };
};

const describe = (value: unknown): string => {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(clip(value, 60));
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
    const suggestion = didYouMean(String(last.key), known)[0] ?? sameFirstWord(String(last.key), known);
    return {
      path,
      message: `unknown key "${clip(String(last.key), 60)}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
      expected: known.length > 0 ? `one of ${known.join(", ")}` : "no extra keys",
      got: clip(String(last.key)),
      suggestion,
    };
  }
  if (issue.input === undefined) {
    const exp = issue.expected && !issue.expected.startsWith('"') ? issue.expected : undefined;
    return { path, message: `missing required value${exp ? ` (expected ${exp})` : ""}`, expected: exp, got: "nothing" };
  }
  // Checks whose valibot issue names no expectation ("Invalid integer: Received 2.5") say what they expect.
  const readable = READABLE_CHECK[issue.type];
  if (readable && (issue.expected === null || issue.type === "non_empty"))
    return {
      path,
      message: `Expected ${readable} but received ${describe(issue.input)}`,
      expected: readable,
      got: describe(issue.input),
    };
  // valibot's message ends with the whole received value: say what came in a bounded form instead.
  const message = issue.message.replace(/^Invalid \w+: /, "");
  const cut = issue.received && message.endsWith(`received ${issue.received}`);
  return withEnumSuggestion({
    path,
    message: cut ? `${message.slice(0, -issue.received.length)}${describe(issue.input)}` : clip(message, 300),
    expected: issue.expected ?? undefined,
    got: describe(issue.input),
  });
};

/** What a valibot check expects, for the checks whose issues carry no `expected` (or an unreadable one). */
const READABLE_CHECK: Record<string, string> = {
  integer: "an integer",
  safe_integer: "an integer",
  finite: "a finite number",
  url: "a URL",
  email: "an email address",
  non_empty: "a non-empty value",
};

/** Adds a did-you-mean to a string that is not one of the allowed values (`"AWS"` → `aws`, `"fargate"` → `FARGATE`). */
const withEnumSuggestion = (i: ValidationIssue): ValidationIssue => {
  if (i.suggestion || !/^\(?"/.test(i.expected ?? "") || !i.got?.startsWith('"')) return i;
  const options = [...i.expected!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  const got = JSON.parse(i.got) as string;
  const suggestion = options.find((o) => o.toLowerCase() === got.toLowerCase()) ?? didYouMean(got, options)[0];
  return suggestion ? { ...i, suggestion, message: `${i.message} (did you mean "${suggestion}"?)` } : i;
};

/**
 * A member whose first camelCase word (5+ letters) is the key's, for keys too far apart for an edit distance:
 * `platformFamily` (a response field) → `platformVersion`. Undefined when several share it equally.
 */
const sameFirstWord = (key: string, known: readonly string[]): string | undefined => {
  const first = (s: string) => /^[a-z]+|^[A-Z][a-z]+/.exec(s)?.[0]?.toLowerCase() ?? "";
  const word = first(key);
  if (word.length < 5) return undefined;
  const same = known.filter((k) => first(k) === word);
  return same.length === 1 ? same[0] : undefined;
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
