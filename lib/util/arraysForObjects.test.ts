// Arrays where an object belongs are named as such, at any depth, and nothing else is reported.
import { expect, test } from "bun:test";
import * as v from "valibot";
import { parseInput } from "../validate.ts";
import { arraysForObjects } from "./arraysForObjects.ts";

const Schema = v.strictObject({
  environment: v.optional(v.record(v.pipe(v.string(), v.regex(/^[A-Za-z_]\w*$/)), v.string())),
  params: v.optional(v.record(v.string(), v.unknown())),
  nested: v.optional(v.strictObject({ config: v.optional(v.strictObject({ a: v.optional(v.string()) })) })),
  list: v.optional(v.array(v.strictObject({ name: v.string() }))),
});

test("arrays where objects belong, at the top, nested and inside lists", () => {
  expect(
    arraysForObjects(Schema, {
      environment: ["NODE_ENV=production"],
      params: [],
      nested: { config: [1] },
      list: [{ name: "a" }, ["b"]],
    }).map((i) => [i.path, i.expected, i.got]),
  ).toEqual([
    ["environment", 'an object of names to values ({"NAME": "value"})', "an array of 1"],
    ["params", "an object", "an array of 0"],
    ["nested.config", "an object", "an array of 1"],
    ["list.1", "an object", "an array of 1"],
  ]);
  expect(arraysForObjects(Schema, { environment: { A: "1" }, list: [{ name: "a" }] })).toEqual([]);
});

test("parseInput refuses them (valibot alone accepts an array as an object) instead of blaming a key named 0", () => {
  expect(v.safeParse(Schema, { params: [] }).success).toBe(true);
  const e = parseInput(Schema, { environment: ["NODE_ENV=production"] })._unsafeUnwrapErr();
  if (e.kind !== "validation") throw new Error("expected validation");
  expect(e.issues).toEqual([expect.objectContaining({ path: "environment", got: "an array of 1" })]);
  expect(parseInput(Schema, { params: [] }, "api_params").isErr()).toBe(true);
});
