// Types of the generated operation input shapes (scripts/generateOperationShapes.ts writes them from the SDK model).

/** A type reference: a primitive name, a shape id (`ecs.Tag`, `ecs.enum.LaunchType`), or an inline list/map. */
export type TypeRef = string | { readonly list: TypeRef } | { readonly map: TypeRef };

/** A named shape: structure (members, required members), list, map or enum. */
export type Shape =
  | { readonly struct: Readonly<Record<string, TypeRef>>; readonly required?: readonly string[]; readonly union?: true }
  | { readonly list: TypeRef }
  | { readonly map: TypeRef }
  | { readonly enum: readonly string[] };

/** The generated table: SDK versions it came from, each operation's input shape, and all named shapes. */
export interface ShapeTable {
  readonly sdk: Readonly<Record<string, string>>;
  readonly operations: Readonly<Record<string, TypeRef>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

/** Primitive type names a TypeRef may use. */
export const PRIMITIVES = new Set(["string", "number", "boolean", "timestamp", "blob", "document"]);
