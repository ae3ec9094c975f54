// Trust-policy parsing: URL-encoded documents, exact principal match, Allow + sts:AssumeRole only.
import { describe, expect, test } from "bun:test";
import { trusts } from "./checkRole.ts";

const doc = (statement: unknown) => encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: statement }));

describe("trusts", () => {
  test("URL-encoded document with the exact service principal", () => {
    expect(
      trusts(
        doc([{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }]),
        "ecs-tasks.amazonaws.com",
      ),
    ).toBe(true);
    expect(
      trusts(
        doc({
          Effect: "Allow",
          Principal: { Service: ["ec2.amazonaws.com", "ecs.amazonaws.com"] },
          Action: ["sts:AssumeRole", "sts:TagSession"],
        }),
        "ecs.amazonaws.com",
      ),
    ).toBe(true);
  });
  test("substring, Deny, other actions and garbage do not count", () => {
    expect(
      trusts(
        doc([{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }]),
        "ecs.amazonaws.com",
      ),
    ).toBe(false);
    expect(
      trusts(
        doc([{ Effect: "Deny", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }]),
        "ecs.amazonaws.com",
      ),
    ).toBe(false);
    expect(
      trusts(
        doc([{ Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:TagSession" }]),
        "ecs.amazonaws.com",
      ),
    ).toBe(false);
    expect(trusts("%%%not json", "ecs.amazonaws.com")).toBe(false);
    expect(trusts(undefined, "ecs.amazonaws.com")).toBe(false);
  });
});
