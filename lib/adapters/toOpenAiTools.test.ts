// The OpenAI adapter checked by the `openai` package: its types, and a tool-call round trip through its real client.
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import OpenAI from "openai";
import type { ChatCompletionFunctionTool, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { FunctionTool, ResponseInputItem } from "openai/resources/responses/responses";
import { assistantFor } from "../../test/support/assistantFor.ts";
import { type FakeAws, startFakeAws } from "../../test/support/fakeAws.ts";
import { runOpenAiFunctionCalls, runOpenAiToolCalls } from "./runOpenAiToolCalls.ts";
import { toOpenAiResponsesTools, toOpenAiTools } from "./toOpenAiTools.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

test("chat and responses specs have OpenAI's types and follow its naming and schema rules", () => {
  const assistant = assistantFor(fake.url);
  const chat: ChatCompletionFunctionTool[] = toOpenAiTools(assistant);
  const responses: FunctionTool[] = toOpenAiResponsesTools(assistant);
  expect(chat.length).toBe(assistant.listTools().length);
  for (const [i, t] of chat.entries()) {
    expect(t.function.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(t.function.parameters?.type).toBe("object");
    expect(t.function.parameters).not.toHaveProperty("$schema");
    expect(responses[i] as unknown).toEqual({ type: "function", ...t.function });
  }
});

test("a Chat Completions tool loop through the real openai client", async () => {
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/demo"] });
  const bodies: Record<string, unknown>[] = [];
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    fetch: async (req) => {
      bodies.push((await req.json()) as Record<string, unknown>);
      const message =
        bodies.length === 1
          ? {
              role: "assistant",
              content: null,
              tool_calls: [
                {
                  id: "call_1",
                  type: "function",
                  function: { name: "ecs_resource_management", arguments: '{"api_operation":"ListClusters"}' },
                },
                {
                  id: "call_2",
                  type: "function",
                  function: { name: "ecs_resource_management", arguments: "{not json" },
                },
                { id: "call_3", type: "function", function: { name: "ecs_resource_managment", arguments: "{}" } },
              ],
            }
          : { role: "assistant", content: "You have one cluster." };
      return Response.json({
        id: `r${bodies.length}`,
        object: "chat.completion",
        created: 0,
        model: "fake",
        choices: [{ index: 0, message, finish_reason: bodies.length === 1 ? "tool_calls" : "stop" }],
      });
    },
  });
  try {
    const assistant = assistantFor(fake.url);
    const client = new OpenAI({ apiKey: "sk-fake", baseURL: `http://127.0.0.1:${server.port}/v1`, maxRetries: 0 });
    const messages: ChatCompletionMessageParam[] = [{ role: "user", content: "list my clusters" }];
    const tools = toOpenAiTools(assistant);
    const first = await client.chat.completions.create({ model: "fake", messages, tools });
    const msg = first.choices[0]!.message;
    const calls = (msg.tool_calls ?? []).flatMap((c) => (c.type === "function" ? [c] : []));
    const replies = await runOpenAiToolCalls(assistant, calls);
    messages.push(msg, ...replies);
    const second = await client.chat.completions.create({ model: "fake", messages, tools });
    expect(second.choices[0]!.message.content).toBe("You have one cluster.");

    expect((bodies[0]!.tools as unknown[]).length).toBe(tools.length);
    expect(bodies[0]!.tools).toEqual(JSON.parse(JSON.stringify(tools)));
    const sent = (bodies[1]!.messages as { role: string; tool_call_id?: string; content: string }[]).filter(
      (m) => m.role === "tool",
    );
    expect(sent.map((m) => m.tool_call_id)).toEqual(["call_1", "call_2", "call_3"]);
    expect(JSON.parse(sent[0]!.content)).toMatchObject({
      clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/demo"],
    });
    expect(JSON.parse(sent[1]!.content)).toMatchObject({ status: "error", error: { kind: "validation" } });
    const unknown = JSON.parse(sent[2]!.content);
    expect(unknown.error.kind).toBe("validation");
    expect(unknown.error.hint).toContain("ecs_resource_management");
  } finally {
    server.stop(true);
  }
});

test("Responses API function calls become function_call_output items", async () => {
  fake.on("ecs", "ListClusters", { clusterArns: [] });
  const out: ResponseInputItem[] = await runOpenAiFunctionCalls(assistantFor(fake.url), [
    {
      type: "function_call",
      call_id: "fc_1",
      name: "ecs_resource_management",
      arguments: '{"api_operation":"ListClusters"}',
    },
  ]);
  expect(out[0]).toMatchObject({ type: "function_call_output", call_id: "fc_1" });
  expect(JSON.parse((out[0] as { output: string }).output)).toMatchObject({ clusterArns: [] });
});
