// Python version choice: pins win, 3.13 stays 3.13, open ranges get the default, upper bounds are respected.
import { describe, expect, test } from "bun:test";
import { minorFromRange, pythonVersion } from "./pythonVersion.ts";

describe("pythonVersion", () => {
  test.each([
    [">=3.13", 13],
    [">=3.9", 12],
    [">=3.10,<4.0", 12],
    [">=3.11,<3.12", 11],
    ["<3.12", 11],
    ["~=3.10.0", 10],
    ["~=3.11", 12],
    ["^3.11", 12],
    ["==3.13.*", 13],
    [">=3.14", 14],
    ["~3.10", 10],
  ])("requires-python %s → 3.%d", (range, minor) => expect(minorFromRange(range)).toBe(minor));
  test("no version named → the default, and says so", () =>
    expect(pythonVersion({})).toEqual({ version: "3.12", source: "default (no version named)" }));
  test(".python-version beats runtime.txt beats requires-python", () => {
    expect(pythonVersion({ pythonVersion: "3.13.1\n", runtimeTxt: "python-3.11.9", requiresPython: ">=3.10" })).toEqual(
      {
        version: "3.13",
        source: ".python-version",
      },
    );
    expect(pythonVersion({ runtimeTxt: "python-3.11.9", requiresPython: ">=3.13" }).version).toBe("3.11");
    expect(pythonVersion({ pythonVersion: "cpython@3.13" }).version).toBe("3.13");
  });
  test("a Pipfile's [requires] python_version pins the minor (below .python-version, above requires-python)", () => {
    const pipfile = '[packages]\nflask = "*"\n\n[requires]\npython_version = "3.11"\n';
    expect(pythonVersion({ pipfile, requiresPython: ">=3.13" })).toEqual({
      version: "3.11",
      source: "Pipfile python_version 3.11",
    });
    expect(pythonVersion({ pipfile: '[requires]\npython_full_version = "3.13.1"\n' }).version).toBe("3.13");
    expect(pythonVersion({ pipfile, pythonVersion: "3.12" }).version).toBe("3.12");
  });
  test("an unknown minor falls back instead of naming a tag that does not exist", () =>
    expect(pythonVersion({ pythonVersion: "3.4" }).version).toBe("3.12"));
});
