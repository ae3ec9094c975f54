// Runs the library examples as scripts (bun examples/<name>/main.ts) against the loopback fake AWS endpoint.
import { describe, expect, test } from "bun:test";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installScenario, loadScenario } from "./fixtures/troubleshoot/loadScenario.ts";
import { ACCOUNT, ECR_HOST, fakeStack, goodRoles } from "./support/express/fakeExpress.ts";
import { useFakeAws } from "./support/useFakeAws.ts";

const ROOT = join(import.meta.dir, "..");
const BUN = join(ROOT, "node_modules", ".bin", "bun");
const fake = useFakeAws();

/** Async: the fake endpoint lives in this process. */
const runExample = (name: string, args: string[] = [], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(BUN, [join(ROOT, "examples", name, "main.ts"), ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        AWS_ENDPOINT_URL: fake.url,
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: "AKIDFAKE",
        AWS_SECRET_ACCESS_KEY: "fake",
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_PROFILE: "",
        ...env,
      },
      timeout: 60_000,
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => resolve({ code, out, err }));
  });

const arn = (kind: string, path: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:${kind}/${path}`;
const writes = () => fake.calls.filter((c) => !/^(Describe|List|Get|Filter|BatchGet)/.test(c.operation));

describe("list-clusters-services", () => {
  test("follows nextToken through three pages of clusters and two of services", async () => {
    const clusters = ["a", "b", "c", "d", "e"].map((c) => arn("cluster", c));
    fake.on("ecs", "ListClusters", (input) => {
      const start = Number(input.nextToken ?? 0);
      const end = start + Number(input.maxResults ?? 100);
      return { clusterArns: clusters.slice(start, end), ...(end < clusters.length ? { nextToken: String(end) } : {}) };
    });
    fake.on("ecs", "ListServices", (input) => {
      const name = String(input.cluster).split("/").at(-1);
      if (name !== "c") return { serviceArns: [] };
      return input.nextToken
        ? { serviceArns: [arn("service", "c/web")] }
        : { serviceArns: [arn("service", "c/api")], nextToken: "s2" };
    });
    const r = await runExample("list-clusters-services", [], { PAGE_SIZE: "2" });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("c  (2 services)\n  api\n  web\n");
    expect(r.out).toContain("5 clusters");
    const listClusters = fake.calls.filter((c) => c.operation === "ListClusters");
    expect(listClusters.map((c) => c.input.nextToken)).toEqual([undefined, "2", "4"]);
  });

  test("an AWS error exits 1 with the message and hint", async () => {
    fake.fail("ecs", "ListClusters", { kind: "aws", code: "AccessDeniedException", message: "no" });
    const r = await runExample("list-clusters-services");
    expect(r.code).toBe(1);
    expect(r.err).toContain("ListClusters");
  });
});

describe("diagnose-service", () => {
  test("prints the summary and the top finding of the oom-killed fixture", async () => {
    const s = loadScenario("oom-killed");
    installScenario(fake, s);
    const { ecs_cluster_name, ecs_service_name } = s.params as Record<string, string>;
    const r = await runExample("diagnose-service", [ecs_cluster_name!, ecs_service_name!]);
    expect(r.code).toBe(0);
    const first = r.out.split("\n").find((l) => l.startsWith("["));
    expect(first).toContain("(oom_killed)");
    expect(r.out).toContain("  fix: ");
    expect(r.out).toContain("  evidence (");
    expect(writes()).toEqual([]);
  });

  test("usage error without arguments", async () => {
    expect((await runExample("diagnose-service")).code).toBe(2);
  });
});

describe("read-only-production", () => {
  test("reads work, the write is refused before AWS, secrets are redacted", async () => {
    fake.on("ecs", "ListClusters", { clusterArns: [arn("cluster", "prod")] });
    fake.on("ecs", "DescribeTaskDefinition", {
      taskDefinition: {
        family: "web",
        revision: 1,
        containerDefinitions: [{ name: "web", environment: [{ name: "DB_PASSWORD", value: "hunter2" }] }],
      },
    });
    const r = await runExample("read-only-production");
    expect(r.code).toBe(0);
    expect(r.out).toContain("policy: allowWrite=false allowSensitiveData=false");
    expect(r.out).toContain("read ok: 1 clusters");
    expect(r.out).toMatch(/write refused: policy_denied \(write gate\)/);
    expect(r.out).toMatch(/task definition read, [1-9]\d* sensitive values redacted/);
    expect(r.out).not.toContain("hunter2");
    expect(r.out).toContain("read-only tools for an agent: ");
    expect(r.out).not.toMatch(/agent: .*deploy_app/);
    expect(writes()).toEqual([]);
  });
});

describe("deploy-pipeline", () => {
  const app = () => {
    const dir = join(mkdtempSync(join(tmpdir(), "example-deploy-")), "shop");
    cpSync(join(ROOT, "test", "fixtures", "apps", "node-http"), dir, { recursive: true });
    return dir;
  };

  test("--dry-run prints the plan and writes nothing", async () => {
    fakeStack(fake, "shop", {});
    goodRoles(fake);
    const r = await runExample("deploy-pipeline", [app(), "shop", "8080", "--dry-run"]);
    expect(r.err).not.toContain("error");
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out);
    expect(plan.dry_run).toBe(true);
    expect(plan.steps.map((s: { step: string }) => s.step)).toContain("service");
    expect(writes()).toEqual([]);
  });

  test("a resumed deployment reports progress for every step and prints the URL", async () => {
    const dir = app();
    writeFileSync(join(dir, "Dockerfile"), 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "index.js"]\n');
    fakeStack(fake, "shop", { initial: "CREATE_COMPLETE" });
    goodRoles(fake);
    fake.on("ecr", "DescribeImages", { imageDetails: [{ imageDigest: `sha256:${"e".repeat(64)}` }] });
    fake.on("ecs", "DescribeClusters", { clusters: [{ clusterName: "default", status: "ACTIVE" }] });
    const serviceArn = arn("service", "default/shop");
    fake.on("ecs", "DescribeServices", {
      services: [
        {
          serviceArn,
          serviceName: "shop",
          status: "ACTIVE",
          desiredCount: 1,
          runningCount: 1,
          deployments: [{ status: "PRIMARY", rolloutState: "COMPLETED" }],
        },
      ],
    });
    fake.on("ecs", "DescribeExpressGatewayService", {
      service: {
        serviceArn,
        activeConfigurations: [
          {
            primaryContainer: { image: `${ECR_HOST}/shop-repo:v1` },
            ingressPaths: [{ accessType: "PUBLIC", endpoint: "shop.ecs.us-east-1.on.aws" }],
          },
        ],
      },
    });
    const r = await runExample("deploy-pipeline", [dir, "shop", "8080", "--tag", "v1"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("[0/6] Checking the Dockerfile");
    expect(r.err).toContain("[1/6] Building and pushing the image");
    expect(r.out).toContain("build_and_push: skipped");
    expect(r.out).toContain("deployed: https://shop.ecs.us-east-1.on.aws");
    expect(writes()).toEqual([]);
  }, 60_000);
});
