// deploy_app's first run over the fake AWS endpoint: no cluster, no service → CreateCluster and
// CreateExpressGatewayService with the requested settings → wait → the public URL; then a re-run updates the image.
// biome-ignore-all lint/suspicious/noExplicitAny: tool results are read as loose JSON in assertions.
import { expect, test } from "bun:test";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Progress } from "../../lib/index.ts";
import { ACCOUNT, ECR_HOST, expressAssistant, fakeStack, goodRoles } from "../support/express/fakeExpress.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();

const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/web/shop`;

/** An AWS account with the ECR stack and the image, but no cluster and no service until deploy_app creates them. */
const world = () => {
  const state = { cluster: false, service: false, image: "", polls: 0, deploys: 1, config: {} as Record<string, any> };
  fakeStack(fake, "shop", { initial: "CREATE_COMPLETE" });
  goodRoles(fake);
  fake.on("ecr", "DescribeImages", {
    imageDetails: [{ imageDigest: `sha256:${"a".repeat(64)}`, imageTags: ["v1", "v2"] }],
  });
  fake.on("ecs", "DescribeClusters", () =>
    state.cluster
      ? { clusters: [{ clusterName: "web", status: "ACTIVE" }] }
      : { clusters: [], failures: [{ arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/web`, reason: "MISSING" }] },
  );
  fake.on("ecs", "CreateCluster", (i) => {
    state.cluster = true;
    return { cluster: { clusterName: i.clusterName, status: "ACTIVE" } };
  });
  fake.on("ecs", "DescribeServices", () => {
    if (!state.service) return { services: [], failures: [{ arn: serviceArn, reason: "MISSING" }] };
    state.polls++;
    const ready = state.polls >= 2;
    return {
      services: [
        {
          serviceArn,
          serviceName: "shop",
          status: "ACTIVE",
          desiredCount: 2,
          runningCount: ready ? 2 : 0,
          pendingCount: ready ? 0 : 2,
          deployments: [
            {
              id: `ecs-svc/${state.deploys}`,
              status: "PRIMARY",
              rolloutState: ready ? "COMPLETED" : "IN_PROGRESS",
              failedTasks: 0,
            },
          ],
        },
      ],
    };
  });
  fake.on("ecs", "CreateExpressGatewayService", (i) => {
    state.service = true;
    state.image = i.primaryContainer?.image ?? "";
    state.config = i;
    return { service: { serviceArn, serviceName: i.serviceName, cluster: i.cluster } };
  });
  fake.on("ecs", "UpdateExpressGatewayService", (i) => {
    state.image = i.primaryContainer?.image ?? "";
    state.config = { ...state.config, ...i };
    state.polls = 0;
    state.deploys += 1;
    return { service: { serviceArn } };
  });
  fake.on("ecs", "DescribeExpressGatewayService", () => ({
    service: {
      serviceArn,
      activeConfigurations: [
        {
          ...state.config,
          primaryContainer: { ...state.config.primaryContainer, image: state.image },
          ingressPaths: [{ accessType: "PUBLIC", endpoint: "shop-ab12.ecs.us-east-1.on.aws" }],
        },
      ],
    },
  }));
  return state;
};

const app = () => {
  const dir = join(mkdtempSync(join(tmpdir(), "deploy-create-")), "shop");
  cpSync(join(import.meta.dir, "../fixtures/apps/node-http"), dir, { recursive: true });
  writeFileSync(join(dir, "Dockerfile"), 'FROM public.ecr.aws/docker/library/node:20-slim\nCMD ["node","index.js"]\n');
  return dir;
};

test("first run creates the cluster and the Express service with the asked settings, waits, returns the URL", async () => {
  const state = world();
  const progress: Progress[] = [];
  const a = expressAssistant(fake, { allowWrite: true });
  const r = (
    await a.deployApp(
      {
        app_name: "shop",
        app_path: app(),
        port: 8080,
        tag: "v1",
        cluster: "web",
        cpu: "512",
        memory: "1024",
        min_task_count: 2,
        max_task_count: 4,
        health_check_path: "/healthz",
        environment: { NODE_ENV: "production" },
      },
      { onProgress: (p) => progress.push(p) },
    )
  )._unsafeUnwrap() as Record<string, any>;
  expect(r).toMatchObject({
    status: "success",
    url: "https://shop-ab12.ecs.us-east-1.on.aws",
    full_image_uri: `${ECR_HOST}/shop-repo:v1`,
  });
  expect(r.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
    "containerize:skipped",
    "build_and_push:skipped",
    "prerequisites:done",
    "cluster:done",
    "service:done",
    "wait:done",
  ]);
  const create = fake.calls.find((c) => c.operation === "CreateExpressGatewayService")!.input;
  expect(create).toMatchObject({
    serviceName: "shop",
    cluster: "web",
    cpu: "512",
    memory: "1024",
    healthCheckPath: "/healthz",
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    infrastructureRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForExpressServices`,
    primaryContainer: {
      image: `${ECR_HOST}/shop-repo:v1`,
      containerPort: 8080,
      environment: [{ name: "NODE_ENV", value: "production" }],
    },
    scalingTarget: { minTaskCount: 2, maxTaskCount: 4 },
  });
  expect(fake.calls.filter((c) => c.operation === "CreateCluster")).toHaveLength(1);
  expect(state.polls).toBeGreaterThanOrEqual(2);
  expect(progress.length).toBeGreaterThan(3);

  // A re-run with a new tag updates the running service instead of creating another one.
  fake.clearCalls();
  const again = (
    await a.deployApp({ app_name: "shop", app_path: app(), port: 8080, tag: "v2", cluster: "web" })
  )._unsafeUnwrap() as Record<string, any>;
  expect(again.status).toBe("success");
  expect(fake.calls.map((c) => c.operation)).toContain("UpdateExpressGatewayService");
  expect(fake.calls.map((c) => c.operation)).not.toContain("CreateExpressGatewayService");
  expect(state.image).toBe(`${ECR_HOST}/shop-repo:v2`);
});

test("a deployment that never becomes ready fails at the wait step with the troubleshooting diagnosis", async () => {
  const state = world();
  state.cluster = true;
  fake.on("ecs", "DescribeServices", () =>
    state.service
      ? {
          services: [
            {
              serviceArn,
              serviceName: "shop",
              clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/web`,
              status: "ACTIVE",
              desiredCount: 1,
              runningCount: 0,
              pendingCount: 0,
              taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/shop:1`,
              deployments: [
                {
                  id: "d1",
                  status: "PRIMARY",
                  rolloutState: "FAILED",
                  rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.",
                  failedTasks: 3,
                },
              ],
              events: [
                {
                  id: "e1",
                  createdAt: new Date(),
                  message: "(service shop) deployment d1 deployment failed: tasks failed to start.",
                },
              ],
            },
          ],
        }
      : { services: [], failures: [{ arn: serviceArn, reason: "MISSING" }] },
  );
  fake.on("ecs", "ListTasks", (i) =>
    i.desiredStatus === "STOPPED" ? { taskArns: [`arn:aws:ecs:us-east-1:${ACCOUNT}:task/web/abc`] } : { taskArns: [] },
  );
  fake.on("ecs", "DescribeTasks", {
    tasks: [
      {
        taskArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/web/abc`,
        lastStatus: "STOPPED",
        stopCode: "TaskFailedToStart",
        stoppedAt: new Date(),
        stoppedReason:
          "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref",
        containers: [{ name: "shop", lastStatus: "STOPPED", reason: "CannotPullContainerError: not found" }],
      },
    ],
  });
  const a = expressAssistant(fake, { allowWrite: true });
  const r = (
    await a.deployApp({ app_name: "shop", app_path: app(), port: 8080, tag: "v1", cluster: "web", timeout_seconds: 5 })
  )._unsafeUnwrap() as Record<string, any>;
  expect(r).toMatchObject({ status: "failed", failed_step: "wait" });
  expect(r.diagnosis.troubleshooting.findings.length).toBeGreaterThan(0);
  expect(JSON.stringify(r.diagnosis.troubleshooting)).toMatch(/pull|image/i);
});

test("an arm64 build platform creates the Express service with cpuArchitecture ARM64 (else tasks cannot exec the image)", async () => {
  world();
  const a = expressAssistant(fake, { allowWrite: true }, { container: { platform: "linux/arm64" } });
  const r = (
    await a.deployApp({ app_name: "shop", app_path: app(), port: 8080, tag: "v1", cluster: "web" })
  )._unsafeUnwrap() as Record<string, any>;
  expect(r.status).toBe("success");
  const create = fake.calls.find((c) => c.operation === "CreateExpressGatewayService")!.input;
  expect(create.cpuArchitecture).toBe("ARM64");
});

test("a re-run with the same image but new settings updates the service instead of skipping it", async () => {
  const state = world();
  const a = expressAssistant(fake, { allowWrite: true });
  const dir = app();
  const base = { app_name: "shop", app_path: dir, port: 8080, tag: "v1", cluster: "web" };
  (await a.deployApp({ ...base, environment: { MODE: "a" } }))._unsafeUnwrap();
  expect(state.image).toBe(`${ECR_HOST}/shop-repo:v1`);
  fake.clearCalls();
  const same = (await a.deployApp({ ...base }))._unsafeUnwrap() as Record<string, any>;
  expect(same.steps.find((s: { step: string }) => s.step === "service").status).toBe("skipped");
  fake.clearCalls();
  const r = (await a.deployApp({ ...base, environment: { MODE: "b" }, memory: "2048" }))._unsafeUnwrap() as Record<
    string,
    any
  >;
  expect(r.status).toBe("success");
  const update = fake.calls.find((c) => c.operation === "UpdateExpressGatewayService")?.input;
  expect(update).toMatchObject({ memory: "2048", primaryContainer: { environment: [{ name: "MODE", value: "b" }] } });
});
