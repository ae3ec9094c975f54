// runCommand: argument arrays without a shell, stdin for secrets, bounded tail, missing binaries, cancellation, timeout.
import { describe, expect, test } from "bun:test";
import { digestFromPushOutput, stepOf } from "./containerCommands.ts";
import { runCommand } from "./runCommand.ts";

describe("runCommand", () => {
  test("stdin reaches the child and never the argv; lines stream", async () => {
    const lines: string[] = [];
    const r = (await runCommand("cat", [], { stdin: "s3cret\nline2\n", onLine: (l) => lines.push(l) }))._unsafeUnwrap();
    expect(r.exitCode).toBe(0);
    expect(lines).toEqual(["s3cret", "line2"]);
  });
  test("no shell: metacharacters are plain arguments", async () => {
    const r = (await runCommand("echo", ["$(id)", ";", "ls"]))._unsafeUnwrap();
    expect(r.stdout.trim()).toBe("$(id) ; ls");
  });
  test("non-zero exit is a result; tail is bounded", async () => {
    const r = (await runCommand("seq", ["1", "500"], { tailLines: 5 }))._unsafeUnwrap();
    expect(r.tail).toEqual(["496", "497", "498", "499", "500"]);
    expect((await runCommand("false", []))._unsafeUnwrap().exitCode).not.toBe(0);
  });
  test("missing binary → container_runtime error", async () => {
    expect((await runCommand("no-such-runtime-xyz", ["version"]))._unsafeUnwrapErr()).toMatchObject({
      kind: "container_runtime",
    });
  });
  test("abort kills the child → cancelled; timeout → timeout", async () => {
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(), 50);
    expect((await runCommand("sleep", ["10"], { signal: ac.signal }))._unsafeUnwrapErr().kind).toBe("cancelled");
    expect((await runCommand("sleep", ["10"], { timeoutMs: 50 }))._unsafeUnwrapErr().kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5000);
  });
  test("push digests and build steps are recognised", () => {
    const d = `sha256:${"b".repeat(64)}`;
    expect(digestFromPushOutput(["x", `latest: digest: ${d} size: 1234`])).toBe(d);
    expect(stepOf("STEP 3/7: RUN npm ci")).toBe("STEP 3/7: RUN npm ci");
    expect(stepOf("[1/2] STEP 3/4: RUN npm ci")).toBe("[1/2] STEP 3/4: RUN npm ci");
    expect(stepOf("#7 [build 3/5] RUN npm run build")).toBe("[build 3/5] RUN npm run build");
    expect(stepOf("Step 2/4 : COPY . .")).toBe("Step 2/4 : COPY . .");
    expect(stepOf("npm ERR! missing script")).toBeUndefined();
  });
});
