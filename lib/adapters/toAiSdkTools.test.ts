// The AI SDK adapter checked by the real `ai` package: its `tool()`/`asSchema`, and a full generateText tool loop.
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import { asSchema, generateText, stepCountIs, type ToolSet, tool } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { assistantFor } from "../../test/support/assistantFor.ts";
import { type FakeAws, startFakeAws } from "../../test/support/fakeAws.ts";
import { toolSpecs } from "../registry.ts";
import { toAiSdkTools } from "./toAiSdkTools.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};

test("each tool is an AI SDK Tool whose schema the SDK reads as our JSON Schema", async () => {
  const assistant = assistantFor(fake.url);
  const tools: ToolSet = toAiSdkTools(assistant);
  const specs = assistant.listTools();
  expect(Object.keys(tools)).toEqual(specs.map((s) => s.name));
  for (const spec of specs) {
    const t = tool(tools[spec.name]!);
    expect(t.description).toBe(spec.description);
    const schema = asSchema(t.inputSchema);
    expect(await schema.jsonSchema).toMatchObject(spec.inputSchema);
    expect((await schema.validate!({})).success).toBe(true);
    expect((await schema.validate!("not an object")).success).toBe(false);
  }
});

test("generateText runs our tool when the model calls it, through the policy", async () => {
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/demo"] });
  const model = new MockLanguageModelV4({
    doGenerate: [
      {
        content: [
          {
            type: "tool-call",
            toolCallId: "c1",
            toolName: "ecs_resource_management",
            input: JSON.stringify({ api_operation: "ListClusters" }),
          },
          {
            type: "tool-call",
            toolCallId: "c2",
            toolName: "ecs_resource_management",
            input: JSON.stringify({ api_operation: "CreateCluster", api_params: { clusterName: "x" } }),
          },
        ],
        finishReason: { unified: "tool-calls", raw: "tool_calls" },
        usage,
        warnings: [],
      },
      {
        content: [{ type: "text", text: "done" }],
        finishReason: { unified: "stop", raw: "stop" },
        usage,
        warnings: [],
      },
    ],
  });
  const result = await generateText({
    model,
    tools: toAiSdkTools(assistantFor(fake.url), { filter: { names: ["ecs_resource_management"] } }),
    prompt: "list my clusters",
    stopWhen: stepCountIs(3),
  });
  expect(result.text).toBe("done");
  const outputs = result.steps[0]!.toolResults.map((r) => r.output);
  expect(outputs[0]).toMatchObject({ clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/demo"] });
  // CreateCluster is a write: the default policy refuses it and the model reads why.
  expect(outputs[1]).toMatchObject({ status: "error", error: { kind: "policy_denied", gate: "write" } });
  expect(fake.calls.map((c) => c.operation)).toEqual(["ListClusters"]);
  // The tool definitions the model received carry our JSON Schema.
  const sent = model.doGenerateCalls[0]!.tools!;
  expect(sent.map((t) => t.name)).toEqual(["ecs_resource_management"]);
  expect((sent[0] as { inputSchema: { properties: object } }).inputSchema.properties).toHaveProperty("api_operation");
});

test("the filter picks the read-only set", () => {
  const assistant = assistantFor(fake.url);
  const all = Object.keys(toAiSdkTools(assistant));
  const readOnly = Object.keys(toAiSdkTools(assistant, { filter: { readOnly: true } }));
  expect(readOnly.length).toBeLessThanOrEqual(all.length);
  for (const name of readOnly)
    expect(toolSpecs(assistant.tools).find((t) => t.name === name)?.annotations.readOnlyHint).toBe(true);
  expect(Object.keys(toAiSdkTools(assistant, { filter: { names: ["ecs_resource_management"] } }))).toEqual([
    "ecs_resource_management",
  ]);
});
