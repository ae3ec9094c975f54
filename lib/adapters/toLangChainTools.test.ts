// The LangChain adapter checked by `@langchain/core`: its `tool()` factory, its JSON Schema validation and invoke path.
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import { isStructuredTool, type StructuredToolInterface, tool } from "@langchain/core/tools";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import { assistantFor } from "../../test/support/assistantFor.ts";
import { type FakeAws, startFakeAws } from "../../test/support/fakeAws.ts";
import { toLangChainTools } from "./toLangChainTools.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

test("LangChain builds structured tools from our specs and exports our JSON Schema", () => {
  const assistant = assistantFor(fake.url);
  const tools: StructuredToolInterface[] = toLangChainTools(assistant, tool);
  const specs = assistant.listTools();
  expect(tools.map((t) => t.name)).toEqual(specs.map((s) => s.name));
  for (const [i, t] of tools.entries()) {
    expect(isStructuredTool(t)).toBe(true);
    const oa = convertToOpenAITool(t);
    expect(oa.function.description).toBe(specs[i]!.description);
    expect(oa.function.parameters).toMatchObject({ properties: specs[i]!.inputSchema.properties as object });
  }
});

test("invoke runs the tool through the assistant; LangChain rejects schema-invalid input itself", async () => {
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/demo"] });
  const [t] = toLangChainTools<StructuredToolInterface>(assistantFor(fake.url), tool, {
    filter: { names: ["ecs_resource_management"] },
  });
  const text = await t!.invoke({ api_operation: "ListClusters" });
  expect(JSON.parse(String(text))).toMatchObject({ clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/demo"] });
  // Missing the required api_operation: LangChain's own validator (from our JSON Schema) refuses before we run.
  await expect(t!.invoke({ api_params: {} })).rejects.toThrow();
  expect(fake.calls.length).toBe(1);
});

test("a policy refusal comes back as error JSON with the hint, not a throw", async () => {
  const [t] = toLangChainTools<StructuredToolInterface>(assistantFor(fake.url), tool, {
    filter: { names: ["ecs_resource_management"] },
  });
  const text = await t!.invoke({ api_operation: "CreateCluster", api_params: { clusterName: "x" } });
  const r = JSON.parse(String(text));
  expect(r.status).toBe("error");
  expect(r.error.kind).toBe("policy_denied");
  expect(r.error.hint).toContain("allowWrite");
  expect(fake.calls.length).toBe(0);
});
