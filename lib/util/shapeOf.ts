// shapeOf: an output field whose TypeScript type is declared beside the code that builds it (JSON Schema: an object).
import * as v from "valibot";

/**
 * A nested result object typed by an existing interface (a Finding, a RoleCheck...): checked to be an object, typed
 * as `T`, listed in JSON Schema as `{ "type": "object" }` (see openJsonSchemaOf).
 */
export const shapeOf = <T extends object>() =>
  v.custom<T>((x) => typeof x === "object" && x !== null && !Array.isArray(x), "must be an object");
