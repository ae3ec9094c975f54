// clip: short values unchanged, long values and long tokens inside sentences cut to a prefix with the count left out.
import { expect, test } from "bun:test";
import { clip } from "./clip.ts";

test("short text is unchanged", () => {
  expect(clip("DescribeServices")).toBe("DescribeServices");
  expect(clip("a".repeat(120))).toBe("a".repeat(120));
});

test("a long value keeps a prefix and says how much was cut", () => {
  expect(clip("x".repeat(121))).toBe(`${"x".repeat(120)}…[1 more chars]`);
  expect(clip("x".repeat(120_000), 60)).toBe(`${"x".repeat(60)}…[119940 more chars]`);
});

test("a huge token inside a sentence is cut even when the sentence is allowed to be long", () => {
  const out = clip(`Unsupported api_operation "${"y".repeat(120_000)}". See the list.`, 2000);
  expect(out.length).toBeLessThan(300);
  expect(out).toStartWith('Unsupported api_operation "yyyy');
  expect(out).toEndWith("See the list.");
});

test("ARNs, URLs and JSON examples below 400 characters stay whole", () => {
  const arn = `arn:aws:ecs:us-east-2:123456789012:service/default/${"a".repeat(200)}`;
  expect(clip(`use ${arn} now`, 2000)).toBe(`use ${arn} now`);
});

test("a long token is cut even when the whole text is within the bound", () => {
  const out = clip(`bad value ${"z".repeat(1500)} here`, 2000);
  expect(out).toBe(`bad value ${"z".repeat(120)}…[1380 more chars] here`);
});
