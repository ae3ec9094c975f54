// stdio serves both eras message by message: no era is pinned by the first message, each version is checked alone.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { PassThrough } from "node:stream";
import { silentLogger } from "../lib/index.ts";
import { type SleepLog, withSleepTool } from "../test/hardening/support/slowTool.ts";
import { answerEverything, fakeAssistant } from "../test/hardening/support/world.ts";
import { type FakeAws, startFakeAws } from "../test/support/fakeAws.ts";
import { serveStdio } from "./stdio.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
  answerEverything(fake);
});
afterAll(() => fake.close());

type Msg = {
  id?: number;
  method?: string;
  result?: Record<string, unknown>;
  error?: { code: number; data?: unknown };
  params?: Record<string, unknown>;
};
const meta = (version = "2026-07-28") => ({
  "io.modelcontextprotocol/protocolVersion": version,
  "io.modelcontextprotocol/clientCapabilities": {},
});

/** A server on in-memory pipes; `send` writes a line, `until` waits for a message matching a predicate. */
const pipe = async (log: SleepLog = { finished: [], aborted: [] }) => {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const seen: Msg[] = [];
  let buffer = "";
  stdout.on("data", (c: Buffer) => {
    buffer += c.toString();
    for (let i = buffer.indexOf("\n"); i >= 0; i = buffer.indexOf("\n")) {
      seen.push(JSON.parse(buffer.slice(0, i)) as Msg);
      buffer = buffer.slice(i + 1);
    }
  });
  const handle = await serveStdio(withSleepTool(fakeAssistant(fake), log), silentLogger, { stdin, stdout });
  const send = (m: Record<string, unknown>) => stdin.write(`${JSON.stringify({ jsonrpc: "2.0", ...m })}\n`);
  const until = async (pred: (m: Msg) => boolean, ms = 3_000): Promise<Msg> => {
    const end = Date.now() + ms;
    for (;;) {
      const hit = seen.find(pred);
      if (hit) return hit;
      if (Date.now() > end) throw new Error(`no matching message; saw ${JSON.stringify(seen).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { send, until, seen, handle, stdin };
};

describe("stdio, both eras on one pipe", () => {
  test("2026 discover, then a 2025 initialize, then 2026 again: each answered in its own era", async () => {
    const p = await pipe();
    p.send({ id: 1, method: "server/discover", params: { _meta: meta() } });
    const discover = await p.until((m) => m.id === 1);
    expect(discover.result?.supportedVersions).toEqual(
      expect.arrayContaining(["2026-07-28", "2025-11-25", "2025-06-18"]),
    );
    p.send({
      id: 2,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "old", version: "1" } },
    });
    expect((await p.until((m) => m.id === 2)).result?.protocolVersion).toBe("2025-06-18");
    p.send({ method: "notifications/initialized" });
    p.send({ id: 3, method: "tools/list", params: {} });
    p.send({ id: 4, method: "tools/list", params: { _meta: meta() } });
    const legacy = await p.until((m) => m.id === 3);
    const modern = await p.until((m) => m.id === 4);
    expect(legacy.result?._meta).toBeUndefined();
    expect(
      (modern.result?._meta as Record<string, { name: string }> | undefined)?.["io.modelcontextprotocol/serverInfo"]
        ?.name,
    ).toBe("ecs-assistant");
    expect(modern.result?.tools).toEqual(legacy.result?.tools);
    await p.handle.close();
  });

  test("a request naming an unserved version gets -32022 with the full list; the next good one is served", async () => {
    const p = await pipe();
    p.send({ id: 1, method: "tools/list", params: { _meta: meta() } });
    await p.until((m) => m.id === 1 && Boolean(m.result));
    p.send({ id: 2, method: "tools/list", params: { _meta: meta("2099-01-01") } });
    const bad = await p.until((m) => m.id === 2);
    expect(bad.error?.code).toBe(-32022);
    expect((bad.error?.data as { supported?: string[] } | undefined)?.supported).toEqual(
      expect.arrayContaining(["2026-07-28", "2025-11-25"]),
    );
    p.send({ id: 3, method: "tools/list", params: { _meta: meta("2025-11-25") } });
    expect((await p.until((m) => m.id === 3)).error?.code).toBe(-32022); // 2025 versions are for initialize only
    p.send({ id: 4, method: "tools/list", params: { _meta: meta() } });
    expect((await p.until((m) => m.id === 4)).result?.tools).toBeDefined();
    await p.handle.close();
  });

  test("2026 calls: progress before the result, in order; notifications/cancelled aborts only that call", async () => {
    const log: SleepLog = { finished: [], aborted: [] };
    const p = await pipe(log);
    const call = (id: number, label: string, ms: number) =>
      p.send({
        id,
        method: "tools/call",
        params: { name: "test_sleep", arguments: { ms, label }, _meta: { ...meta(), progressToken: label } },
      });
    call(1, "A", 2_000);
    call(2, "B", 300);
    await new Promise((r) => setTimeout(r, 100));
    p.send({ method: "notifications/cancelled", params: { requestId: 1, _meta: meta() } });
    const b = await p.until((m) => m.id === 2);
    expect(b.result?.structuredContent).toMatchObject({ label: "B" });
    await new Promise((r) => setTimeout(r, 100));
    expect(log).toEqual({ finished: ["B"], aborted: ["A"] });
    const progressB = p.seen.filter((m) => m.method === "notifications/progress" && m.params?.progressToken === "B");
    expect(progressB.length).toBeGreaterThan(3);
    const at = p.seen.indexOf(b);
    expect(p.seen.indexOf(progressB.at(-1) as Msg)).toBeLessThan(at);
    expect(progressB.map((m) => m.params?.progress)).toEqual(progressB.map((_, i) => i + 1));
    expect(p.seen.some((m) => m.id === 1)).toBe(false);
    await p.handle.close();
  });

  test("subscriptions/listen stays open on stdio and is closed by notifications/cancelled", async () => {
    const p = await pipe();
    p.send({
      id: 7,
      method: "subscriptions/listen",
      params: { _meta: meta(), notifications: { toolsListChanged: true } },
    });
    const ack = await p.until((m) => m.method === "notifications/subscriptions/acknowledged");
    expect(ack.params?.filter ?? ack.params).toBeDefined();
    p.send({ id: 8, method: "tools/list", params: { _meta: meta() } });
    expect((await p.until((m) => m.id === 8)).result?.tools).toBeDefined(); // the open stream blocks nothing
    p.send({ method: "notifications/cancelled", params: { requestId: 7 } });
    await new Promise((r) => setTimeout(r, 100));
    await p.handle.close();
  });
});
