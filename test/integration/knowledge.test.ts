// AWS Knowledge proxy through the library against the loopback fake remote: success, slow, erroring, disconnecting, schema change, offline.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { createServer, type Server } from "node:net";
import { createEcsAssistant, type EcsAssistant, type EcsAssistantOptions } from "../../lib/index.ts";
import { type FakeMcpRemote, startFakeMcpRemote } from "../support/fakeMcpRemote.ts";
import { KNOWLEDGE_TOOLS_FIXTURE } from "../support/fakeMcpTools.ts";

const SEARCH = "aws_knowledge_aws___search_documentation";
const READ = "aws_knowledge_aws___read_documentation";
const RECOMMEND = "aws_knowledge_aws___recommend";

let fake: FakeMcpRemote;
let blackhole: Server;
let blackholeUrl: string;
const open: EcsAssistant[] = [];

beforeAll(async () => {
  fake = await startFakeMcpRemote();
  // Accepts TCP connections and never answers: a stalled remote.
  blackhole = createServer(() => {});
  await new Promise<void>((r) => blackhole.listen(0, "127.0.0.1", r));
  blackholeUrl = `http://127.0.0.1:${(blackhole.address() as { port: number }).port}/mcp`;
});
afterAll(async () => {
  await fake.close();
  blackhole.close();
});
afterEach(() => {
  fake.mode = "ok";
  fake.delayMs = 0;
  fake.tools = KNOWLEDGE_TOOLS_FIXTURE();
  fake.received.length = 0;
  for (const a of open.splice(0)) a.close();
});

const assistant = (knowledge: EcsAssistantOptions["knowledge"] = {}, extra: EcsAssistantOptions = {}) => {
  const a = createEcsAssistant({ knowledge: { url: fake.url, callTimeoutMs: 2_000, ...knowledge }, ...extra });
  open.push(a);
  return a;
};
const timed = async <T>(p: PromiseLike<T>) => {
  const t0 = performance.now();
  const value = await p;
  return { value, ms: performance.now() - t0 };
};

describe("knowledge proxy: listing", () => {
  test("the three tools are listed from built-in descriptors before any connection", () => {
    const a = assistant();
    const specs = a.listTools().filter((t) => t.name.startsWith("aws_knowledge_"));
    expect(specs.map((t) => t.name)).toEqual([SEARCH, READ, RECOMMEND]);
    expect(specs[0]?.inputSchema).toMatchObject({ required: ["search_phrase"] });
    expect(specs[1]?.inputSchema.properties).toHaveProperty("start_index");
    for (const s of specs) expect(s.description).toContain("## ECS DOCUMENTATION GUIDANCE:");
    expect(fake.received).toEqual([]); // listing never touched the network
  });

  test("after the remote answers, its schemas and descriptions (plus our guidance) are used, and a change is signalled", async () => {
    const a = assistant();
    let changes = 0;
    a.onToolsChanged(() => changes++);
    (await a.callTool(SEARCH, { search_phrase: "express mode" }))._unsafeUnwrap();
    expect(changes).toBe(1);
    const search = a.listTools().find((t) => t.name === SEARCH);
    expect(search?.description).toStartWith("Search AWS documentation (remote fixture).");
    expect(search?.description).toContain("Express Mode");
    expect(search?.inputSchema).toEqual(fake.tools[0]?.inputSchema as unknown as Record<string, unknown>);
    expect(a.listTools().some((t) => t.name.includes("list_regions"))).toBe(false); // not on the allow-list
  });
});

describe("knowledge proxy: calls", () => {
  test("search, read and recommend round-trip; the remote content is passed through", async () => {
    const a = assistant();
    const found = (
      await a.awsKnowledgeSearchDocumentation({ search_phrase: "ECS Express Mode", limit: 2 })
    )._unsafeUnwrap();
    expect(found.kind).toBe("remote_mcp_content");
    expect(found.structuredContent).toMatchObject({
      results: [{ rank_order: 1, title: "Result 1 for ECS Express Mode" }, {}],
    });
    const page = (
      await a.awsKnowledgeReadDocumentation({
        url: "https://docs.aws.amazon.com/x.html",
        start_index: 2,
        max_length: 20,
      })
    )._unsafeUnwrap();
    expect(page.text).toBe("Page https://docs.aw");
    const rec = (await a.awsKnowledgeRecommend({ url: "https://docs.aws.amazon.com/x.html" }))._unsafeUnwrap();
    expect(JSON.parse(rec.text)[0].title).toContain("Managed Instances");
    expect(fake.received.filter((m) => m === "initialize")).toHaveLength(1); // one session for all calls
    expect(fake.received).toContain("tools/call:aws___read_documentation");
  });

  test("invalid input is refused locally with a did-you-mean, without contacting the remote", async () => {
    const a = assistant();
    const e = (await a.callTool(READ, { url: "not a url" }))._unsafeUnwrapErr();
    expect(e.kind).toBe("validation");
    expect(fake.received).toEqual([]);
  });

  test("unknown extra fields pass through to the remote (its schema may be newer than ours)", async () => {
    fake.tools[0]!.handler = (args) => ({ content: [{ type: "text", text: JSON.stringify(args) }] });
    const a = assistant();
    const r = (await a.callTool(SEARCH, { search_phrase: "x", region_filter: "eu" }))._unsafeUnwrap();
    expect(JSON.parse((r.value as { text: string }).text)).toEqual({ search_phrase: "x", region_filter: "eu" });
  });

  test("slow remote: the call times out after callTimeoutMs with a timeout error", async () => {
    fake.delayMs = 3_000;
    const a = assistant({ callTimeoutMs: 300 });
    const { value, ms } = await timed(a.callTool(SEARCH, { search_phrase: "slow" }));
    expect(value._unsafeUnwrapErr()).toMatchObject({ kind: "timeout", afterMs: 300 });
    expect(ms).toBeLessThan(1_500);
  });

  test("erroring remote tool: an aws-kind error carrying the remote's message", async () => {
    fake.mode = "error";
    const e = (await assistant().callTool(SEARCH, { search_phrase: "x" }))._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "aws", code: "RemoteToolError", service: "AWS Knowledge MCP server" });
    expect(e.message).toContain("throttled");
  });

  test("a connection dropped mid-call is re-opened once and the call retried", async () => {
    const a = assistant();
    (await a.callTool(SEARCH, { search_phrase: "warm" }))._unsafeUnwrap();
    fake.mode = "disconnect-once";
    const r = await a.callTool(SEARCH, { search_phrase: "after drop" });
    expect(r.isOk()).toBe(true);
    expect(fake.received.filter((m) => m === "initialize")).toHaveLength(2);
  });

  test("a remote that keeps dropping the connection gives unavailable after one reconnect", async () => {
    fake.mode = "disconnect";
    const e = (await assistant().callTool(SEARCH, { search_phrase: "x" }))._unsafeUnwrapErr();
    expect(e.kind).toBe("unavailable");
    expect(fake.received.filter((m) => m.startsWith("tools/call"))).toHaveLength(2);
  });

  test("schema change on the remote: the refusal says so, the new schema is listed, the next call works", async () => {
    const a = assistant();
    (await a.callTool(SEARCH, { search_phrase: "v1" }))._unsafeUnwrap();
    let changes = 0;
    a.onToolsChanged(() => changes++);
    fake.tools[0]!.inputSchema.required = ["search_phrase", "topics"];
    const e = (await a.callTool(SEARCH, { search_phrase: "v2" }))._unsafeUnwrapErr();
    expect(e.kind).toBe("validation");
    expect(e.message).toContain("topics");
    await Bun.sleep(100); // the refresh runs in the background
    expect(changes).toBe(1);
    expect(a.listTools().find((t) => t.name === SEARCH)?.inputSchema).toMatchObject({
      required: ["search_phrase", "topics"],
    });
    expect((await a.callTool(SEARCH, { search_phrase: "v2", topics: ["general"] })).isOk()).toBe(true);
  });

  test("cancellation is forwarded to the remote", async () => {
    const a = assistant();
    (await a.callTool(RECOMMEND, { url: "https://docs.aws.amazon.com/a.html" }))._unsafeUnwrap(); // connect first
    fake.delayMs = 2_000;
    const ctl = new AbortController();
    setTimeout(() => ctl.abort("user"), 100);
    const { value, ms } = await timed(a.callTool(SEARCH, { search_phrase: "x" }, { signal: ctl.signal }));
    expect(value._unsafeUnwrapErr().kind).toBe("cancelled");
    expect(ms).toBeLessThan(1_000);
    await Bun.sleep(100);
    expect(fake.received).toContain("notifications/cancelled");
  });
});

describe("knowledge proxy: offline and disabled", () => {
  test("unreachable remote: tools still listed; calls fail fast with unavailable and the reason", async () => {
    const a = assistant({ url: "http://127.0.0.1:1/mcp" });
    expect(a.listTools().filter((t) => t.name.startsWith("aws_knowledge_"))).toHaveLength(3);
    const first = await timed(a.callTool(SEARCH, { search_phrase: "x" }));
    const e = first.value._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "unavailable", service: "AWS Knowledge MCP server" });
    expect(e.message).toContain("http://127.0.0.1:1/mcp");
    expect(e.hint).toContain("options.knowledge.url"); // the server renders it as --knowledge-url
    expect(first.ms).toBeLessThan(2_000);
    const second = await timed(a.callTool(READ, { url: "https://docs.aws.amazon.com/a.html" }));
    expect(second.value._unsafeUnwrapErr().kind).toBe("unavailable");
    expect(second.value._unsafeUnwrapErr().message).toContain("last attempt");
    expect(second.ms).toBeLessThan(50); // no new attempt during the cool-down
  });

  test("stalled remote: the connect timeout bounds the wait", async () => {
    const a = assistant({ url: blackholeUrl, connectTimeoutMs: 300 });
    const { value, ms } = await timed(a.callTool(SEARCH, { search_phrase: "x" }));
    expect(value._unsafeUnwrapErr().kind).toBe("unavailable");
    expect(value._unsafeUnwrapErr().message).toContain("300 ms");
    expect(ms).toBeLessThan(1_500);
  });

  test("enabled: false hides the tools; a deny-list entry refuses the call", async () => {
    const off = assistant({ enabled: false });
    expect(off.listTools().some((t) => t.name.startsWith("aws_knowledge_"))).toBe(false);
    expect((await off.callTool(SEARCH, { search_phrase: "x" }))._unsafeUnwrapErr().kind).toBe("validation");
    const denied = assistant({}, { policy: { denyOperations: [SEARCH] } });
    expect((await denied.callTool(SEARCH, { search_phrase: "x" }))._unsafeUnwrapErr()).toMatchObject({
      kind: "policy_denied",
      gate: "operation",
    });
    expect(fake.received).toEqual([]);
  });
});

describe("knowledge proxy: a 2026-07-28 remote", () => {
  test("spoken to natively: discover, no initialize; results and tool errors as with a 2025 remote", async () => {
    const modern = await startFakeMcpRemote({ era: "2026" });
    const a = createEcsAssistant({ knowledge: { url: modern.url, callTimeoutMs: 2_000 } });
    try {
      const found = (await a.awsKnowledgeSearchDocumentation({ search_phrase: "ECS", limit: 1 }))._unsafeUnwrap();
      expect(found.structuredContent).toMatchObject({ results: [{ rank_order: 1 }] });
      expect(modern.received).toContain("server/discover");
      expect(modern.received).not.toContain("initialize");
      expect(modern.received).toContain("tools/call:aws___search_documentation");
      modern.mode = "error";
      const e = (await a.callTool(SEARCH, { search_phrase: "x" }))._unsafeUnwrapErr();
      expect(e).toMatchObject({ kind: "aws", code: "RemoteToolError" });
    } finally {
      a.close();
      await modern.close();
    }
  });
});
