// Human-readable rendering of a tool result or an error: indented key/value lines instead of JSON.
import type { EcsError } from "../../lib/index.ts";

const scalar = (v: unknown): string =>
  v === null || v === undefined ? "-" : typeof v === "string" ? (v.includes("\n") ? JSON.stringify(v) : v) : String(v);

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const lines = (value: unknown, indent: string): string[] => {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}(none)`];
    return value.flatMap((item) => {
      if (!isPlain(item) && !Array.isArray(item)) return [`${indent}- ${scalar(item)}`];
      const [first = "", ...more] = lines(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...more];
    });
  }
  if (isPlain(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${indent}(empty)`];
    return entries.flatMap(([k, v]) =>
      isPlain(v) || Array.isArray(v) ? [`${indent}${k}:`, ...lines(v, `${indent}  `)] : [`${indent}${k}: ${scalar(v)}`],
    );
  }
  return [`${indent}${scalar(value)}`];
};

/** Renders any JSON-like value as indented `key: value` lines (lists as `- item`). */
export const formatPretty = (value: unknown): string => `${lines(value, "").join("\n")}\n`;

/** An error as a person reads it: kind and message, the hint, and the validation issues one per line. */
export const formatErrorPretty = (e: EcsError): string => {
  const issues =
    e.kind === "validation"
      ? e.issues.map(
          (i) =>
            `  - ${i.path || "(input)"}: ${i.message}${i.expected ? ` (expected ${i.expected}` : ""}${i.got ? `${i.expected ? ", " : " ("}got ${i.got}` : ""}${i.expected || i.got ? ")" : ""}${i.suggestion ? `; did you mean ${i.suggestion}?` : ""}`,
        )
      : [];
  const code =
    e.kind === "aws" ? ` [${e.service} ${e.operation} ${e.code}${e.requestId ? ` request ${e.requestId}` : ""}]` : "";
  return [`error (${e.kind})${code}: ${e.message}`, ...issues, `hint: ${e.hint}`, ""].join("\n");
};
