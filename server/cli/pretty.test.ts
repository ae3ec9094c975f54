// Human output: nested values as indented lines; errors with kind, issues and hint.
import { expect, test } from "bun:test";
import { formatErrorPretty, formatPretty } from "./pretty.ts";

test("objects, lists of objects, scalars and empties", () => {
  const text = formatPretty({
    service: "web",
    tasks: [
      { id: "t1", status: "RUNNING" },
      { id: "t2", status: "STOPPED", reasons: ["OOM", "exit 137"] },
    ],
    tags: [],
    meta: {},
    note: null,
  });
  expect(text).toBe(
    [
      "service: web",
      "tasks:",
      "  - id: t1",
      "    status: RUNNING",
      "  - id: t2",
      "    status: STOPPED",
      "    reasons:",
      "      - OOM",
      "      - exit 137",
      "tags:",
      "  (none)",
      "meta:",
      "  (empty)",
      "note: -",
      "",
    ].join("\n"),
  );
});

test("a validation error lists each issue with expected, got and suggestion", () => {
  const text = formatErrorPretty({
    kind: "validation",
    message: "Invalid input",
    hint: "Fix it.",
    issues: [
      {
        path: "api_operation",
        message: "unknown operation",
        expected: "an operation",
        got: "ListClster",
        suggestion: "ListClusters",
      },
    ],
  });
  expect(text).toContain("error (validation): Invalid input");
  expect(text).toContain(
    "  - api_operation: unknown operation (expected an operation, got ListClster); did you mean ListClusters?",
  );
  expect(text).toContain("hint: Fix it.");
});
