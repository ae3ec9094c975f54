// The doctor against the loopback fake AWS endpoint, a closed port, a loopback "knowledge server" and fake runtimes.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assistantFor } from "../../../test/support/assistantFor.ts";
import { type FakeAws, startFakeAws } from "../../../test/support/fakeAws.ts";
import { defaultEndpoint, endpointTargets } from "./awsEndpoints.ts";
import { type DoctorInput, runDoctor } from "./runDoctor.ts";

let fake: FakeAws;
let knowledge: ReturnType<typeof Bun.serve>;
let closedUrl: string;
beforeAll(async () => {
  fake = await startFakeAws();
  knowledge = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("MCP endpoint", { status: 405 }) });
  // A port that was free a moment ago: connections to it are refused.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  closedUrl = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
  await new Promise<void>((r) => probe.close(() => r()));
});
afterAll(() => {
  fake.close();
  knowledge.stop(true);
});
beforeEach(() => fake.reset());

const binDir = (scripts: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), "doctor-bin-"));
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
};

const input = (over: Partial<DoctorInput> = {}): DoctorInput => ({
  assistant: assistantFor(fake.url),
  region: "us-east-1",
  regionSource: "AWS_REGION",
  endpoints: { default: fake.url },
  knowledgeUrl: `http://127.0.0.1:${knowledge.port}/mcp`,
  env: { PATH: binDir({ docker: "echo 'Server: Docker Engine 27'" }) },
  timeoutMs: 2000,
  ...over,
});

const byName = (checks: Awaited<ReturnType<typeof runDoctor>>, prefix: string) =>
  checks.find((c) => c.name.startsWith(prefix))!;

describe("doctor", () => {
  test("all good against the fake endpoint", async () => {
    fake.on("sts", "GetCallerIdentity", {
      Arn: "arn:aws:iam::123456789012:user/dev",
      Account: "123456789012",
      UserId: "AIDAFAKE",
    });
    const checks = await runDoctor(input());
    expect(checks.map((c) => c.status)).toEqual(checks.map(() => "ok"));
    expect(byName(checks, "credentials").detail).toContain("arn:aws:iam::123456789012:user/dev");
    expect(byName(checks, "endpoint").detail).toContain(fake.url);
    expect(byName(checks, "endpoint").name).toBe("endpoint 9 services");
    expect(byName(checks, "container runtime").detail).toContain("docker");
    expect(fake.calls.map((c) => `${c.service}:${c.operation}`)).toContain("sts:GetCallerIdentity");
  });

  test("an unreachable endpoint fails credentials and the endpoint check, each with a fix", async () => {
    const checks = await runDoctor(
      input({ assistant: assistantFor(closedUrl), endpoints: { default: closedUrl }, timeoutMs: 1000 }),
    );
    const endpoint = byName(checks, "endpoint");
    expect(endpoint.status).toBe("fail");
    expect(endpoint.detail).toContain(closedUrl);
    expect(endpoint.detail).toMatch(/refused|ECONNREFUSED|Unable to connect/i);
    expect(endpoint.fix).toContain("AWS_ENDPOINT_URL");
    expect(byName(checks, "credentials").status).toBe("fail");
    expect(byName(checks, "credentials").fix).toBeTruthy();
  });

  test("a per-service override is probed on its own and named by its variable", async () => {
    fake.on("sts", "GetCallerIdentity", { Arn: "arn:aws:iam::1:user/x", Account: "1" });
    const checks = await runDoctor(input({ endpoints: { default: fake.url, ecr: closedUrl }, timeoutMs: 1000 }));
    const ecr = checks.find((c) => c.name === "endpoint ecr")!;
    expect(ecr.status).toBe("fail");
    expect(ecr.detail).toContain("AWS_ENDPOINT_URL_ECR");
    expect(ecr.fix).toContain("AWS_ENDPOINT_URL_ECR");
    expect(byName(checks, "endpoint 8 services").status).toBe("ok");
  });

  test("knowledge server down and no container runtime are warnings, not failures", async () => {
    fake.on("sts", "GetCallerIdentity", { Arn: "arn:aws:iam::1:user/x", Account: "1" });
    const checks = await runDoctor(input({ knowledgeUrl: closedUrl, env: { PATH: binDir({}) } }));
    expect(byName(checks, "knowledge server")).toMatchObject({ status: "warn" });
    expect(byName(checks, "knowledge server").fix).toContain("aws_knowledge_");
    expect(byName(checks, "container runtime")).toMatchObject({ status: "warn" });
    expect(checks.some((c) => c.status === "fail")).toBe(false);
  });

  test("a runtime whose engine does not answer is reported with the fix to start it", async () => {
    fake.on("sts", "GetCallerIdentity", { Arn: "arn:aws:iam::1:user/x", Account: "1" });
    const env = { PATH: binDir({ docker: "echo 'Cannot connect to the Docker daemon' >&2; exit 1" }) };
    const runtime = byName(await runDoctor(input({ env })), "container runtime");
    expect(runtime.status).toBe("warn");
    expect(runtime.detail).toContain("Cannot connect to the Docker daemon");
    expect(runtime.fix).toContain("Docker daemon");
  });

  test("region: malformed fails, the unconfigured default warns", async () => {
    fake.on("sts", "GetCallerIdentity", { Arn: "arn:aws:iam::1:user/x", Account: "1" });
    expect(byName(await runDoctor(input({ region: "us-east1" })), "region").status).toBe("fail");
    expect(byName(await runDoctor(input({ regionSource: "default" })), "region").status).toBe("warn");
  });
});

describe("endpoints", () => {
  test("public endpoints per service, IAM global, China suffix", () => {
    expect(defaultEndpoint("ecr", "eu-west-1")).toBe("https://api.ecr.eu-west-1.amazonaws.com");
    expect(defaultEndpoint("elbv2", "us-east-2")).toBe("https://elasticloadbalancing.us-east-2.amazonaws.com");
    expect(defaultEndpoint("iam", "eu-west-1")).toBe("https://iam.amazonaws.com");
    expect(defaultEndpoint("ecs", "cn-north-1")).toBe("https://ecs.cn-north-1.amazonaws.com.cn");
    expect(defaultEndpoint("cloudwatch", "eu-west-1")).toBe("https://monitoring.eu-west-1.amazonaws.com");
  });

  test("without overrides each service has its own target", () => {
    const t = endpointTargets({}, "eu-west-1");
    expect(t.length).toBe(9);
    expect(t.every((x) => x.source === "AWS default")).toBe(true);
  });
});
