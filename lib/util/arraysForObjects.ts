// Finds arrays sent where a schema wants an object. valibot's object and record schemas accept arrays (an array is an
// object to `typeof`), so `environment: ["A=1"]` would otherwise fail on a key named "0", and `api_params: []` pass.
import type { ValidationIssue } from "../errors.ts";

interface Node {
  type?: string;
  wrapped?: unknown;
  entries?: Record<string, unknown>;
  value?: unknown;
  item?: unknown;
  getter?: (input: unknown) => unknown;
}

const OBJECT_TYPES = new Set(["object", "strict_object", "loose_object", "object_with_rest", "record"]);

const unwrap = (s: unknown, input: unknown): Node | undefined => {
  let cur = s as Node | undefined;
  for (let i = 0; i < 20 && cur; i++) {
    if (cur.type === "lazy" && cur.getter) cur = cur.getter(input) as Node;
    else if (cur.wrapped && /optional|nullable|nullish|undefinedable|exact_optional/.test(cur.type ?? ""))
      cur = cur.wrapped as Node;
    else break;
  }
  return cur;
};

/** One issue per array that sits where `schema` wants an object (`path` is dotted, below `rootPath`). */
export const arraysForObjects = (schema: unknown, value: unknown, rootPath = ""): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const walk = (node: unknown, x: unknown, path: string[]) => {
    const s = unwrap(node, x);
    if (!s || x === null || typeof x !== "object") return;
    if (Array.isArray(x)) {
      if (OBJECT_TYPES.has(s.type ?? "")) {
        const textValues = s.type === "record" && unwrap(s.value, undefined)?.type === "string";
        const want = textValues ? 'an object of names to values ({"NAME": "value"})' : "an object";
        issues.push({
          path: [rootPath, ...path].filter(Boolean).join("."),
          message: `expected ${want}, got an array of ${x.length}`,
          expected: want,
          got: `an array of ${x.length}`,
        });
      } else if (s.item) for (const [i, e] of x.entries()) walk(s.item, e, [...path, String(i)]);
      return;
    }
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      const child = s.entries?.[k] ?? (s.type === "record" ? s.value : undefined);
      if (child) walk(child, v, [...path, k]);
    }
  };
  walk(schema, value, []);
  return issues;
};
