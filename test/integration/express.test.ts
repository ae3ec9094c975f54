// Express Mode tools over the real SDK against the loopback fake AWS endpoint: every branch without a container runtime.
// biome-ignore-all lint/suspicious/noExplicitAny: tool results are read as loose JSON in assertions.
import { describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureEcrStack } from "../../lib/expressmode/stack/ensureEcrStack.ts";
import { silentLogger } from "../../lib/index.ts";
import type { Progress, ToolContext } from "../../lib/tool.ts";
import { ACCOUNT, ECR_HOST, expressAssistant, fakeStack, goodRoles, role } from "../support/express/fakeExpress.ts";
import { awsError } from "../support/fakeAws.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();

const FIXTURES = join(import.meta.dir, "../fixtures/apps");
const copyApp = (app: string) => {
  const dir = join(mkdtempSync(join(tmpdir(), "express-it-")), app);
  cpSync(join(FIXTURES, app), dir, { recursive: true });
  return dir;
};
const ctxOf = (progress: Progress[] = []): ToolContext => {
  const a = expressAssistant(fake, { allowWrite: true });
  return {
    aws: a.aws,
    policy: a.policy,
    log: silentLogger,
    progress: (p) => progress.push(p),
    express: { polling: { stackIntervalMs: 2, stackMaxIntervalMs: 5, stackTimeoutMs: 5000 } },
  };
};
const writes = () => fake.calls.filter((c) => !/^(Describe|List|Get)/.test(c.operation));

describe("ECR stack", () => {
  test("create: CreateStack with the template, named IAM capability, AppName; waits; outputs", async () => {
    fakeStack(fake, "shop", {});
    const progress: Progress[] = [];
    const s = (await ensureEcrStack(ctxOf(progress), "shop"))._unsafeUnwrap();
    expect(s).toMatchObject({
      operation: "create",
      status: "CREATE_COMPLETE",
      repository_uri: `${ECR_HOST}/shop-repo`,
      role_name: "shop-ecr-role",
    });
    const create = fake.calls.find((c) => c.operation === "CreateStack")!;
    expect(create.input.StackName).toBe("shop-ecr-infrastructure");
    expect(create.input.Capabilities).toEqual(["CAPABILITY_NAMED_IAM"]);
    expect(create.input.Parameters).toEqual([{ ParameterKey: "AppName", ParameterValue: "shop" }]);
    const template = JSON.parse(create.input.TemplateBody);
    expect(template.Resources.ECRRepository.Properties.ImageTagMutability).toBe("IMMUTABLE");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder, not JS
    expect(template.Resources.ECRPushPullRole.Properties.RoleName).toEqual({ "Fn::Sub": "${AppName}-ecr-role" });
    expect(progress.some((p) => p.message.includes("CREATE_IN_PROGRESS"))).toBe(true);
  });

  test("update: UpdateStack waits for UPDATE_COMPLETE; 'No updates are to be performed' is fine", async () => {
    fakeStack(fake, "shop", { initial: "CREATE_COMPLETE" });
    expect((await ensureEcrStack(ctxOf(), "shop"))._unsafeUnwrap()).toMatchObject({
      operation: "update",
      status: "UPDATE_COMPLETE",
    });
    fake.reset();
    fakeStack(fake, "shop", { initial: "UPDATE_COMPLETE", noUpdates: true });
    expect((await ensureEcrStack(ctxOf(), "shop"))._unsafeUnwrap()).toMatchObject({ operation: "no_update_required" });
  });

  test("rollback: the error names the failed resources and reasons from the stack events", async () => {
    fakeStack(fake, "shop", {
      create: ["CREATE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE"],
      failedEvents: [
        {
          LogicalResourceId: "ECRPushPullRole",
          ResourceType: "AWS::IAM::Role",
          ResourceStatus: "CREATE_FAILED",
          ResourceStatusReason: "shop-ecr-role already exists",
        },
      ],
    });
    const e = (await ensureEcrStack(ctxOf(), "shop"))._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "aws", service: "cloudformation", code: "ROLLBACK_COMPLETE" });
    expect(e.message).toContain("ECRPushPullRole (AWS::IAM::Role) CREATE_FAILED: shop-ecr-role already exists");
  });

  test("a stack left in ROLLBACK_COMPLETE is deleted and created again", async () => {
    fakeStack(fake, "shop", { initial: "ROLLBACK_COMPLETE" });
    expect((await ensureEcrStack(ctxOf(), "shop"))._unsafeUnwrap()).toMatchObject({
      operation: "recreate",
      status: "CREATE_COMPLETE",
    });
    expect(writes().map((c) => c.operation)).toEqual(["DeleteStack", "CreateStack"]);
  });

  test("cancellation stops the wait", async () => {
    fakeStack(fake, "shop", { create: ["CREATE_IN_PROGRESS"] });
    const ac = new AbortController();
    const ctx = {
      ...ctxOf(),
      signal: ac.signal,
      express: { polling: { stackIntervalMs: 50, stackMaxIntervalMs: 50 } },
    };
    setTimeout(() => ac.abort(), 120);
    expect((await ensureEcrStack(ctx, "shop"))._unsafeUnwrapErr().kind).toBe("cancelled");
  });
});

describe("build_and_push_image_to_ecr (checks before any build)", () => {
  test("invalid app_name fails validation with the reference message before any AWS call", async () => {
    const e = (
      await expressAssistant(fake, { allowWrite: true }).buildAndPushImageToEcr({
        app_name: "My_App",
        app_path: "/tmp",
      })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "validation", issues: [{ path: "app_name" }] });
    expect(e.message).toContain("contains invalid characters");
    expect(fake.calls).toHaveLength(0);
  });

  test("writes disabled → policy_denied; dry run works without writes and calls nothing that writes", async () => {
    const dir = copyApp("node-http");
    const denied = (
      await expressAssistant(fake).buildAndPushImageToEcr({ app_name: "shop", app_path: dir })
    )._unsafeUnwrapErr();
    expect(denied).toMatchObject({ kind: "policy_denied", gate: "write" });
    cpSync(join(dir, "index.js"), join(dir, "Dockerfile")); // any Dockerfile
    const plan = (
      await expressAssistant(fake).buildAndPushImageToEcr({ app_name: "shop", app_path: dir, tag: "v1", dry_run: true })
    )._unsafeUnwrap();
    expect(plan).toMatchObject({
      dry_run: true,
      stack_name: "shop-ecr-infrastructure",
      role_name: "shop-ecr-role",
      image_tag: "v1",
    });
    expect(JSON.stringify(plan)).toContain("--password-stdin");
    expect(JSON.stringify(plan)).toContain("[REDACTED ECR PASSWORD]");
    expect(
      (plan as unknown as { cloudformation_template: { Resources: object } }).cloudformation_template.Resources,
    ).toHaveProperty("ECRRepository");
    expect(writes()).toHaveLength(0);
  });

  test("a folder without Dockerfile, a relative path, a sensitive path: clear errors, no AWS calls", async () => {
    const a = expressAssistant(fake, { allowWrite: true });
    expect(
      (await a.buildAndPushImageToEcr({ app_name: "shop", app_path: copyApp("node-http") }))._unsafeUnwrapErr(),
    ).toMatchObject({ kind: "not_found" });
    expect((await a.buildAndPushImageToEcr({ app_name: "shop", app_path: "apps/x" }))._unsafeUnwrapErr()).toMatchObject(
      { kind: "validation" },
    );
    expect((await a.buildAndPushImageToEcr({ app_name: "shop", app_path: "/etc" }))._unsafeUnwrapErr()).toMatchObject({
      kind: "policy_denied",
      gate: "path",
    });
    expect(fake.calls).toHaveLength(0);
  });
});

describe("validate_ecs_express_mode_prerequisites", () => {
  const image = `${ECR_HOST}/shop-repo:1700000000`;
  const imageFound = () =>
    fake.on("ecr", "DescribeImages", {
      imageDetails: [
        {
          repositoryName: "shop-repo",
          imageDigest: `sha256:${"c".repeat(64)}`,
          imageTags: ["1700000000"],
          imagePushedAt: new Date(),
        },
      ],
    });

  test("valid: default roles from the caller's account, managed policies attached, image found", async () => {
    goodRoles(fake);
    imageFound();
    const r = (
      await expressAssistant(fake).validateEcsExpressModePrerequisites({ image_uri: image })
    )._unsafeUnwrap() as Record<string, any>;
    expect(r).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(r.details.execution_role).toMatchObject({
      status: "valid",
      name: "ecsTaskExecutionRole",
      arn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    });
    expect(r.details.image).toMatchObject({ status: "exists", repository: "shop-repo", tag: "1700000000" });
    expect(fake.calls.find((c) => c.operation === "DescribeImages")!.input).toMatchObject({
      registryId: ACCOUNT,
      repositoryName: "shop-repo",
      imageIds: [{ imageTag: "1700000000" }],
    });
  });

  test("missing role, wrong trust, missing managed policy, missing image: errors with fixes, warnings", async () => {
    goodRoles(fake);
    fake.on("iam", "GetRole", (i) => {
      if (i.RoleName === "exec") throw awsError("NoSuchEntity", "The role with name exec cannot be found.", 404);
      return role(i.RoleName, "ecs-tasks.amazonaws.com"); // infra role trusts the wrong principal
    });
    fake.on("iam", "ListAttachedRolePolicies", { AttachedPolicies: [] });
    fake.fail("ecr", "DescribeImages", { kind: "aws", code: "ImageNotFoundException" });
    const r = (
      await expressAssistant(fake).validateEcsExpressModePrerequisites({
        image_uri: image,
        execution_role_arn: `arn:aws:iam::${ACCOUNT}:role/exec`,
        infrastructure_role_arn: `arn:aws:iam::${ACCOUNT}:role/infra`,
      })
    )._unsafeUnwrap() as Record<string, any>;
    expect(r.valid).toBe(false);
    expect(r.details.execution_role.status).toBe("not_found");
    expect(r.details.infrastructure_role.status).toBe("invalid_trust_policy");
    expect(r.details.image.status).toBe("image_not_found");
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toContain("aws iam create-role --role-name exec");
    expect(r.errors[1]).toContain("does not allow ecs.amazonaws.com");
    expect(fake.calls.some((c) => c.operation === "GetCallerIdentity")).toBe(false); // both roles given
    fake.clearFaults();
    fake.on("iam", "GetRole", (i) =>
      role(i.RoleName, i.RoleName === "exec" ? "ecs-tasks.amazonaws.com" : "ecs.amazonaws.com"),
    );
    imageFound();
    const w = (
      await expressAssistant(fake).validateEcsExpressModePrerequisites({
        image_uri: image,
        execution_role_arn: `arn:aws:iam::${ACCOUNT}:role/exec`,
        infrastructure_role_arn: `arn:aws:iam::${ACCOUNT}:role/infra`,
      })
    )._unsafeUnwrap() as Record<string, any>;
    expect(w.valid).toBe(true);
    expect(w.warnings.join(" ")).toContain("AmazonECSInfrastructureRoleforExpressGatewayServices");
  });

  test("repository missing, other registries not verifiable, bad URIs invalid", async () => {
    goodRoles(fake);
    fake.fail("ecr", "DescribeImages", { kind: "aws", code: "RepositoryNotFoundException" });
    const a = expressAssistant(fake);
    const missing = (await a.validateEcsExpressModePrerequisites({ image_uri: image }))._unsafeUnwrap() as Record<
      string,
      any
    >;
    expect(missing.details.image.status).toBe("repository_not_found");
    const hub = (await a.validateEcsExpressModePrerequisites({ image_uri: "nginx:1.27" }))._unsafeUnwrap() as Record<
      string,
      any
    >;
    expect(hub).toMatchObject({ valid: true, details: { image: { status: "not_verifiable" } } });
    expect(hub.warnings[0]).toContain("cannot be verified");
    const bad = (
      await a.validateEcsExpressModePrerequisites({ image_uri: `${ECR_HOST}/shop-repo` })
    )._unsafeUnwrap() as Record<string, any>;
    expect(bad.details.image.status).toBe("invalid_format");
  });
});

describe("wait_for_service_ready", () => {
  const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`;
  const service = (running: number, rollout: string, extra: object = {}) => ({
    services: [
      {
        serviceArn,
        serviceName: "shop",
        status: "ACTIVE",
        desiredCount: 2,
        runningCount: running,
        pendingCount: 2 - running,
        deployments: [{ id: "d1", status: "PRIMARY", rolloutState: rollout, failedTasks: 0 }],
        events: [],
        ...extra,
      },
    ],
  });

  test("success after the rollout completes, with progress per poll and the Express URL", async () => {
    fake.on("ecs", "DescribeServices", (_i, ctx) =>
      ctx.callCount < 3 ? service(ctx.callCount - 1, "IN_PROGRESS") : service(2, "COMPLETED"),
    );
    fake.on("ecs", "DescribeExpressGatewayService", {
      service: {
        serviceArn,
        activeConfigurations: [{ ingressPaths: [{ accessType: "PUBLIC", endpoint: "sh-1234.ecs.us-east-1.on.aws" }] }],
      },
    });
    const progress: Progress[] = [];
    const r = (
      await expressAssistant(fake).waitForServiceReady(
        { cluster: "default", service_name: "shop" },
        { onProgress: (p) => progress.push(p) },
      )
    )._unsafeUnwrap();
    expect(r).toMatchObject({
      status: "success",
      running_count: 2,
      desired_count: 2,
      rollout_state: "COMPLETED",
      url: "https://sh-1234.ecs.us-east-1.on.aws",
      polls: 3,
    });
    expect(progress).toHaveLength(3);
    expect(progress[0]).toMatchObject({ progress: 0, total: 2 });
  });

  test("failed rollout: last events and stopped-task reasons", async () => {
    fake.on(
      "ecs",
      "DescribeServices",
      service(0, "FAILED", {
        events: [
          { id: "e", createdAt: new Date(), message: "(service shop) deployment failed: tasks failed to start." },
        ],
      }),
    );
    fake.on("ecs", "ListTasks", { taskArns: [`arn:aws:ecs:us-east-1:${ACCOUNT}:task/default/t1`] });
    fake.on("ecs", "DescribeTasks", {
      tasks: [
        {
          taskArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/default/t1`,
          stopCode: "EssentialContainerExited",
          stoppedReason: "Essential container in task exited",
          containers: [{ name: "app", exitCode: 1 }],
        },
      ],
    });
    const r = (
      await expressAssistant(fake).waitForServiceReady({ cluster: "default", service_name: "shop" })
    )._unsafeUnwrap() as Record<string, any>;
    expect(r.status).toBe("failed");
    expect(r.events[0].message).toContain("deployment failed");
    expect(r.stopped_tasks[0]).toMatchObject({ stop_code: "EssentialContainerExited", containers: [{ exit_code: 1 }] });
    expect(fake.calls.find((c) => c.operation === "ListTasks")!.input).toMatchObject({
      desiredStatus: "STOPPED",
      serviceName: "shop",
    });
  });

  test("timeout is bounded; a service that never appears fails instead of waiting out the timeout", async () => {
    fake.on("ecs", "DescribeServices", service(1, "IN_PROGRESS"));
    fake.on("ecs", "ListTasks", { taskArns: [] });
    const started = Date.now();
    const r = (
      await expressAssistant(fake).waitForServiceReady({ cluster: "default", service_name: "shop", timeout_seconds: 1 })
    )._unsafeUnwrap();
    expect(r.status).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3000);
    fake.on("ecs", "DescribeServices", { services: [], failures: [{ arn: serviceArn, reason: "MISSING" }] });
    const gone = (
      await expressAssistant(fake).waitForServiceReady({
        cluster: "default",
        service_name: "shop",
        timeout_seconds: 60,
      })
    )._unsafeUnwrap();
    expect(gone).toMatchObject({ status: "failed", polls: 3 });
    const big = (
      await expressAssistant(fake).waitForServiceReady({
        cluster: "default",
        service_name: "shop",
        timeout_seconds: 7200,
      })
    )._unsafeUnwrapErr();
    expect(big).toMatchObject({ kind: "validation", issues: [{ path: "timeout_seconds" }] });
  });
});

describe("delete_app", () => {
  const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`;
  const expressService = (status: string) => ({
    service: { serviceArn, serviceName: "shop", status: { statusCode: status } },
  });

  test("deletes the service, waits until it drained, then deletes the ECR stack", async () => {
    let deleted = false;
    fake.on("ecs", "DescribeExpressGatewayService", (_i, ctx) =>
      expressService(!deleted ? "ACTIVE" : ctx.callCount < 4 ? "DRAINING" : "INACTIVE"),
    );
    fake.on("ecs", "DeleteExpressGatewayService", () => {
      deleted = true;
      return expressService("DRAINING");
    });
    fakeStack(fake, "shop", { initial: "CREATE_COMPLETE" });
    fake.on("ecr", "ListImages", { imageIds: [] });
    const r = (
      await expressAssistant(fake, { allowWrite: true }).deleteApp({ service_arn: serviceArn, app_name: "shop" })
    )._unsafeUnwrap() as Record<string, any>;
    expect(r.summary.status).toBe("success");
    expect(r.service_deletion.status).toBe("deleted");
    expect(r.ecr_deletion).toMatchObject({
      status: "deleted",
      deleted_resources: [
        "ECR repository: shop-repo",
        "IAM role: shop-ecr-role",
        "KMS key alias: alias/shop-ecr-kms-key",
      ],
    });
    const ops = writes().map((c) => c.operation);
    expect(ops).toEqual(["DeleteExpressGatewayService", "DeleteStack"]);
  });

  test("idempotent: everything already gone counts as done", async () => {
    fake.fail("ecs", "DescribeExpressGatewayService", {
      kind: "aws",
      code: "ServiceNotFoundException",
      message: "Service not found.",
    });
    fakeStack(fake, "shop", {});
    const r = (
      await expressAssistant(fake, { allowWrite: true }).deleteApp({ service_arn: serviceArn, app_name: "shop" })
    )._unsafeUnwrap() as Record<string, any>;
    expect(r).toMatchObject({
      summary: { status: "success" },
      service_deletion: { status: "not_found" },
      ecr_deletion: { status: "not_found" },
      errors: [],
    });
    expect(writes()).toHaveLength(0);
  });

  test("partial: a failing service deletion keeps the ECR stack; a repository with images needs force", async () => {
    fake.on("ecs", "DescribeExpressGatewayService", expressService("ACTIVE"));
    fake.fail("ecs", "DeleteExpressGatewayService", {
      kind: "aws",
      code: "AccessDeniedException",
      message: "not authorized to perform: ecs:DeleteExpressGatewayService",
    });
    fakeStack(fake, "shop", { initial: "CREATE_COMPLETE" });
    const a = expressAssistant(fake, { allowWrite: true });
    const r = (await a.deleteApp({ service_arn: serviceArn, app_name: "shop" }))._unsafeUnwrap() as Record<string, any>;
    expect(r.summary.status).toBe("failed");
    expect(r.summary.message).toBe("Nothing was deleted: 2 problem(s), see errors");
    expect(r.service_deletion.status).toBe("failed");
    expect(r.ecr_deletion.status).toBe("skipped");
    expect(r.errors).toHaveLength(2);
    fake.clearFaults();
    fake.fail("ecs", "DescribeExpressGatewayService", { kind: "aws", code: "ServiceNotFoundException" });
    fake.on("ecr", "ListImages", { imageIds: [{ imageTag: "1", imageDigest: `sha256:${"d".repeat(64)}` }] });
    const p = (await a.deleteApp({ service_arn: serviceArn, app_name: "shop" }))._unsafeUnwrap() as Record<string, any>;
    expect(p.summary.status).toBe("partial");
    expect(p.summary.message).toContain("Deletion partly done");
    expect(p.ecr_deletion).toMatchObject({ status: "has_images", image_count: 1 });
    expect(p.errors[0]).toContain("force: true");
    const f = (await a.deleteApp({ service_arn: serviceArn, app_name: "shop", force: true }))._unsafeUnwrap() as Record<
      string,
      any
    >;
    expect(f.ecr_deletion.status).toBe("deleted");
  });

  test("destructive gate, ARN validation, dry run", async () => {
    expect(
      (await expressAssistant(fake).deleteApp({ service_arn: serviceArn, app_name: "shop" }))._unsafeUnwrapErr(),
    ).toMatchObject({ kind: "policy_denied", gate: "write" });
    expect(
      (
        await expressAssistant(fake, { allowWrite: true }).deleteApp({ service_arn: "shop", app_name: "shop" })
      )._unsafeUnwrapErr(),
    ).toMatchObject({ kind: "validation", issues: [{ path: "service_arn" }] });
    const plan = (
      await expressAssistant(fake).deleteApp({ service_arn: serviceArn, app_name: "shop", dry_run: true })
    )._unsafeUnwrap() as Record<string, any>;
    expect(plan.plan.map((s: { call: string }) => s.call)).toContain("cloudformation:DeleteStack");
    expect(fake.calls).toHaveLength(0);
  });
});

describe("containerize_app and deploy_app", () => {
  test("containerize: read-only by default; write needs allowWrite; never overwrites without overwrite", async () => {
    const dir = copyApp("python-http");
    const r = (await expressAssistant(fake).containerizeApp({ app_path: dir, port: 8000 }))._unsafeUnwrap() as Record<
      string,
      any
    >;
    expect(r).toMatchObject({
      container_port: 8000,
      base_image: "public.ecr.aws/docker/library/python:3.12-slim",
      detection: { stack: "python" },
    });
    expect(r.guidance.next_steps.steps.join(" ")).not.toContain("create_ecs_infrastructure");
    expect(existsSync(join(dir, "Dockerfile"))).toBe(false);
    expect(
      (await expressAssistant(fake).containerizeApp({ app_path: dir, port: 8000, write: true }))._unsafeUnwrapErr(),
    ).toMatchObject({ kind: "policy_denied" });
    const w = (
      await expressAssistant(fake, { allowWrite: true }).containerizeApp({ app_path: dir, port: 8000, write: true })
    )._unsafeUnwrap() as Record<string, any>;
    expect(w.written).toEqual([join(dir, "Dockerfile"), join(dir, ".dockerignore")]);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe(r.dockerfile.content);
    const again = (
      await expressAssistant(fake, { allowWrite: true }).containerizeApp({ app_path: dir, port: 9000, write: true })
    )._unsafeUnwrap() as Record<string, any>;
    expect(again.written).toEqual([]);
    expect(again.skipped).toHaveLength(2);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toContain("EXPOSE 8000");
  });

  test("containerize never writes through a symlinked Dockerfile or .dockerignore (no escape from the app folder)", async () => {
    const dir = copyApp("python-http");
    const outside = join(mkdtempSync(join(tmpdir(), "express-outside-")), "victim");
    writeFileSync(outside, "precious\n");
    symlinkSync(outside, join(dir, "Dockerfile"));
    symlinkSync(outside, join(dir, ".dockerignore"));
    const r = await expressAssistant(fake, { allowWrite: true }).containerizeApp({
      app_path: dir,
      port: 8000,
      write: true,
      overwrite: true,
    });
    expect(readFileSync(outside, "utf8")).toBe("precious\n");
    expect(r.isErr()).toBe(true);
    expect(r._unsafeUnwrapErr().message).toContain("symbolic link");
  });

  test("containerize warns when the code listens on another port", async () => {
    const r = (
      await expressAssistant(fake).containerizeApp({ app_path: join(FIXTURES, "node-express"), port: 8080 })
    )._unsafeUnwrap() as Record<string, any>;
    expect(r.warnings.join(" ")).toContain("listens on port 3000");
  });

  test("deploy_app dry run: full plan with writes off and no write calls", async () => {
    const plan = (
      await expressAssistant(fake).deployApp({
        app_name: "shop",
        app_path: copyApp("node-http"),
        port: 8080,
        cpu: "512",
        memory: "1024",
        min_task_count: 1,
        max_task_count: 3,
        environment: { MODE: "prod" },
        dry_run: true,
      })
    )._unsafeUnwrap() as Record<string, any>;
    expect(plan.dry_run).toBe(true);
    expect(plan.image_tag).toMatch(/^src-[0-9a-f]{12}$/);
    const service = plan.steps.find((s: { step: string }) => s.step === "service");
    expect(service.params).toMatchObject({
      serviceName: "shop",
      cluster: "default",
      cpu: "512",
      memory: "1024",
      primaryContainer: { containerPort: 8080, environment: [{ name: "MODE", value: "prod" }] },
      scalingTarget: { minTaskCount: 1, maxTaskCount: 3 },
    });
    expect(plan.steps[0].dockerfile).toContain("EXPOSE 8080");
    expect(writes()).toHaveLength(0);
    expect(
      (
        await expressAssistant(fake).deployApp({ app_name: "shop", app_path: copyApp("node-http"), port: 8080 })
      )._unsafeUnwrapErr(),
    ).toMatchObject({ kind: "policy_denied" });
  });

  test("deploy_app resumes: image already in ECR and service on it → build and service skipped; failure reports the step", async () => {
    const dir = copyApp("node-http");
    fakeStack(fake, "shop", { initial: "CREATE_COMPLETE" });
    goodRoles(fake);
    fake.on("ecr", "DescribeImages", { imageDetails: [{ imageDigest: `sha256:${"e".repeat(64)}` }] });
    fake.on("ecs", "DescribeClusters", { clusters: [{ clusterName: "default", status: "ACTIVE" }] });
    const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`;
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
    const a = expressAssistant(fake, { allowWrite: true });
    const tag = "v1";
    fake.on("ecs", "DescribeExpressGatewayService", {
      service: {
        serviceArn,
        activeConfigurations: [
          {
            primaryContainer: { image: `${ECR_HOST}/shop-repo:${tag}` },
            ingressPaths: [{ accessType: "PUBLIC", endpoint: "shop.ecs.us-east-1.on.aws" }],
          },
        ],
      },
    });
    cpSync(join(dir, "index.js"), join(dir, "Dockerfile"));
    const r = (await a.deployApp({ app_name: "shop", app_path: dir, port: 8080, tag }))._unsafeUnwrap() as Record<
      string,
      any
    >;
    expect(r).toMatchObject({
      status: "success",
      url: "https://shop.ecs.us-east-1.on.aws",
      full_image_uri: `${ECR_HOST}/shop-repo:v1`,
    });
    expect(r.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      "containerize:skipped",
      "build_and_push:skipped",
      "prerequisites:done",
      "cluster:skipped",
      "service:skipped",
      "wait:done",
    ]);
    expect(writes()).toHaveLength(0);
    fake.on("iam", "GetRole", () => {
      throw awsError("NoSuchEntity", "missing", 404);
    });
    const f = (await a.deployApp({ app_name: "shop", app_path: dir, port: 8080, tag }))._unsafeUnwrap() as Record<
      string,
      any
    >;
    expect(f).toMatchObject({ status: "failed", failed_step: "prerequisites" });
    expect(f.hint).toContain("resumes");
  });
});
