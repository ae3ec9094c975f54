// Turns the generated SDK input shapes into valibot schemas (strict objects, required members, enums, timestamps).
import * as v from "valibot";
import type { ShapeTable, TypeRef } from "./shapeTypes.ts";

type Schema = v.GenericSchema<unknown, unknown>;

/** Timestamps as the SDK wants them (Date), accepted as ISO 8601 text, epoch seconds or Date. */
const timestamp: Schema = v.pipe(
  v.union([v.string(), v.number(), v.date()], "Expected an ISO 8601 timestamp or epoch seconds"),
  v.transform((x) => (x instanceof Date ? x : typeof x === "number" ? new Date(x * 1000) : new Date(x))),
  v.check((d) => !Number.isNaN(d.getTime()), "Expected an ISO 8601 timestamp or epoch seconds"),
) as Schema;

const PRIMITIVE: Record<string, () => Schema> = {
  string: () => v.string(),
  number: () => v.pipe(v.number(), v.finite()) as Schema,
  boolean: () => v.boolean(),
  timestamp: () => timestamp,
  blob: () => v.union([v.string(), v.instance(Uint8Array)]) as Schema,
  document: () => v.unknown(),
};

/** Builds (and caches per table) the schema of a type reference; recursive shapes go through `v.lazy`. */
export const schemaBuilder = (table: ShapeTable): ((ref: TypeRef) => Schema) => {
  const cache = new Map<string, Schema>();
  const building = new Set<string>();
  const build = (ref: TypeRef): Schema => {
    if (typeof ref === "object") {
      return "list" in ref ? (v.array(build(ref.list)) as Schema) : (v.record(v.string(), build(ref.map)) as Schema);
    }
    const primitive = PRIMITIVE[ref];
    if (primitive) return primitive();
    const cached = cache.get(ref);
    if (cached) return cached;
    if (building.has(ref)) return v.lazy(() => cache.get(ref)!) as Schema;
    const shape = table.shapes[ref];
    if (!shape) throw new Error(`shape ${ref} missing from the generated table`);
    building.add(ref);
    let schema: Schema;
    if ("enum" in shape) schema = v.picklist(shape.enum as string[]) as Schema;
    else if ("list" in shape) schema = v.array(build(shape.list)) as Schema;
    else if ("map" in shape) schema = v.record(v.string(), build(shape.map)) as Schema;
    else {
      const required = new Set(shape.required ?? []);
      const entries: Record<string, Schema> = {};
      for (const [name, member] of Object.entries(shape.struct)) {
        const s = build(member);
        entries[name] = required.has(name) ? s : (v.optional(s) as Schema);
      }
      const obj = v.strictObject(entries) as Schema;
      schema = shape.union
        ? (v.pipe(
            obj,
            v.check(
              (o) => Object.keys(o as object).length === 1,
              `Exactly one of ${Object.keys(entries).join(", ")} must be set`,
            ),
          ) as Schema)
        : obj;
    }
    building.delete(ref);
    cache.set(ref, schema);
    return schema;
  };
  return build;
};
