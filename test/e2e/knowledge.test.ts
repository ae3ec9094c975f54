// End to end through the compiled binary: docs proxy offline and against the loopback remote, hosted bridge, prompts,
// resources — for a 2025-11-25 and a 2026-07-28 client, each over stdio and HTTP (start-up timing: one cell).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { fakeAwsEnv, serverBinary } from "../support/binary.ts";
import { connectE2E, E2E_MATRIX, type E2EClient, type E2ECombo } from "../support/e2eClient.ts";
import { type FakeMcpRemote, startFakeMcpRemote } from "../support/fakeMcpRemote.ts";
import { HOSTED_TOOLS_FIXTURE } from "../support/fakeMcpTools.ts";

const SEARCH = "aws_knowledge_aws___search_documentation";
let bin: string;
let docs: FakeMcpRemote;
let hosted: FakeMcpRemote;
const clients: E2EClient[] = [];

beforeAll(async () => {
  bin = serverBinary("linux-x64");
  docs = await startFakeMcpRemote();
  hosted = await startFakeMcpRemote({
    tools: HOSTED_TOOLS_FIXTURE(),
    sigv4: { accessKeyId: "AKIDFAKE", secretAccessKey: "fake", region: "us-east-1", service: "ecs-mcp" },
  });
}, 180_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await docs.close();
  await hosted.close();
});

/** Starts the binary for `combo`; resolves once connected and tools/list answered, with the time that took. */
const start = async (combo: E2ECombo, args: string[], env: Record<string, string> = {}) => {
  const t0 = performance.now();
  const client = await connectE2E(combo, bin, fakeAwsEnv("http://127.0.0.1:1", env), args);
  clients.push(client);
  const { tools } = await client.listTools();
  return { client, tools, ms: performance.now() - t0, changed: client.changed };
};
/** Cold start is measured in one cell (the 2025 client over stdio, as before): it does not depend on the era. */
const TIMING = E2E_MATRIX[0] as E2ECombo;
const text = (r: CallToolResult) => (r.content[0] as { text: string }).text;

describe("docs proxy through the binary, start-up", () => {
  test("offline: starts as fast as without the proxy, lists the three tools, answers unavailable quickly", async () => {
    const without: number[] = [];
    const offline: number[] = [];
    for (let i = 0; i < 3; i++) {
      without.push((await start(TIMING, ["--no-knowledge"])).ms);
      const s = await start(TIMING, ["--knowledge-url", "http://127.0.0.1:1/mcp"]);
      offline.push(s.ms);
      if (i === 0) {
        expect(s.tools.filter((t) => t.name.startsWith("aws_knowledge_")).map((t) => t.name)).toEqual([
          SEARCH,
          "aws_knowledge_aws___read_documentation",
          "aws_knowledge_aws___recommend",
        ]);
        const t0 = performance.now();
        const r = (await s.client.callTool({ name: SEARCH, arguments: { search_phrase: "x" } })) as CallToolResult;
        const callMs = performance.now() - t0;
        expect(r.isError).toBe(true);
        expect(r.structuredContent).toMatchObject({
          error: { kind: "unavailable", service: "AWS Knowledge MCP server" },
        });
        expect(text(r)).toContain("Hint:");
        expect(callMs).toBeLessThan(2_000);
        console.error(`offline knowledge call answered in ${callMs.toFixed(0)} ms`);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    console.error(
      `start-up to tools/list: without proxy ${median(without).toFixed(0)} ms, offline proxy ${median(offline).toFixed(0)} ms`,
    );
    expect(median(offline)).toBeLessThan(median(without) + 250);
  }, 60_000);
});

describe.each(E2E_MATRIX)("docs proxy through the binary, $name", (combo) => {
  test("--no-knowledge hides the tools", async () => {
    const s = await start(combo, ["--no-knowledge"]);
    expect(s.tools.some((t) => t.name.startsWith("aws_knowledge_"))).toBe(false);
  }, 30_000);

  test("with the loopback remote: search round-trips, content passes through, the list changes to the remote schema", async () => {
    docs.received.length = 0;
    const s = await start(combo, [], { ECS_KNOWLEDGE_URL: docs.url });
    expect(docs.received).toEqual([]); // nothing contacted at start-up
    const r = (await s.client.callTool({
      name: SEARCH,
      arguments: { search_phrase: "ECS Express Mode", limit: 2 },
    })) as CallToolResult;
    expect(r.isError).toBeFalsy();
    expect(JSON.parse(text(r)).results).toHaveLength(2); // the remote's own text block, not a re-serialised object
    expect(r.structuredContent).toMatchObject({ results: [{ title: "Result 1 for ECS Express Mode" }, {}] });
    // 2025: notifications/tools/list_changed; 2026: the subscriptions/listen stream, then the client's re-list.
    for (let i = 0; i < 60 && s.changed.length === 0; i++) await Bun.sleep(50);
    await Bun.sleep(200);
    expect(s.changed.length).toBe(1);
    const { tools } = await s.client.listTools();
    const search = tools.find((t) => t.name === SEARCH);
    expect(search?.description).toStartWith("Search AWS documentation (remote fixture).");
    expect(search?.description).toContain("## ECS DOCUMENTATION GUIDANCE:");
    // Every tool lists an outputSchema; after listTools the client validates each result's structuredContent with it.
    for (const t of tools) expect(t.outputSchema?.type, t.name).toBe("object");
    const page = (await s.client.callTool({
      name: "aws_knowledge_aws___read_documentation",
      arguments: { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express.html", max_length: 6 },
    })) as CallToolResult;
    expect(text(page)).toBe("# Page");
    expect(page.structuredContent).toEqual({ text: "# Page" }); // the remote sent text only
  }, 30_000);

  test("--hosted-url: signed requests accepted, hosted tools appear with list_changed and run", async () => {
    const s = await start(combo, ["--hosted-url", hosted.url]);
    // The bridge connects at start-up. A client whose first tools/list already has the hosted tools arrived after that
    // change, so there was nothing to notify it of (over HTTP the client connects only once the server listens, which
    // can be after the bridge is up); a client that listed before must hear list_changed.
    const first = await s.client.listTools();
    if (!first.tools.some((t) => t.name === "hosted_get_deployment_status")) {
      for (let i = 0; i < 100 && s.changed.length === 0; i++) await Bun.sleep(50);
      expect(s.changed.length).toBeGreaterThan(0);
    }
    const { tools } = await s.client.listTools();
    expect(tools.map((t) => t.name)).toContain("hosted_get_deployment_status");
    const r = (await s.client.callTool({
      name: "hosted_get_deployment_status",
      arguments: { cluster_name: "default", service_name: "web" },
    })) as CallToolResult;
    expect(JSON.parse(text(r))).toMatchObject({ rollout_state: "COMPLETED" });
    expect(tools.find((t) => t.name === "hosted_get_deployment_status")?.outputSchema?.type).toBe("object");
    expect(r.structuredContent).toEqual({ text: text(r) });
    expect(hosted.signatures.verified).toBeGreaterThan(0);
    expect(hosted.signatures.rejected).toBe(0);
  }, 30_000);
});

describe.each(E2E_MATRIX)("prompts and resources through the binary, $name", (combo) => {
  test("prompts/list has sane names with optional arguments; prompts/get renders guidance with the arguments", async () => {
    const { client } = await start(combo, []);
    const { prompts } = await client.listPrompts();
    const names = prompts.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "containerize_app",
        "containerize_and_deploy",
        "troubleshoot_ecs_deployment",
        "ecs_new_features",
      ]),
    );
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const p of prompts as { arguments?: { required?: boolean }[] }[])
      for (const a of p.arguments ?? []) expect(a.required).toBe(false);
    const got = await client.getPrompt({
      name: "containerize_and_deploy",
      arguments: { app_path: "/work/apps/shop", port: "3000", app_name: "shop" },
    });
    const body = (got.messages[0]!.content as { text: string }).text;
    expect(body).toContain('containerize_app(app_path="/work/apps/shop", port=3000)');
    const order = [
      "containerize_app(",
      "build_and_push_image_to_ecr(",
      "validate_ecs_express_mode_prerequisites(",
      "CreateExpressGatewayService",
      "wait_for_service_ready(",
      "DescribeExpressGatewayService",
    ];
    const at = order.map((s) => body.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at); // the tools come in workflow order
    const dx = await client.getPrompt({
      name: "troubleshoot_ecs_deployment",
      arguments: { cluster: "prod", service: "api" },
    });
    expect((dx.messages[0]!.content as { text: string }).text).toContain('action="diagnose"');
    await expect(client.getPrompt({ name: "stack .* is broken" })).rejects.toThrow(/Unknown prompt/);
  }, 30_000);

  test("resources/list and resources/read: guide, catalogue with access classes, IAM policies per level", async () => {
    const { client } = await start(combo, []);
    const { resources } = await client.listResources();
    expect(resources.map((r: { uri: string }) => r.uri)).toEqual([
      "ecs-assistant://guides/express-mode-workflow",
      "ecs-assistant://catalogue/ecs_resource_management",
      "ecs-assistant://iam/read-only.json",
      "ecs-assistant://iam/troubleshooting-sensitive.json",
      "ecs-assistant://iam/deploy.json",
    ]);
    const read = async (uri: string) => ((await client.readResource({ uri })).contents[0] as { text: string }).text;
    expect(await read("ecs-assistant://guides/express-mode-workflow")).toContain("CreateExpressGatewayService");
    const cat = JSON.parse(await read("ecs-assistant://catalogue/ecs_resource_management"));
    expect(cat.operations.find((o: { name: string }) => o.name === "ListClusters")).toMatchObject({ access: "read" });
    expect(cat.operations.find((o: { name: string }) => o.name === "DeleteCluster")).toMatchObject({
      access: "destructive",
    });
    const actions = (doc: { Statement: { Action: string[] }[] }) => doc.Statement.flatMap((s) => s.Action);
    const ro = actions(JSON.parse(await read("ecs-assistant://iam/read-only.json")));
    const sens = actions(JSON.parse(await read("ecs-assistant://iam/troubleshooting-sensitive.json")));
    const deploy = actions(JSON.parse(await read("ecs-assistant://iam/deploy.json")));
    expect(ro).toContain("ecs:ListClusters");
    expect(ro).not.toContain("ecs:DeleteCluster");
    expect(ro).not.toContain("logs:GetLogEvents");
    expect(sens).toContain("logs:GetLogEvents");
    expect(sens).not.toContain("ecr:PutImage");
    expect(deploy).toEqual(expect.arrayContaining(["ecs:CreateExpressGatewayService", "ecr:PutImage", "iam:PassRole"]));
    await expect(client.readResource({ uri: "ecs-assistant://nope" })).rejects.toThrow(/Unknown resource/);
  }, 30_000);
});
