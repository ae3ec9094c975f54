import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { parseInput } from "./validate.ts";

const Schema = v.strictObject({
  cluster: v.string(),
  count: v.optional(v.number()),
  nested: v.optional(v.strictObject({ serviceName: v.string() })),
});

describe("parseInput", () => {
  test("accepts valid input", () => {
    expect(parseInput(Schema, { cluster: "a", count: 2 })._unsafeUnwrap()).toEqual({ cluster: "a", count: 2 });
  });

  test("unknown key gets a did-you-mean and the list of keys", () => {
    const e = parseInput(Schema, { clustr: "a", cluster: "b" }, "api_params")._unsafeUnwrapErr();
    expect(e.kind).toBe("validation");
    if (e.kind !== "validation") return;
    expect(e.issues[0]).toMatchObject({ path: "api_params.clustr", suggestion: "cluster", got: "clustr" });
    expect(e.issues[0]?.expected).toContain("cluster, count, nested");
    expect(e.hint).toContain("cluster");
  });

  test("nested unknown key suggests from the nested object", () => {
    const e = parseInput(Schema, { cluster: "a", nested: { servicename: "x", serviceName: "y" } })._unsafeUnwrapErr();
    if (e.kind !== "validation") throw new Error("expected validation");
    expect(e.issues[0]).toMatchObject({ path: "nested.servicename", suggestion: "serviceName" });
  });

  test("wrong type names path, expected and got", () => {
    const e = parseInput(Schema, { cluster: 5 })._unsafeUnwrapErr();
    if (e.kind !== "validation") throw new Error("expected validation");
    expect(e.issues[0]).toMatchObject({ path: "cluster", expected: "string", got: "5" });
  });

  test("missing required value is named", () => {
    const e = parseInput(Schema, {})._unsafeUnwrapErr();
    if (e.kind !== "validation") throw new Error("expected validation");
    expect(e.issues[0]).toMatchObject({ path: "cluster", got: "nothing" });
    expect(e.message).toContain("cluster");
  });
});
