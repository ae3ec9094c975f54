// decodeJsonStrings: JSON text is decoded only where the schema wants that type, and undecodable text is listed.
import { expect, test } from "bun:test";
import * as v from "valibot";
import { decodeJsonStrings, type UndecodedString } from "./decodeJsonStrings.ts";

const Schema = v.strictObject({
  name: v.string(),
  params: v.optional(v.record(v.string(), v.unknown()), {}),
  list: v.optional(v.array(v.pipe(v.number(), v.integer()))),
  max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  flag: v.optional(v.boolean()),
  either: v.optional(v.union([v.string(), v.number()])),
  nested: v.optional(v.strictObject({ count: v.number() })),
});

test("objects, arrays, numbers and booleans sent as JSON text are decoded", () => {
  const out = decodeJsonStrings(Schema, {
    name: "42",
    params: '{"cluster":"web","services":["api"]}',
    list: "[1, 2]",
    max: " 50 ",
    flag: "false",
    nested: '{"count":"3"}',
  });
  expect(out).toEqual({
    name: "42",
    params: { cluster: "web", services: ["api"] },
    list: [1, 2],
    max: 50,
    flag: false,
    nested: { count: 3 },
  });
});

test("text stays text where the schema takes text (string members, unions with string)", () => {
  const input = { name: '{"a":1}', either: "5" };
  expect(decodeJsonStrings(Schema, input)).toBe(input);
});

test("JSON text that is invalid or of another type is listed, not decoded", () => {
  const undecoded: UndecodedString[] = [];
  const input = { name: "x", params: '{"cluster": "web"', list: '{"a":1}', max: "fifty" };
  expect(decodeJsonStrings(Schema, input, undecoded)).toBe(input);
  expect(undecoded).toEqual([
    { path: "params", expected: "object", reason: expect.stringContaining("not valid JSON") },
    { path: "list", expected: "array", reason: "JSON of another type (object)" },
  ]);
});

test("an array string where an object is wanted is listed", () => {
  const undecoded: UndecodedString[] = [];
  decodeJsonStrings(Schema, { name: "x", params: "[1,2]" }, undecoded);
  expect(undecoded).toEqual([{ path: "params", expected: "object", reason: "JSON of another type (array)" }]);
});

test("a number where only text is accepted becomes its text (cpu: 512); elsewhere numbers stay numbers", () => {
  const Sized = v.strictObject({
    cpu: v.picklist(["256", "512", "1024"]),
    memory: v.pipe(v.string(), v.regex(/^\d+$/)),
    either: v.union([v.string(), v.number()]),
    count: v.number(),
    params: v.record(v.string(), v.unknown()),
  });
  expect(decodeJsonStrings(Sized, { cpu: 512, memory: 1024, either: 7, count: 3, params: { maxResults: 5 } })).toEqual({
    cpu: "512",
    memory: "1024",
    either: 7,
    count: 3,
    params: { maxResults: 5 },
  });
  expect(decodeJsonStrings(v.picklist(["a", "b"]), Number.NaN)).toBeNaN();
});

test("a boolean where any text is taken becomes its text (DEBUG: true); a choice of values or a boolean stays as sent", () => {
  const Env = v.strictObject({
    environment: v.record(v.string(), v.string()),
    mode: v.picklist(["ENABLED", "DISABLED"]),
    flag: v.boolean(),
  });
  expect(decodeJsonStrings(Env, { environment: { DEBUG: true, QUIET: false }, mode: true, flag: true })).toEqual({
    environment: { DEBUG: "true", QUIET: "false" },
    mode: true,
    flag: true,
  });
});
