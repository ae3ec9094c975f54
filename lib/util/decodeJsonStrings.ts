// Decodes arguments that MCP clients send as JSON text where the schema expects an object, array, number or boolean,
// and turns numbers sent where the schema expects text into that text.
import type * as v from "valibot";

type AnySchema = v.GenericSchema<unknown, unknown>;
type Kind = "object" | "array" | "number" | "boolean";
interface Node {
  type?: string;
  wrapped?: unknown;
  entries?: Record<string, unknown>;
  value?: unknown;
  item?: unknown;
  options?: unknown[];
  getter?: (input: unknown) => unknown;
}

/** A string that should have been JSON of another type and could not be decoded: where, what came, what was wanted. */
export interface UndecodedString {
  /** Dotted key path below the validated value (`api_params`, `parameters.time_window`). */
  readonly path: string;
  readonly expected: Kind;
  /** Why it is not that type: "not valid JSON (…)" or "JSON of another type (an array)". */
  readonly reason: string;
}

const KIND: Record<string, Kind> = {
  object: "object",
  strict_object: "object",
  loose_object: "object",
  object_with_rest: "object",
  record: "object",
  array: "array",
  tuple: "array",
  strict_tuple: "array",
  loose_tuple: "array",
  number: "number",
  boolean: "boolean",
};
const TAKES_STRING = new Set(["string", "picklist", "literal", "enum", "unknown", "any", "custom", "date"]);

const unwrap = (s: unknown, input: unknown): Node | undefined => {
  let cur = s as Node | undefined;
  for (let i = 0; i < 20 && cur; i++) {
    if (cur.type === "lazy" && cur.getter) cur = cur.getter(input) as Node;
    else if (cur.wrapped && /optional|nullable|nullish|undefinedable/.test(cur.type ?? "")) cur = cur.wrapped as Node;
    else break;
  }
  return cur;
};

/** The JSON kinds a schema wants, or none when it takes text as it is. */
const kindsOf = (s: Node | undefined, input: unknown): Kind[] => {
  if (!s?.type) return [];
  if (s.type === "union" || s.type === "variant") {
    const opts = (s.options ?? []).map((o) => unwrap(o, input));
    if (opts.some((o) => !o?.type || TAKES_STRING.has(o.type))) return [];
    return [...new Set(opts.flatMap((o) => kindsOf(o, input)))];
  }
  const k = KIND[s.type];
  return k ? [k] : [];
};

/**
 * True where only text is accepted: a string, or a choice among string values (`cpu` "256" | "512" | ...). Models send
 * such values as numbers (`cpu: 512`, `memory: 1024`); the text of the number is what they mean.
 */
const wantsText = (s: Node | undefined): boolean => {
  if (s?.type === "string") return true;
  if (s?.type === "literal") return typeof (s as { literal?: unknown }).literal === "string";
  if (s?.type === "picklist")
    return (s.options ?? []).length > 0 && (s.options ?? []).every((o) => typeof o === "string");
  return false;
};

const kindOfValue = (x: unknown): string =>
  x === null ? "null" : Array.isArray(x) ? "array" : typeof x === "object" ? "object" : typeof x;

/**
 * Returns `value` with every string that sits where `schema` wants an object, array, number or boolean replaced by
 * its JSON decoding, when the decoding has that type (`"{\"cluster\":\"web\"}"` → object, `"50"` → 50,
 * `"false"` → false), every finite number where only text is accepted by its text (512 → `"512"`), and a boolean
 * where any text is accepted by its text (true → `"true"`). Strings that look like JSON but do not decode to the wanted type are left as they are and
 * listed in `undecoded`, so the validation error can say a JSON-encoded string was sent. Nothing is mutated.
 */
export const decodeJsonStrings = (
  schema: AnySchema,
  value: unknown,
  undecoded: UndecodedString[] = [],
  path: string[] = [],
): unknown => {
  const s = unwrap(schema, value);
  if (typeof value === "number" && Number.isFinite(value) && wantsText(s)) return String(value);
  // A boolean where any text is taken (an environment value `DEBUG: true`) means its text; not for a choice of values.
  if (typeof value === "boolean" && s?.type === "string") return String(value);
  if (typeof value === "string") {
    const kinds = kindsOf(s, value);
    if (kinds.length === 0) return value;
    const text = value.trim();
    let decoded: unknown;
    try {
      decoded = JSON.parse(text);
    } catch (e) {
      if (/^[[{]/.test(text))
        undecoded.push({
          path: path.join("."),
          expected: kinds[0]!,
          reason: `not valid JSON (${e instanceof Error ? e.message : String(e)})`,
        });
      return value;
    }
    const got = kindOfValue(decoded);
    if ((kinds as string[]).includes(got)) return decodeJsonStrings(schema, decoded, undecoded, path);
    if (/^[[{]/.test(text))
      undecoded.push({ path: path.join("."), expected: kinds[0]!, reason: `JSON of another type (${got})` });
    return value;
  }
  if (!s || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    if (!s.item) return value;
    return mapChanged(value, (x, i) => decodeJsonStrings(s.item as AnySchema, x, undecoded, [...path, String(i)]));
  }
  const child = (k: string): unknown => s.entries?.[k] ?? (s.type === "record" ? s.value : undefined);
  let out: Record<string, unknown> | undefined;
  for (const [k, x] of Object.entries(value as Record<string, unknown>)) {
    const cs = child(k);
    if (!cs) continue;
    const d = decodeJsonStrings(cs as AnySchema, x, undecoded, [...path, k]);
    if (d === x) continue;
    out ??= { ...(value as Record<string, unknown>) };
    out[k] = d;
  }
  return out ?? value;
};

const mapChanged = (list: unknown[], f: (x: unknown, i: number) => unknown): unknown[] => {
  const mapped = list.map(f);
  return mapped.some((x, i) => x !== list[i]) ? mapped : list;
};
