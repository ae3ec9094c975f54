// Generates the catalogue's input shapes and pagination from the AWS SDK's own model (schemas, paginators, enums).
// Run after upgrading @aws-sdk/client-ecs or client-ecr, or after changing the catalogue:
//   node_modules/.bin/bun scripts/generateOperationShapes.ts
// test/resourcesShapes.test.ts fails when the committed files drift from the installed SDK.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ECR_OPERATIONS } from "../lib/operations/ecrOperations.ts";
import { ECS_OPERATIONS } from "../lib/operations/ecsOperations.ts";
import type { OperationSpec, Pagination } from "../lib/operations/operationEntry.ts";
import type { Shape, ShapeTable, TypeRef } from "../lib/operations/shapeTypes.ts";

type Raw = unknown;
type MutableShape =
  | { struct: Record<string, TypeRef>; required?: string[]; union?: true }
  | Exclude<Shape, { struct: unknown }>;

const require_ = createRequire(import.meta.url);
const sdkDir = (service: string) => dirname(dirname(require_.resolve(`@aws-sdk/client-${service}/package.json`)));
const pkgDir = (service: string) => join(sdkDir(service), `client-${service}`);

/** Member → enum type name, from the SDK's declaration files (the runtime schema does not carry enum values). */
const enumMembers = (service: string): Map<string, string> => {
  const dir = join(pkgDir(service), "dist-types", "models");
  const out = new Map<string, string>();
  for (const f of readdirSync(dir).filter((f) => /^models_\d+\.d\.ts$/.test(f))) {
    const text = readFileSync(join(dir, f), "utf8");
    for (const [, iface, body] of text.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
      for (const [, member, type] of body!.matchAll(/^ {4}(\w+)\??: ([^;]+);/gm)) {
        const t = type!.replace(/ \| undefined$/, "");
        const m = /^(\w+)(\[\])?$/.exec(t) ?? /^Record<string, (\w+)>$/.exec(t);
        if (m) out.set(`${iface}.${member}`, m[1]!);
      }
    }
  }
  return out;
};

const PRIMITIVE: Record<number, string> = {
  0: "string",
  1: "number",
  2: "boolean",
  4: "timestamp",
  5: "timestamp",
  6: "timestamp",
  7: "timestamp",
  15: "document",
  17: "number",
  19: "number",
  21: "blob",
  42: "blob",
};

/** Walks the SDK's static schemas (arrays `[kind, namespace, name, traits, ...]`) into a JSON shape table. */
const walker = (service: string, mod: Record<string, unknown>, shapes: Record<string, MutableShape>) => {
  const enums = enumMembers(service);
  const deref = (x: Raw): Raw => (typeof x === "function" ? (x as () => Raw)() : x);
  const enumRef = (owner: string, member: string): string | undefined => {
    const name = enums.get(`${owner}.${member}`);
    const values = name ? mod[name] : undefined;
    if (!values || typeof values !== "object" || Array.isArray(values)) return undefined;
    const list = Object.values(values as Record<string, unknown>);
    if (list.length === 0 || !list.every((v) => typeof v === "string")) return undefined;
    const id = `${service}.enum.${name}`;
    shapes[id] ??= { enum: list as string[] };
    return id;
  };
  const ref = (raw: Raw, owner?: string, member?: string): TypeRef => {
    let x = deref(raw);
    if (Array.isArray(x) && x.length === 2) x = deref(x[0]); // member schema with traits
    if (typeof x === "number") {
      const e = owner && member ? enumRef(owner, member) : undefined;
      if (x >= 128) return { map: e ?? ref(x & 0b0011_1111) };
      if (x >= 64) return { list: e ?? ref(x & 0b0011_1111) };
      if (e && x === 0) return e;
      const p = PRIMITIVE[x];
      if (!p) throw new Error(`unknown simple schema ${x}`);
      return p;
    }
    if (!Array.isArray(x)) throw new Error(`unexpected schema ${String(x)}`);
    const [kind, , name] = x as [number, string, string];
    if (kind === 0) return ref(x[4], owner, member);
    const id = `${service}.${name}`;
    if (shapes[id]) return id;
    if (kind === 1) {
      shapes[id] = { list: { map: "string" } }; // placeholder against recursion
      shapes[id] = { list: ref(x[4], name, "member") };
    } else if (kind === 2) {
      shapes[id] = { map: "string" };
      shapes[id] = { map: ref(x[5], name, "value") };
    } else if (kind === 3 || kind === 4) {
      const names = x[4] as string[];
      const members: Record<string, TypeRef> = {};
      const shape: MutableShape = { struct: members };
      shapes[id] = shape;
      names.forEach((m, i) => {
        members[m] = ref((x as Raw[])[5] && ((x as Raw[])[5] as Raw[])[i], name, m);
      });
      const required = names.slice(0, typeof x[6] === "number" ? x[6] : 0);
      if (required.length > 0) shape.required = required;
      if (kind === 4) shape.union = true;
    } else throw new Error(`unknown schema kind ${kind} for ${name}`);
    return id;
  };
  return ref;
};

/** Paginator token names, read from the SDK's generated paginators. */
const paginators = (service: string): Map<string, Omit<Pagination, "items" | "maxPageSize">> => {
  const dir = join(pkgDir(service), "dist-es", "pagination");
  const out = new Map<string, Omit<Pagination, "items" | "maxPageSize">>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith("Paginator.js"))) {
    const m = /createPaginator\(\w+, (\w+)Command, "(\w+)", "([\w.]+)"(?:, "(\w+)")?\)/.exec(
      readFileSync(join(dir, f), "utf8"),
    );
    if (m) out.set(m[1]!, { inputToken: m[2]!, outputToken: m[3]!, ...(m[4] ? { limitKey: m[4] } : {}) });
  }
  return out;
};

/** Builds both generated artefacts in memory. */
export const generate = (): { shapes: ShapeTable; pagination: Record<string, Pagination> } => {
  const shapes: Record<string, MutableShape> = {};
  const operations: Record<string, TypeRef> = {};
  const pagination: Record<string, Pagination> = {};
  const versions: Record<string, string> = {};
  const bySvc: [string, readonly OperationSpec[]][] = [
    ["ecs", ECS_OPERATIONS],
    ["ecr", ECR_OPERATIONS],
  ];
  for (const [service, specs] of bySvc) {
    const mod = require_(`@aws-sdk/client-${service}`) as Record<string, unknown>;
    versions[`@aws-sdk/client-${service}`] = JSON.parse(readFileSync(join(pkgDir(service), "package.json"), "utf8"))
      .version as string;
    const ref = walker(service, mod, shapes);
    const outShapes: Record<string, MutableShape> = {};
    const outRef = walker(service, mod, outShapes); // output shapes only decide the items key; they are not stored
    const pages = paginators(service);
    for (const spec of specs.filter((s) => !s.virtual)) {
      const opSchema = mod[`${spec.command}$`] as Raw[] | undefined;
      if (!opSchema) throw new Error(`${service} SDK has no operation ${spec.command}`);
      const input = ref(opSchema[4]);
      operations[spec.name] = input;
      const inShape = shapes[input as string] as { struct: Record<string, TypeRef> };
      const outSchema = (opSchema[5] as () => Raw[])();
      const outNames = (outSchema[4] as string[] | undefined) ?? [];
      const outRefs = outNames.map((m, i) => outRef((outSchema[5] as Raw[])[i], outSchema[2] as string, m));
      const known = pages.get(spec.command);
      const derived =
        "nextToken" in inShape.struct && outNames.includes("nextToken")
          ? {
              inputToken: "nextToken",
              outputToken: "nextToken",
              ...("maxResults" in inShape.struct ? { limitKey: "maxResults" } : {}),
            }
          : undefined;
      const tokens = known ?? derived;
      if (!tokens) continue;
      const lists = outNames.filter(
        (m, i) => m !== "failures" && (typeof outRefs[i] === "object" || isList(outShapes, outRefs[i]!)),
      );
      pagination[spec.name] = {
        ...tokens,
        ...(lists.length === 1 ? { items: lists[0] } : {}),
        ...(spec.maxPageSize && tokens.limitKey ? { maxPageSize: spec.maxPageSize } : {}),
      };
    }
  }
  return { shapes: { sdk: versions, operations, shapes }, pagination };
};

const isList = (shapes: Record<string, MutableShape>, r: TypeRef): boolean =>
  typeof r === "object" ? "list" in r : Boolean(shapes[r] && "list" in shapes[r]!);

/** The text of the two committed files. */
export const render = () => {
  const { shapes, pagination } = generate();
  const json = `// GENERATED by scripts/generateOperationShapes.ts from the AWS SDK model: do not edit.
import type { ShapeTable } from "../shapeTypes.ts";

/** Input shapes of the catalogue operations (JSON text: parsed once, when the first call is validated). */
export const SHAPES: ShapeTable = JSON.parse(${JSON.stringify(JSON.stringify(shapes))});
`;
  const ts = `// GENERATED by scripts/generateOperationShapes.ts from the AWS SDK paginators and model: do not edit.
import type { Pagination } from "../operationEntry.ts";

/** Pagination of each catalogue operation that pages (token names from the SDK, items from the output shape). */
export const PAGINATION: Readonly<Record<string, Pagination>> = ${JSON.stringify(pagination, null, 2)};
`;
  return { json, ts };
};

export const OUT_DIR = join(import.meta.dir, "..", "lib", "operations", "generated");

if (import.meta.main) {
  const { json, ts } = render();
  writeFileSync(join(OUT_DIR, "shapes.ts"), json);
  writeFileSync(join(OUT_DIR, "pagination.ts"), ts);
  console.error(`wrote shapes.ts (${json.length} bytes) and pagination.ts`);
}
