// Property-based fuzzing of EVERY tool in ALL_TOOLS, through the library and through an in-process MCP server:
// hostile inputs must give a typed error or a normal result; never a throw, hang, crash, pollution or stack trace.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import fc from "fast-check";
import { ALL_TOOLS, type EcsAssistant, type EcsError, jsonSchemaOf, silentLogger } from "../../lib/index.ts";
import { createMcpServer } from "../../server/mcp.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { asJsonArguments, toolInput } from "./support/arbitraries.ts";
import { answerEverything, ERROR_KINDS, fakeAssistant, STACK_TRACE } from "./support/world.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const TIME_PER_TOOL_MS = Number(process.env.FUZZ_TIME_MS ?? 5_000);
const MCP_RUNS = Number(process.env.FUZZ_MCP_RUNS ?? 150);
/** A call is cancelled after this long; it must then settle within SETTLE_MS or it counts as a hang. */
const CALL_BUDGET_MS = 500;
const SETTLE_MS = 3_000;

let fake: FakeAws;
let assistant: EcsAssistant;
const rejections: unknown[] = [];
const onRejection = (e: unknown) => rejections.push(e);
const counts = new Map<string, { library: number; mcp: number; ok: number; errors: Record<string, number> }>();

beforeAll(async () => {
  fake = await startFakeAws();
  answerEverything(fake);
  assistant = fakeAssistant(fake, { allowWrite: false, allowSensitiveData: false });
  process.on("unhandledRejection", onRejection);
});
afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  assistant.close();
  await fake.close();
  const rows = [...counts].map(([tool, c]) => ({ tool, ...c, errors: JSON.stringify(c.errors) }));
  console.log("fuzz: inputs tried per tool");
  console.table(rows);
});

const stat = (tool: string) => {
  const c = counts.get(tool) ?? { library: 0, mcp: 0, ok: 0, errors: {} };
  counts.set(tool, c);
  return c;
};

/** Rejects if `p` does not settle within `ms`. */
const settleWithin = <T>(p: PromiseLike<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`hang: ${what} did not settle in ${ms} ms`)), ms);
    Promise.resolve(p)
      .then(resolve, reject)
      .finally(() => clearTimeout(t));
  });

/** The checks every error must pass: a known kind, text fields, no stack, serialisable. */
const expectWellFormedError = (e: EcsError, input: unknown) => {
  const wellFormed =
    (ERROR_KINDS as readonly string[]).includes(e.kind) &&
    e.kind !== "internal" &&
    typeof e.message === "string" &&
    typeof e.hint === "string" &&
    !STACK_TRACE.test(e.message + e.hint);
  // The input is only rendered on failure: rendering huge or deep inputs on every run would dominate the run time.
  if (!wellFormed) throw new Error(`bad error ${JSON.stringify(e)} for input ${safeShow(input)}`);
};

const safeShow = (v: unknown) => {
  try {
    return fc.stringify(v).slice(0, 300);
  } catch {
    return String(v).slice(0, 300);
  }
};

describe("fuzz: every tool through the library", () => {
  test("ALL_TOOLS is not empty", () => expect(ALL_TOOLS.length).toBeGreaterThan(0));

  for (const tool of ALL_TOOLS) {
    test(
      `${tool.name}: typed error or result for hostile input`,
      async () => {
        const schema = jsonSchemaOf(tool.input);
        const c = stat(tool.name);
        await fc.assert(
          fc.asyncProperty(toolInput(schema), async (input) => {
            c.library++;
            const ac = new AbortController();
            const timer = setTimeout(() => ac.abort(), CALL_BUDGET_MS);
            try {
              const r = await settleWithin(
                assistant.callTool(tool.name, input, { signal: ac.signal }),
                CALL_BUDGET_MS + SETTLE_MS,
                tool.name,
              );
              if (r.isOk()) {
                c.ok++;
                expect(() => JSON.stringify(r.value)).not.toThrow();
              } else {
                c.errors[r.error.kind] = (c.errors[r.error.kind] ?? 0) + 1;
                expectWellFormedError(r.error, input);
              }
              expect(({} as Record<string, unknown>).polluted, "Object.prototype polluted").toBeUndefined();
            } finally {
              clearTimeout(timer);
            }
          }),
          {
            numRuns: RUNS,
            interruptAfterTimeLimit: TIME_PER_TOOL_MS,
            markInterruptAsFailure: false,
            endOnFailure: true,
          },
        );
        // Valid wait_for_service_ready inputs wait out their budget, so a loaded 2-core CI machine tries fewer of them.
        expect(c.library).toBeGreaterThan(Math.min(RUNS, 10));
        expect(rejections).toEqual([]);
      },
      TIME_PER_TOOL_MS + 30_000,
    );
  }
});

/** Values that broke real code before: each is put into every top-level parameter of every tool, deterministically. */
const KNOWN_NASTY: [string, () => unknown][] = [
  ["object with a non-callable toString (JSON-reachable)", () => JSON.parse('{"toString": {"x": 1}, "valueOf": 2}')],
  ["own __proto__ key", () => JSON.parse('{"__proto__": {"polluted": true}}')],
  ["Symbol", () => Symbol("s")],
  ["BigInt", () => 10n ** 40n],
  ["NaN", () => Number.NaN],
  ["-Infinity", () => Number.NEGATIVE_INFINITY],
  ["1 MB string", () => "x".repeat(1_048_576)],
  ["10,000-deep object", () => JSON.parse(`${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`)],
  ["10,000-deep array", () => JSON.parse(`${"[".repeat(10_000)}1${"]".repeat(10_000)}`)],
];

describe("known-nasty values in every parameter of every tool (deterministic)", () => {
  for (const tool of ALL_TOOLS) {
    test(`${tool.name}`, async () => {
      const keys = Object.keys((jsonSchemaOf(tool.input).properties as object | undefined) ?? {});
      const failures: string[] = [];
      for (const key of [...keys, "__proto__"])
        for (const [label, make] of KNOWN_NASTY) {
          const input = Object.defineProperty({}, key, { value: make(), enumerable: true });
          const ac = new AbortController();
          const timer = setTimeout(() => ac.abort(), CALL_BUDGET_MS);
          try {
            const r = await settleWithin(
              assistant.callTool(tool.name, input, { signal: ac.signal }),
              CALL_BUDGET_MS + SETTLE_MS,
              tool.name,
            );
            if (r.isErr() && (r.error.kind === "internal" || STACK_TRACE.test(r.error.message + r.error.hint)))
              failures.push(`${key} = ${label}: ${r.error.kind}: ${r.error.message}`);
          } catch (e) {
            failures.push(`${key} = ${label}: threw ${String(e)}`);
          } finally {
            clearTimeout(timer);
          }
        }
      expect(failures).toEqual([]);
    }, 60_000);
  }
});

describe("fuzz: every tool through the MCP server (in-process)", () => {
  let client: Client;
  beforeAll(async () => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createMcpServer(assistant, silentLogger).connect(serverSide);
    client = new Client({ name: "fuzz", version: "1" });
    await client.connect(clientSide);
  });
  afterAll(() => client.close());

  test("tools/list lists every tool in ALL_TOOLS", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(ALL_TOOLS.map((t) => t.name).sort());
  });

  for (const tool of ALL_TOOLS) {
    test(
      `${tool.name}: isError result or content for hostile JSON arguments; no JSON-RPC error, no stack`,
      async () => {
        const schema = jsonSchemaOf(tool.input);
        const c = stat(tool.name);
        await fc.assert(
          fc.asyncProperty(toolInput(schema), async (raw) => {
            c.mcp++;
            const args = asJsonArguments(raw);
            // Long waits (valid wait_for_service_ready input) are cancelled by the client, as a user would.
            const ac = new AbortController();
            const timer = setTimeout(() => ac.abort(), CALL_BUDGET_MS);
            const r = (await settleWithin(
              client
                .callTool({ name: tool.name, arguments: args }, undefined, {
                  signal: ac.signal,
                  timeout: CALL_BUDGET_MS + SETTLE_MS,
                })
                .catch((e: unknown) => {
                  if (ac.signal.aborted) return { content: [], cancelledByClient: true };
                  throw e;
                })
                .finally(() => clearTimeout(timer)),
              CALL_BUDGET_MS + SETTLE_MS + 500,
              tool.name,
            )) as CallToolResult;
            expect(Array.isArray(r.content)).toBe(true);
            for (const part of r.content) if (part.type === "text") expect(part.text).not.toMatch(STACK_TRACE);
            if (r.isError) {
              const e = (r.structuredContent as { error?: EcsError } | undefined)?.error;
              if (!e?.kind || e.kind === "internal")
                throw new Error(`bad error ${JSON.stringify(e)} for ${safeShow(args)}`);
            }
          }),
          {
            numRuns: MCP_RUNS,
            interruptAfterTimeLimit: TIME_PER_TOOL_MS,
            markInterruptAsFailure: false,
            endOnFailure: true,
          },
        );
      },
      TIME_PER_TOOL_MS + 30_000,
    );
  }

  test("unknown tool names are tool errors, not JSON-RPC errors; unknown methods are JSON-RPC errors", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (name) => {
        fc.pre(!ALL_TOOLS.some((t) => t.name === name));
        const r = (await client.callTool({ name, arguments: {} })) as CallToolResult;
        expect(r.isError).toBe(true);
      }),
      { numRuns: 100 },
    );
    await expect(client.request({ method: "no/such/method" } as never, {} as never)).rejects.toThrow(/not found/i);
  });
});
