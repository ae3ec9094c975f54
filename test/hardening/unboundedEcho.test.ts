// A 1 MB string in every string parameter of every tool (and of every troubleshooting action, and in ECS names inside
// api_params), sent through the in-process MCP server: success or error, no answer may echo it back (< 64 KB).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { ALL_TOOLS, type EcsAssistant, jsonSchemaOf, silentLogger } from "../../lib/index.ts";
import { ACTION_PARAMS, ACTIONS } from "../../lib/troubleshoot/schemas.ts";
import { createMcpServer } from "../../server/mcp.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { answerEverything, fakeAssistant } from "./support/world.ts";

const HUGE = "x".repeat(1_048_576);
const MAX_ANSWER = 64 * 1024;
const app = mkdtempSync(join(tmpdir(), "echo-app-"));
writeFileSync(join(app, "package.json"), '{"name":"a","scripts":{"start":"node index.js"}}');
writeFileSync(join(app, "index.js"), "require('http').createServer((q, s) => s.end('ok')).listen(8080);\n");

const ARN = "arn:aws:ecs:us-east-1:123456789012:service/web/api";
/** An input each tool accepts, so a huge value in one parameter reaches the tool's code when the schema lets it. */
const BASE: Record<string, Record<string, unknown>> = {
  containerize_app: { app_path: app, port: 8080 },
  build_and_push_image_to_ecr: { app_name: "api", app_path: app, dry_run: true },
  validate_ecs_express_mode_prerequisites: { image_uri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1" },
  wait_for_service_ready: { cluster: "web", service_name: "api", timeout_seconds: 1 },
  delete_app: { service_arn: ARN, app_name: "api", dry_run: true },
  deploy_app: { app_name: "api", app_path: app, port: 8080, dry_run: true },
  ecs_resource_management: { api_operation: "DescribeServices", api_params: { cluster: "web", services: ["api"] } },
};
/** Good values of the troubleshooting parameters; each action takes the ones its schema knows. */
const GOOD_PARAMS: Record<string, unknown> = {
  ecs_cluster_name: "web",
  ecs_service_name: "api",
  cfn_stack_name: "api-stack",
  family_prefix: "api",
};
/** ECS names and ARNs inside api_params (the walk of checkParamValues must bound them too). */
const API_CALLS: [string, Record<string, unknown>][] = [
  ["DescribeServices", { cluster: HUGE, services: ["api"] }],
  ["DescribeServices", { cluster: "web", services: [HUGE] }],
  ["ListServices", { cluster: HUGE }],
  ["DescribeClusters", { clusters: [HUGE] }],
  ["DescribeTaskDefinition", { taskDefinition: HUGE }],
  ["ListTaskDefinitions", { familyPrefix: HUGE }],
];

const stringKeys = (schema: Record<string, unknown>): string[] =>
  Object.entries((schema.properties ?? {}) as Record<string, { type?: unknown; anyOf?: { type?: unknown }[] }>)
    .filter(([, p]) => p.type === "string" || p.anyOf?.some((a) => a.type === "string"))
    .map(([k]) => k);

let fake: FakeAws;
let assistant: EcsAssistant;
let client: Client;
beforeAll(async () => {
  fake = await startFakeAws();
  answerEverything(fake);
  assistant = fakeAssistant(fake, { allowWrite: false, allowSensitiveData: false });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createMcpServer(assistant, silentLogger).connect(serverSide);
  client = new Client({ name: "echo", version: "1" });
  await client.connect(clientSide);
});
afterAll(async () => {
  await client.close();
  assistant.close();
  await fake.close();
});

/** The size of everything the client receives for one call. */
const answerSize = async (name: string, args: Record<string, unknown>): Promise<number> =>
  JSON.stringify(await client.callTool({ name, arguments: args }, undefined, { timeout: 30_000 })).length;

describe("no answer echoes a 1 MB string", () => {
  for (const tool of ALL_TOOLS)
    test(`${tool.name}: every string parameter`, async () => {
      const sizes: Record<string, number> = {};
      for (const key of stringKeys(jsonSchemaOf(tool.input)))
        sizes[key] = await answerSize(tool.name, { ...BASE[tool.name], [key]: HUGE });
      expect(Object.entries(sizes).filter(([, n]) => n >= MAX_ANSWER)).toEqual([]);
    }, 60_000);

  for (const action of ACTIONS)
    test(`ecs_troubleshooting_tool ${action}: every string parameter`, async () => {
      const schema = jsonSchemaOf(ACTION_PARAMS[action]);
      const known = Object.keys((schema.properties ?? {}) as object);
      const base = Object.fromEntries(Object.entries(GOOD_PARAMS).filter(([k]) => known.includes(k)));
      const big: [string, number][] = [];
      for (const key of stringKeys(schema)) {
        const size = await answerSize("ecs_troubleshooting_tool", { action, parameters: { ...base, [key]: HUGE } });
        if (size >= MAX_ANSWER) big.push([key, size]);
      }
      expect(big).toEqual([]);
    }, 60_000);

  test("ecs_resource_management: ECS names inside api_params", async () => {
    const big: [string, number][] = [];
    for (const [op, params] of API_CALLS) {
      const size = await answerSize("ecs_resource_management", { api_operation: op, api_params: params });
      if (size >= MAX_ANSWER) big.push([`${op} ${Object.keys(params)}`, size]);
    }
    expect(big).toEqual([]);
  }, 60_000);
});
