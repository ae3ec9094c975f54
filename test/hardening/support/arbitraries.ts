// fast-check arbitraries for tool inputs: schema-guided objects mixed with hostile values (types, sizes, unicode, keys).
import fc from "fast-check";
import { CATALOGUE } from "../../../lib/index.ts";

/** Keys that attack prototype chains or shadow Object methods. */
export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"] as const;

/** Strings that mean something to our tools or to the systems behind them. */
const INTERESTING = [
  "",
  " ",
  "default",
  "ListClusters",
  "ecr:DescribeImages",
  "arn:aws:ecs:us-east-1:123456789012:cluster/default",
  "arn:aws:ecs:us-east-1:123456789012:service/default/web",
  "/",
  "/tmp",
  "/dev/null",
  "/dev/zero",
  "../../../../etc/passwd",
  "C:\\Windows\\System32",
  "\\\\server\\share",
  "file:///etc/shadow",
  "$(rm -rf /)",
  "`id`",
  "; cat /etc/passwd",
  "%00",
  "\u0000",
  "\ud800",
  "😀".repeat(50),
  "ﷺ",
  "\u202e",
  "a".repeat(70_000),
  "*",
  "-1",
  "NaN",
  "true",
  "null",
  "{}",
  "<script>alert(1)</script>",
  "http://169.254.169.254/latest/meta-data/",
  ...CATALOGUE.map((e) => e.name),
];

/** Hostile leaf values: every JSON type and several non-JSON ones. */
export const nastyLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...INTERESTING),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    0,
    1,
    2 ** 31,
    2 ** 53 + 1,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.bigInt(),
  fc.date(),
  fc.constant(Symbol("s")),
  fc.constant(() => 1),
);

const toJson = (v: unknown): string => {
  try {
    return JSON.stringify(v ?? null, (_k, x) => (typeof x === "bigint" ? x.toString() : x)) ?? "null";
  } catch {
    return "null";
  }
};

/** `depth` levels of nested objects or arrays. */
const deep = (depth: number, asArray: boolean): unknown => {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
};

/** Any value: leaves, nested containers, very deep nesting, objects with prototype keys. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyLeaf },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean()).map(([d, a]) => deep(d, a)) },
  { weight: 1, arbitrary: fc.array(nastyLeaf, { maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...PROTO_KEYS), nastyLeaf)
      .map(([k, v]) => JSON.parse(`{${JSON.stringify(k)}: {"polluted": ${toJson(v)}}}`)),
  },
);

/** Known property names and enum values of a JSON Schema object, one level deep. */
const propertiesOf = (schema: Record<string, unknown>): [string, Record<string, unknown>][] =>
  Object.entries((schema.properties as Record<string, Record<string, unknown>> | undefined) ?? {});

/** A value that fits a JSON Schema node well enough to get past the first checks, so deeper code runs. */
const plausible = (node: Record<string, unknown>, depth = 0): fc.Arbitrary<unknown> => {
  const options: fc.Arbitrary<unknown>[] = [];
  if (Array.isArray(node.enum) && node.enum.length > 0) options.push(fc.constantFrom(...node.enum));
  const type = node.type;
  if (type === "string") options.push(fc.constantFrom(...INTERESTING), fc.string({ maxLength: 40 }));
  if (type === "number" || type === "integer")
    options.push(fc.integer({ min: -5, max: 20_000 }), fc.constantFrom(1, 10, 100));
  if (type === "boolean") options.push(fc.boolean());
  if (type === "array") {
    const item = (node.items as Record<string, unknown> | undefined) ?? {};
    options.push(fc.array(depth < 3 ? plausible(item, depth + 1) : nastyLeaf, { maxLength: 5 }));
  }
  if (type === "object" && depth < 3) options.push(objectFor(node, depth + 1));
  if (Array.isArray(node.anyOf))
    for (const alt of node.anyOf as Record<string, unknown>[]) options.push(plausible(alt, depth + 1));
  if (options.length === 0) options.push(nastyLeaf);
  return fc.oneof(...options);
};

/** Objects shaped like the schema: known keys (maybe missing), some hostile values, sometimes extra keys. */
export const objectFor = (schema: Record<string, unknown>, depth = 0): fc.Arbitrary<Record<string, unknown>> => {
  const props = propertiesOf(schema);
  const known = fc.record(
    Object.fromEntries(
      props.map(([k, node]) => [
        k,
        fc.oneof({ weight: 4, arbitrary: plausible(node, depth) }, { weight: 1, arbitrary: nastyValue }),
      ]),
    ),
    { requiredKeys: [] },
  );
  const extra = fc.dictionary(
    fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 }), fc.constant("dry_run")),
    nastyValue,
    { maxKeys: 3 },
  );
  return fc
    .tuple(known, fc.option(extra, { freq: 3 }))
    .map(([k, e]) => (e ? Object.assign(Object.create(null) as object, k, e) : k) as Record<string, unknown>);
};

/** Inputs for a tool: mostly schema-shaped objects, some arbitrary values (non-objects, arrays, nulls). */
export const toolInput = (inputSchema: Record<string, unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 8, arbitrary: objectFor(inputSchema) }, { weight: 2, arbitrary: nastyValue });

/** Round-trips through JSON (what an MCP client can actually send); non-objects become `{}`. */
export const asJsonArguments = (value: unknown): Record<string, unknown> => {
  try {
    const parsed = JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) ?? "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : { value: parsed };
  } catch {
    return {};
  }
};
