// Runs tiny cross-compiled programs (windows-x64 under wine, linux-arm64 under qemu) over piped stdio, as the MCP server runs.

import { afterAll, expect, test } from "bun:test";
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../scripts/compile.ts";
import { qemuArm64Command, type RunnablePlatform, runBinary, stopWine, wineCommand } from "./support/platforms.ts";

// Reads stdin line by line like the MCP SDK's stdio transport (process.stdin "data" events).
const PROGRAM = `
const uuid = crypto.randomUUID();
process.stdout.write(JSON.stringify({ argv: process.argv.slice(2), uuid }) + "\\n");
let buf = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  buf += chunk;
  for (let i = buf.indexOf("\\n"); i >= 0; i = buf.indexOf("\\n")) {
    const line = buf.slice(0, i).replace(/\\r$/, "");
    buf = buf.slice(i + 1);
    const [cmd, arg] = line.split(" ");
    if (cmd === "exit") process.stdout.write("bye\\n", () => process.exit(Number(arg)));
    else if (cmd === "big") process.stdout.write("x".repeat(Number(arg)) + "\\n");
    else process.stdout.write("echo:" + line + "\\n");
  }
});
process.stdin.on("end", () => process.stdout.write("eof\\n", () => process.exit(3)));
`;

const mingw = existsSync("/usr/bin/x86_64-w64-mingw32-gcc");
const available: Record<RunnablePlatform, boolean> = {
  "linux-x64": process.platform === "linux" && process.arch === "x64",
  "linux-arm64": process.arch === "x64" && qemuArm64Command() !== null,
  "windows-x64": process.arch === "x64" && wineCommand() !== null && mingw,
};
// Compile: ~1-2 s once bun's base binary for the target is cached (first time: a ~110 MB download from npm).
// First wine start in a new prefix: ~5 s here, then ~0.2 s a run; qemu: ~1 s a run. Generous for a slow CI.
const TIMEOUT_MS = { "linux-x64": 60_000, "linux-arm64": 180_000, "windows-x64": 300_000 } as const;

const work = mkdtempSync(join(tmpdir(), "ecs-platforms-"));
const entry = join(work, "hello.ts");
writeFileSync(entry, PROGRAM);
let usedWine = false;

afterAll(() => {
  if (usedWine) stopWine(); // else the persistent wineserver lingers 10 minutes
  rmSync(work, { recursive: true, force: true });
});

/** Line reader over a child's stdout, with a per-line timeout. */
const lines = (child: ChildProcessWithoutNullStreams) => {
  let buf = "";
  const waiting: ((line: string) => void)[] = [];
  const queued: string[] = [];
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buf += chunk;
    for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      const w = waiting.shift();
      if (w) w(line);
      else queued.push(line);
    }
  });
  return (ms = 30_000): Promise<string> =>
    queued.length > 0
      ? Promise.resolve(queued.shift()!)
      : new Promise((res, rej) => {
          const timer = setTimeout(() => rej(new Error(`no line within ${ms} ms`)), ms);
          waiting.push((l) => {
            clearTimeout(timer);
            res(l);
          });
        });
};

for (const platform of ["linux-x64", "linux-arm64", "windows-x64"] as const) {
  test.skipIf(!available[platform])(
    `${platform}: argv, stdin→stdout conversation, large output, EOF and exit code`,
    async () => {
      const dir = mkdtempSync(join(work, `${platform}-`));
      const bin = compile(platform, dir, entry);
      if (platform === "windows-x64") usedWine = true;

      const spec = runBinary(platform, bin, ["7", "two words", 'q"uote']);
      const child = spawn(spec.command, spec.args, { env: spec.env, stdio: ["pipe", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      const exited = new Promise<number | null>((res) => child.on("close", (code) => res(code)));
      const next = lines(child);
      let firstUuid = "";
      try {
        const hello = JSON.parse(await next(120_000)) as { argv: string[]; uuid: string };
        expect(hello.argv).toEqual(["7", "two words", 'q"uote']);
        expect(hello.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        firstUuid = hello.uuid; // on windows-x64 drawn through the ProcessPrng stub
        // One line at a time, each answered before the next is sent: the way an MCP client talks.
        child.stdin.write("ping 1\n");
        expect(await next()).toBe("echo:ping 1");
        child.stdin.write('{"jsonrpc":"2.0","id":2}\n');
        expect(await next()).toBe('echo:{"jsonrpc":"2.0","id":2}');
        child.stdin.write("big 300000\n");
        expect(await next()).toBe("x".repeat(300_000));
        child.stdin.write("exit 7\n");
        expect(await next()).toBe("bye");
        expect(await exited).toBe(7);
      } catch (e) {
        child.kill("SIGKILL");
        throw new Error(`${(e as Error).message}\nstderr: ${stderr}`);
      }

      // Stdin closed at once: the program sees EOF; its exit code comes back; a second run draws another UUID.
      const again = runBinary(platform, bin, []);
      const r = spawnSync(again.command, again.args, { env: again.env, input: "", encoding: "utf8", timeout: 60_000 });
      const [first, last] = r.stdout.trim().split("\n");
      expect({ status: r.status, last }).toEqual({ status: 3, last: "eof" });
      expect((JSON.parse(first!) as { uuid: string }).uuid).not.toBe(firstUuid);
    },
    TIMEOUT_MS[platform],
  );
}
