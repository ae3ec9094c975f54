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

  test("a value outside an enum gets a did-you-mean, case first (every tool, not only api_params)", () => {
    const Format = v.strictObject({
      response_format: v.picklist(["compact", "aws"]),
      size: v.picklist(["small", "large"]),
    });
    const e = parseInput(Format, { response_format: "AWS", size: "lage" })._unsafeUnwrapErr();
    if (e.kind !== "validation") throw new Error("expected validation");
    expect(e.issues).toMatchObject([
      { path: "response_format", suggestion: "aws", got: '"AWS"' },
      { path: "size", suggestion: "large" },
    ]);
    expect(e.issues[0]?.message).toContain('did you mean "aws"');
    expect(e.hint).toContain("response_format → aws");
  });

  test("at the MCP boundary a number sent for a text value is taken as its text", () => {
    const Cpu = v.strictObject({ cpu: v.picklist(["256", "512"]), memory: v.string() });
    expect(parseInput(Cpu, { cpu: 512, memory: 1024 }, "", { decodeJsonText: true })._unsafeUnwrap()).toEqual({
      cpu: "512",
      memory: "1024",
    });
    expect(parseInput(Cpu, { cpu: 512, memory: "1024" }).isErr()).toBe(true); // library callers get the type they declared
  });

  test("checks that carry no expectation of their own say what they expect (integer, finite, non-empty)", () => {
    const Checks = v.strictObject({
      max: v.pipe(v.number(), v.integer()),
      ratio: v.pipe(v.number(), v.finite()),
      name: v.pipe(v.string(), v.nonEmpty()),
    });
    const e = parseInput(Checks, { max: 2.5, ratio: Number.POSITIVE_INFINITY, name: "" })._unsafeUnwrapErr();
    if (e.kind !== "validation") throw new Error("expected validation");
    expect(e.issues).toEqual([
      { path: "max", message: "Expected an integer but received 2.5", expected: "an integer", got: "2.5" },
      {
        path: "ratio",
        message: "Expected a finite number but received Infinity",
        expected: "a finite number",
        got: "Infinity",
      },
      { path: "name", message: 'Expected a non-empty value but received ""', expected: "a non-empty value", got: '""' },
    ]);
  });
});
