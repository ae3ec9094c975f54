// The self-deploy template: its task-role policies match the tool catalogue, CloudFormation (the loopback fake, through
// the real SDK) sees the parameters and refuses a create without them or without CAPABILITY_IAM, and cfn-lint passes.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { CreateStackCommand, ValidateTemplateCommand } from "@aws-sdk/client-cloudformation";
import { ALL_TOOLS, iamPolicyFor } from "../../lib/index.ts";
import { declaredPolicies, regenerated, TEMPLATE } from "../../scripts/selfDeployPolicy.ts";
import { createClients, type FakeClients } from "../../test/support/clients.ts";
import { awsError, type FakeAws, startFakeAws } from "../../test/support/fakeAws.ts";

type Template = {
  Parameters: Record<string, { Type: string; Default?: unknown; Description?: string }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};
const text = readFileSync(TEMPLATE, "utf8");
const template = Bun.YAML.parse(text) as Template;
const actions = (docs: unknown[]) =>
  new Set(docs.flatMap((d) => (d as { Statement: { Action: string[] }[] }).Statement.flatMap((s) => s.Action)));

describe("task role", () => {
  test("the generated block is current (else: bun run snapshots)", () => {
    expect(declaredPolicies(text)).toEqual(declaredPolicies(regenerated(text)));
  });
  test("read-only by default; with AllowWrite the role has exactly the deploy level's actions", () => {
    const policies = template.Resources.TaskRole!.Properties.Policies as Record<string, unknown>[];
    const always = policies.filter((p) => "PolicyName" in p).map((p) => p.PolicyDocument);
    const conditional = policies.filter((p) => "Fn::If" in p).map((p) => (p["Fn::If"] as unknown[])[1]);
    expect(actions(always)).toEqual(actions([iamPolicyFor(ALL_TOOLS, "read-only")]));
    expect([...actions(always)].some((a) => /:(Create|Delete|Update|Put)/.test(a))).toBe(false);
    const all = actions([...always, ...conditional.map((p) => (p as { PolicyDocument: unknown }).PolicyDocument)]);
    expect(all).toEqual(actions([iamPolicyFor(ALL_TOOLS, "deploy")]));
  });
});

let fake: FakeAws;
let aws: FakeClients;
beforeAll(async () => {
  fake = await startFakeAws();
  aws = createClients(fake, { maxAttempts: 1 });
});
afterAll(async () => {
  aws.destroy();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  // As CloudFormation: ValidateTemplate lists the body's parameters; CreateStack refuses missing values and IAM
  // resources without CAPABILITY_IAM (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html).
  fake.on("cloudformation", "ValidateTemplate", (input) => {
    const t = Bun.YAML.parse(input.TemplateBody ?? "") as Template;
    return {
      Description: "",
      Parameters: Object.entries(t.Parameters).map(([k, p]) => ({
        ParameterKey: k,
        ...(p.Default !== undefined ? { DefaultValue: String(p.Default) } : {}),
        NoEcho: false,
        Description: p.Description ?? "",
      })),
      Capabilities: Object.values(t.Resources).some((r) => r.Type.startsWith("AWS::IAM::")) ? ["CAPABILITY_IAM"] : [],
    };
  });
  fake.on("cloudformation", "CreateStack", (input) => {
    const t = Bun.YAML.parse(input.TemplateBody ?? "") as Template;
    const list = Array.isArray(input.Parameters) ? input.Parameters : [];
    const given = new Set(list.map((p) => p.ParameterKey));
    const missing = Object.entries(t.Parameters).filter(([k, p]) => p.Default === undefined && !given.has(k));
    if (missing.length) throw awsError("ValidationError", `Parameters: [${missing.map(([k]) => k)}] must have values`);
    if (!(input.Capabilities ?? []).includes("CAPABILITY_IAM"))
      throw awsError("InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_IAM]");
    return { StackId: "arn:aws:cloudformation:us-east-1:123456789012:stack/ecs-mcp-server/0f5c1d2e" };
  });
});

const REQUIRED = {
  Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-mcp-server:1.0.0",
  OAuthIssuers: "https://login.example.com/",
  OAuthResource: "https://mcp.example.com/mcp",
  StateKeySecretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecs-mcp-state-key-AbCdEf",
};
const params = (o: Record<string, string>) =>
  Object.entries(o).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));

describe("against CloudFormation (loopback fake, real SDK)", () => {
  test("ValidateTemplate: the OAuth settings, tasks and write switch are parameters; IAM capability needed", async () => {
    const out = await aws.cloudformation.send(new ValidateTemplateCommand({ TemplateBody: text }));
    const keys = out.Parameters?.map((p) => p.ParameterKey);
    for (const k of ["OAuthIssuers", "OAuthResource", "OAuthClockSkewSeconds", "MinTasks", "MaxTasks", "AllowWrite"])
      expect(keys).toContain(k);
    expect(out.Parameters?.find((p) => p.ParameterKey === "AllowWrite")?.DefaultValue).toBe("false");
    expect(out.Capabilities).toEqual(["CAPABILITY_IAM"]);
  });
  test("CreateStack: refused without the required parameters or CAPABILITY_IAM, accepted with them", async () => {
    const send = (p: Record<string, string>, caps: ("CAPABILITY_IAM" | "CAPABILITY_NAMED_IAM")[]) =>
      aws.cloudformation.send(
        new CreateStackCommand({
          StackName: "ecs-mcp-server",
          TemplateBody: text,
          Parameters: params(p),
          Capabilities: caps,
        }),
      );
    const { OAuthResource: _, ...partial } = REQUIRED;
    expect(send(partial, ["CAPABILITY_IAM"])).rejects.toThrow("[OAuthResource] must have values");
    expect(send(REQUIRED, [])).rejects.toThrow("CAPABILITY_IAM");
    expect((await send(REQUIRED, ["CAPABILITY_IAM"])).StackId).toContain("stack/ecs-mcp-server/");
  });
});

describe("the service", () => {
  const service = template.Resources.Service!;
  const container = service.Properties.PrimaryContainer as {
    Environment: { Name: string }[];
    Secrets: { Name: string }[];
    ContainerPort: number;
  };
  test("an Express Mode service on the image's port, health-checked on /healthz, N tasks", () => {
    expect(service.Type).toBe("AWS::ECS::ExpressGatewayService");
    expect(container.ContainerPort).toBe(8080);
    expect(service.Properties.HealthCheckPath).toBe("/healthz");
    expect(Object.keys(service.Properties.ScalingTarget as object)).toEqual(
      expect.arrayContaining(["MinTaskCount", "MaxTaskCount"]),
    );
    for (const r of ["ExecutionRoleArn", "InfrastructureRoleArn", "TaskRoleArn"])
      expect(service.Properties[r]).toBeDefined();
  });
  test("the settings reach the server as the environment variables it reads", () => {
    const names = container.Environment.map((e) => e.Name);
    const config = readFileSync(`${import.meta.dir}/../../server/config.ts`, "utf8");
    expect(names.filter((n) => n !== "AWS_REGION" && !config.includes(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(["ECS_MCP_OAUTH_ISSUERS", "ECS_MCP_OAUTH_RESOURCE", "ALLOW_WRITE"]));
    expect(container.Secrets.map((s) => s.Name)).toEqual(["ECS_MCP_STATE_KEY"]);
  });
});

/** Actions the tools declare that cfn-lint 1.51's IAM data does not know yet (newer ECS Gateway APIs); every ecs-mcp
 * action must be one it knows (UseMcp, InvokeReadOnlyTools). */
const UNKNOWN_TO_LINTER =
  /'(describegateway\w*|listgateway\w*|\w+gateway\w*cluster|(create|delete|update)gateway|continueservicedeployment)' is not one of/;
const linter = spawnSync("cfn-lint", ["--version"]).status === 0;
test.skipIf(!linter)(
  "cfn-lint: no errors; its only warnings are actions newer than its data",
  () => {
    const r = spawnSync("cfn-lint", ["--format", "parseable", TEMPLATE], { encoding: "utf8" });
    expect(r.status! & 2).toBe(0); // bit 2 = errors
    const warnings = r.stdout.split("\n").filter(Boolean);
    expect(warnings.filter((w) => !(w.includes(":W3037:") && UNKNOWN_TO_LINTER.test(w)))).toEqual([]);
  },
  120_000,
);
