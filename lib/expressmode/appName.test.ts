// app_name validation with the reference's messages.
import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { AppName } from "./appName.ts";

const msg = (name: string) => v.safeParse(AppName, name).issues?.[0]?.message;

describe("AppName", () => {
  test("valid names pass", () => {
    for (const n of ["my-app", "web123", "a", "a-b-c", "x".repeat(20)])
      expect(v.safeParse(AppName, n).success).toBe(true);
  });
  test("reference messages", () => {
    expect(msg("")).toBe("Application name cannot be empty");
    expect(msg("x".repeat(21))).toContain("must be 1-20 characters long (current length: 21)");
    expect(msg("My_App")).toContain(
      "contains invalid characters: ['M', 'A', '_']".replace("'M', 'A', '_'", "'A', 'M', '_'"),
    );
    expect(msg("-app")).toContain("invalid characters: []");
    expect(msg("a--b")).toContain("invalid characters: []");
  });
});
