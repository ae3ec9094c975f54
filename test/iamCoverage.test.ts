// Every tool over the integration fakes (troubleshooting corpus, catalogue, Express pipeline, the remote MCP servers):
// each AWS call it makes is one of its declared iamActions, every tool lists an outputSchema, and each result validates
// against its output schema, and its MCP structuredContent against the schema tools/list shows.
import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, cpSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as v from "valibot";
import { IAM_PREFIX } from "../lib/aws/services.ts";
import {
  ALL_TOOLS,
  type AnyTool,
  CATALOGUE,
  type CallObserver,
  createEcsAssistant,
  type EcsAssistant,
  isRemoteToolResult,
  type Policy,
  remoteCallResult,
  toolSpecs,
} from "../lib/index.ts";
import { exampleParams } from "../lib/operations/exampleParams.ts";
import { SHAPES } from "../lib/operations/generated/shapes.ts";
import { hostedDescriptor } from "../lib/remote/hostedTools.ts";
import type { RemoteMcp } from "../lib/remote/remoteMcp.ts";
import { ACTION_PARAMS, ACTIONS } from "../lib/troubleshoot/schemas.ts";
import { installScenario, loadScenario } from "./fixtures/troubleshoot/loadScenario.ts";
import { fakeAwsOptions } from "./support/clients.ts";
import { ACCOUNT, ECR_HOST, expressAssistant, fakeStack, goodRoles } from "./support/express/fakeExpress.ts";
import type { FakeService } from "./support/fakeAws.ts";
import { startFakeMcpRemote } from "./support/fakeMcpRemote.ts";
import { HOSTED_TOOLS_FIXTURE } from "./support/fakeMcpTools.ts";
import { useFakeAws } from "./support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });
const SERVICES: FakeService[] = ["ecs", "ecr", "logs", "cloudformation", "iam", "elbv2", "ec2", "sts", "cloudwatch"];

/** IAM actions each tool was seen calling. */
const seen = new Map<string, Set<string>>();
const observe: CallObserver = (e) => {
  if (!e.tool) return;
  const set = seen.get(e.tool) ?? new Set<string>();
  set.add(`${IAM_PREFIX[e.service]}:${e.operation}`);
  seen.set(e.tool, set);
};
/** Results that did not validate against their tool's output schema. */
const invalid: string[] = [];
const checked = new Map<string, number>();

const assistant = (policy: Partial<Policy>) =>
  createEcsAssistant({ policy, aws: { ...fakeAwsOptions(fake), maxAttempts: 1 }, onAwsCall: observe });

const problems = (issues: v.BaseIssue<unknown>[]) =>
  issues.map((i) => `${v.getDotPath(i) ?? "(root)"}: ${i.message}`).join("; ");

/**
 * Calls a tool; an ok result must match the tool's output schema, and what MCP sends as structuredContent (the value,
 * or a proxied tool's passed-through structured result) the schema tools/list shows for it.
 */
const call = async (a: EcsAssistant, name: string, args: Record<string, unknown>, known?: AnyTool) => {
  const tool = known ?? ALL_TOOLS.find((t) => t.name === name);
  if (!tool) throw new Error(`no tool ${name}`);
  const r = await a.callTool(name, args);
  if (r.isErr()) return r;
  checked.set(name, (checked.get(name) ?? 0) + 1);
  const value = r.value.value;
  const parsed = v.safeParse(tool.output, value);
  if (!parsed.success) invalid.push(`${name} ${JSON.stringify(args).slice(0, 120)}: ${problems(parsed.issues)}`);
  const structured = isRemoteToolResult(value) ? remoteCallResult(value).structuredContent : value;
  const wire = v.safeParse(tool.structuredOutput ?? tool.output, structured);
  if (!wire.success) invalid.push(`${name} structuredContent: ${problems(wire.issues)}`);
  return r;
};

const SCENARIOS = readdirSync(join(import.meta.dir, "fixtures", "troubleshoot"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""))
  .sort();

describe("ecs_troubleshooting_tool: every action over every corpus scenario", () => {
  for (const name of SCENARIOS) {
    test(name, async () => {
      const s = loadScenario(name);
      fake.reset();
      installScenario(fake, s);
      const a = assistant({ allowSensitiveData: true });
      const given: Record<string, unknown> = { family_prefix: "app", ...s.params };
      for (const action of ACTIONS) {
        // Each action takes only its own parameters (strict): pass those the scenario has.
        const keys = Object.keys((ACTION_PARAMS[action] as unknown as { entries: object }).entries);
        const parameters = Object.fromEntries(Object.entries(given).filter(([k]) => keys.includes(k)));
        await call(a, "ecs_troubleshooting_tool", { action, parameters });
      }
      a.close();
    });
  }
});

test("ecs_resource_management: every operation with its example parameters, and their dry runs", async () => {
  fake.reset();
  for (const s of SERVICES) fake.on(s, "*", {});
  const a = assistant({ allowWrite: true, confirmDestructive: false });
  for (const e of CATALOGUE.filter((x) => !x.agentOnly)) {
    const api_params = e.virtual ? {} : (exampleParams(SHAPES, e.name) ?? {});
    await call(a, "ecs_resource_management", { api_operation: e.name, api_params });
    await call(a, "ecs_resource_management", { api_operation: e.name, api_params, dry_run: true });
  }
  a.close();
}, 120_000);

const app = () => {
  const dir = join(mkdtempSync(join(tmpdir(), "iam-coverage-")), "shop");
  cpSync(join(import.meta.dir, "fixtures/apps/node-http"), dir, { recursive: true });
  writeFileSync(join(dir, "Dockerfile"), 'FROM public.ecr.aws/docker/library/node:22-slim\nCMD ["node","index.js"]\n');
  return dir;
};

/** A `docker` that answers `version` (so the build reaches AWS without a container engine); anything else fails. */
const fakeDocker = () => {
  const dir = mkdtempSync(join(tmpdir(), "iam-coverage-bin-"));
  writeFileSync(
    join(dir, "docker"),
    '#!/bin/sh\n[ "$1" = version ] && { echo "Docker version 27.0.0"; exit 0; }\nexit 1\n',
  );
  chmodSync(join(dir, "docker"), 0o755);
  return { runtime: "docker" as const, env: { PATH: `${dir}:/usr/bin:/bin`, HOME: dir } };
};

test("Express Mode tools: the pipeline over a fake account, real runs and dry runs", async () => {
  fake.reset();
  for (const s of SERVICES) fake.on(s, "*", {});
  fakeStack(fake, "shop", { initial: "CREATE_COMPLETE" });
  goodRoles(fake);
  fake.on("ecr", "DescribeImages", {
    imageDetails: [{ imageDigest: `sha256:${"a".repeat(64)}`, imageTags: ["v1"] }],
  });
  // A running service, so the waits read its deployments, revisions and endpoint too.
  fake.on("ecs", "DescribeServices", {
    services: [
      {
        serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`,
        serviceName: "shop",
        status: "ACTIVE",
        desiredCount: 1,
        runningCount: 1,
        pendingCount: 0,
        deployments: [{ id: "ecs-svc/1", status: "PRIMARY", rolloutState: "COMPLETED", failedTasks: 0 }],
      },
    ],
  });
  const a = expressAssistant(
    fake,
    { allowWrite: true, confirmDestructive: false },
    { onAwsCall: observe, container: fakeDocker() },
  );
  const path = app();
  const image = `${ECR_HOST}/shop-repo:v1`;
  const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`;
  await call(a, "containerize_app", { app_path: path, port: 8080 });
  await call(a, "containerize_app", { app_path: path, port: 8080, write: true, dry_run: true });
  await call(a, "validate_ecs_express_mode_prerequisites", { image_uri: image });
  await call(a, "wait_for_service_ready", { cluster: "default", service_name: "shop", timeout_seconds: 1 });
  for (const dry_run of [true, false]) {
    await call(a, "build_and_push_image_to_ecr", { app_name: "shop", app_path: path, tag: "v1", dry_run });
    await call(a, "deploy_app", {
      app_name: "shop",
      app_path: path,
      port: 8080,
      tag: "v1",
      timeout_seconds: 1,
      dry_run,
    });
    await call(a, "delete_app", { service_arn: serviceArn, app_name: "shop", force: true, dry_run });
  }
  a.close();
}, 60_000);

test("every tool's declared examples, over a fake account that answers everything", async () => {
  fake.reset();
  for (const s of SERVICES) fake.on(s, "*", {});
  const a = assistant({ allowWrite: true, allowSensitiveData: true, confirmDestructive: false });
  for (const t of ALL_TOOLS)
    for (const example of t.examples ?? []) await call(a, t.name, example as Record<string, unknown>);
  a.close();
});

test("proxied tools: the AWS Knowledge tools and the hosted ECS tools over loopback MCP servers", async () => {
  const knowledge = await startFakeMcpRemote();
  const hosted = await startFakeMcpRemote({ tools: HOSTED_TOOLS_FIXTURE() });
  const a = createEcsAssistant({
    policy: { allowWrite: true, allowSensitiveData: true, confirmDestructive: false },
    knowledge: { url: knowledge.url },
    hosted: { url: hosted.url, retryAfterMs: 60_000 },
    aws: { region: "us-east-1", credentials: { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" } },
  });
  try {
    const url = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-overview.html";
    await call(a, "aws_knowledge_aws___search_documentation", { search_phrase: "ECS Express Mode", limit: 2 });
    await call(a, "aws_knowledge_aws___read_documentation", { url, max_length: 50 });
    await call(a, "aws_knowledge_aws___recommend", { url });
    // The descriptors the assistant builds from the hosted server's tools/list (only their schemas are used here).
    const unused = {} as RemoteMcp;
    for (const t of HOSTED_TOOLS_FIXTURE()) {
      const d = hostedDescriptor(unused, t, "hosted_");
      const args = { cluster_name: "default", service_name: "shop", desired_count: 2 };
      const wanted = Object.fromEntries(Object.entries(args).filter(([k]) => k in t.inputSchema.properties));
      expect(await invokeHosted(a, d, wanted), d.name).toBe(true);
    }
  } finally {
    a.close();
    await Promise.all([knowledge.close(), hosted.close()]);
  }
}, 60_000);

/** Waits for the assistant to list a hosted tool, then calls it through `call` (validated like every other tool). */
const invokeHosted = async (a: EcsAssistant, d: AnyTool, args: Record<string, unknown>): Promise<boolean> => {
  for (let i = 0; i < 100 && !a.listTools().some((t) => t.name === d.name); i++) await Bun.sleep(30);
  return (await call(a, d.name, args, d)).isOk();
};

describe("coverage", () => {
  test("every tool lists an outputSchema (an object schema), proxied ones included", () => {
    const specs = toolSpecs(ALL_TOOLS);
    expect(specs.length).toBe(ALL_TOOLS.length);
    for (const s of specs) expect(s.outputSchema?.type, s.name).toBe("object");
  });

  test("every AWS call a tool made is in its declared iamActions", () => {
    const undeclared: string[] = [];
    for (const [name, actions] of seen) {
      const tool = ALL_TOOLS.find((t) => t.name === name);
      const declared = new Set(
        [
          ...(tool?.iamActions.read ?? []),
          ...(tool?.iamActions.sensitive ?? []),
          ...(tool?.iamActions.write ?? []),
        ].map((x) => x.toLowerCase()),
      );
      for (const action of actions) if (!declared.has(action.toLowerCase())) undeclared.push(`${name}: ${action}`);
    }
    expect(undeclared).toEqual([]);
  });

  test("every tool that calls AWS was exercised, and every result matched the tool's output schema", () => {
    for (const t of ALL_TOOLS.filter((x) => x.iamActions.read.length > 0 && !x.proxied))
      expect(seen.get(t.name)?.size ?? 0, t.name).toBeGreaterThan(0);
    for (const t of ALL_TOOLS) expect(checked.get(t.name) ?? 0, t.name).toBeGreaterThan(0);
    for (const name of ["hosted_get_deployment_status", "hosted_update_service_desired_count"])
      expect(checked.get(name) ?? 0, name).toBeGreaterThan(0);
    expect(invalid).toEqual([]);
  });
});

afterAll(() => {
  const calls = [...seen].map(([t, s]) => `${t}: ${s.size} IAM actions`).join(", ");
  if (process.env.IAM_COVERAGE_VERBOSE) for (const [t, s] of seen) console.log(t, [...s].sort().join(" "));
  console.log(`iam coverage: ${calls}; ${[...checked.values()].reduce((a, b) => a + b, 0)} results validated`);
});
