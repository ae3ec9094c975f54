// Progress goes to stderr only on a terminal, as one line rewritten in place and cleared at the end.
import { expect, test } from "bun:test";
import { captureIo } from "../../test/support/captureIo.ts";
import { createProgressLine } from "./progress.ts";

test("on a terminal: rewrites one line with count, percentage and message, then clears it", () => {
  const { io, cli } = captureIo({ tty: true });
  const p = createProgressLine(cli);
  p.onProgress?.({ progress: 1, total: 4, message: "building image" });
  p.onProgress?.({ progress: 2, total: 4, message: "pushing image" });
  p.done();
  expect(io.stderr).toContain("[1/4] 25% building image");
  expect(io.stderr).toContain("\r\x1b[2K[2/4] 50% pushing image");
  expect(io.stderr.endsWith("\r\x1b[2K")).toBe(true);
  expect(io.stdout).toBe("");
});

test("not a terminal: no progress at all (stderr of scripts stays clean)", () => {
  const { io, cli } = captureIo({ tty: false });
  const p = createProgressLine(cli);
  expect(p.onProgress).toBeUndefined();
  p.done();
  expect(io.stderr).toBe("");
});
