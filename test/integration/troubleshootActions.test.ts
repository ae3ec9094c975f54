// The seven reference actions over the wire: redaction of logs, partial permissions, pagination, time windows, validation.
import { describe, expect, test } from "bun:test";
import {
  createEcsAssistant,
  detectImagePullFailures,
  diagnose,
  fetchCloudformationStatus,
  fetchNetworkConfiguration,
  fetchServiceEvents,
  fetchTaskFailures,
  fetchTaskLogs,
  getEcsTroubleshootingGuidance,
} from "../../lib/index.ts";
import { installScenario, loadScenario } from "../fixtures/troubleshoot/loadScenario.ts";
import { fakeAwsOptions } from "../support/clients.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();
const assistant = (policy = {}) =>
  createEcsAssistant({
    policy,
    aws: {
      ...fakeAwsOptions(fake),
      maxAttempts: 1,
    },
  });
const web = { ecs_cluster_name: "web", ecs_service_name: "api" };

describe("fetch_task_logs", () => {
  const secretLine = "connecting to postgres://app:s3cretPassw0rd@db.internal:5432/app with password=hunter22";
  const withSecret = () => {
    installScenario(fake, loadScenario("healthy"));
    fake.on("logs", "FilterLogEvents", (input) => ({
      events: [
        {
          logStreamName: "ecs/api/8f2d",
          timestamp: Date.now() - 60_000,
          message: "Error: listen EADDRINUSE: address already in use :::8080",
        },
        { logStreamName: "ecs/api/8f2d", timestamp: Date.now() - 120_000, message: secretLine },
      ],
      ...(input.nextToken ? {} : {}),
    }));
  };

  test("reads the awslogs group of the task definition with FilterLogEvents and redacts lines without sensitive data", async () => {
    withSecret();
    const r = (await fetchTaskLogs(assistant(), { ...web, filter_pattern: "?ERROR ?Error" }))._unsafeUnwrap();
    const call = fake.calls.find((c) => c.operation === "FilterLogEvents")!;
    expect(call.input.logGroupName).toBe("/ecs/api");
    expect(call.input.logStreamNamePrefix).toBe("ecs/api/");
    expect(call.input.filterPattern).toBe("?ERROR ?Error");
    expect(fake.calls.some((c) => c.operation === "GetLogEvents" || c.operation === "DescribeLogGroups")).toBe(false);
    expect(r.log_entries.map((e) => e.timestamp)).toEqual([...r.log_entries.map((e) => e.timestamp)].sort());
    expect(r.log_entries[0]!.timestamp).toEndWith("Z");
    expect(JSON.stringify(r)).not.toContain("s3cretPassw0rd");
    expect(JSON.stringify(r)).not.toContain("hunter22");
    expect(r.log_redaction?.note).toContain("policy.allowSensitiveData");
    expect(r.findings[0]?.id).toBe("port_in_use");
    expect(r.error_count).toBe(1);
  });

  test("with allowSensitiveData the lines come back raw and no redaction note is added", async () => {
    withSecret();
    const r = (await fetchTaskLogs(assistant({ allowSensitiveData: true }), web))._unsafeUnwrap();
    expect(r.log_entries.map((e) => e.message)).toContain(secretLine);
    expect(r.log_redaction).toBeUndefined();
  });

  test("pages through nextToken with a task id: reads the exact stream prefix/container/task", async () => {
    installScenario(fake, loadScenario("healthy"));
    fake.on("logs", "FilterLogEvents", (input) => {
      const page = Number(input.nextToken ?? 0);
      return {
        events: [
          {
            logStreamName: input.logStreamNames?.[0],
            timestamp: Date.now() - 1000 * (10 - page),
            message: `line ${page}`,
          },
        ],
        ...(page < 3 ? { nextToken: String(page + 1) } : {}),
      };
    });
    const r = (
      await fetchTaskLogs(assistant(), { ecs_cluster_name: "web", ecs_task_id: "8f2d1c0b9a7e4d3c8b1a0f9e8d7c6b5a" })
    )._unsafeUnwrap();
    expect(r.log_entries.map((e) => e.message)).toEqual(["line 0", "line 1", "line 2", "line 3"]);
    const calls = fake.calls.filter((c) => c.operation === "FilterLogEvents");
    expect(calls).toHaveLength(4);
    expect(calls[0]!.input.logStreamNames).toEqual(["ecs/api/8f2d1c0b9a7e4d3c8b1a0f9e8d7c6b5a"]);
  });
});

describe("time window", () => {
  test("start_time/end_time with offsets are sent as epoch ms; naive times are UTC", async () => {
    installScenario(fake, loadScenario("healthy"));
    await fetchTaskLogs(assistant(), {
      ...web,
      start_time: "2026-11-25T10:00:00+02:00",
      end_time: "2026-11-25T09:30:00",
    });
    const call = fake.calls.find((c) => c.operation === "FilterLogEvents")!;
    expect(call.input.startTime).toBe(Date.parse("2026-11-25T08:00:00Z"));
    expect(call.input.endTime).toBe(Date.parse("2026-11-25T09:30:00Z"));
  });

  test("start after end, windows over 14 days and bad formats are validation errors naming the field", async () => {
    const a = assistant();
    const after = (
      await fetchServiceEvents(a, { ...web, start_time: "2026-11-25T10:00:00Z", end_time: "2026-11-25T09:00:00Z" })
    )._unsafeUnwrapErr();
    expect(after).toMatchObject({ kind: "validation", issues: [{ path: "parameters.start_time" }] });
    const long = (
      await fetchServiceEvents(a, { ...web, start_time: "2026-10-01T00:00:00Z", end_time: "2026-11-25T00:00:00Z" })
    )._unsafeUnwrapErr();
    expect(long.message).toContain("14 days");
    const bad = (await fetchServiceEvents(a, { ...web, start_time: "yesterday" }))._unsafeUnwrapErr();
    expect(bad).toMatchObject({
      kind: "validation",
      issues: [{ path: "parameters.start_time", expected: expect.stringContaining("2026-04-03T12:00:00Z") }],
    });
    expect(fake.calls).toHaveLength(0);
  });

  test("fetch_service_events keeps only events inside the window and collapses repeats with a count", async () => {
    installScenario(fake, loadScenario("health-check-404"));
    const r = (await fetchServiceEvents(assistant(), { ...web, time_window: 1800 }))._unsafeUnwrap();
    const unhealthy = r.events.find((e) => e.message.includes("is unhealthy"));
    expect(unhealthy?.count).toBe(3);
    expect(r.events.some((e) => e.message.includes("deployment completed"))).toBe(false); // 09:14, outside 09:30-10:00
    expect(r.issues[0]?.id).toBe("health_check_path_wrong");
  });
});

describe("validation of parameters per action", () => {
  test("a misspelt key gets a did-you-mean and the action's parameter list", async () => {
    const e = (
      await assistant().ecsTroubleshootingTool({ action: "fetch_task_failures", parameters: { ecs_cluster: "web" } })
    )._unsafeUnwrapErr();
    expect(e.kind).toBe("validation");
    if (e.kind !== "validation") return;
    expect(e.issues.find((i) => i.got === "ecs_cluster")?.suggestion).toBe("ecs_cluster_name");
    expect(e.hint).toContain("Action fetch_task_failures takes: required ecs_cluster_name");
  });

  test("an unknown action names the closest one", async () => {
    const e = (await assistant().callTool("ecs_troubleshooting_tool", { action: "diagnos" }))._unsafeUnwrapErr();
    expect(e.message).toContain('did you mean "diagnose"');
  });

  test("detect_image_pull_failures needs one of its target combinations", async () => {
    const e = (await detectImagePullFailures(assistant(), { ecs_cluster_name: "web" }))._unsafeUnwrapErr();
    expect(e.hint).toContain("ecs_cluster_name+ecs_service_name");
  });

  test("the default action is get_ecs_troubleshooting_guidance, which needs ecs_cluster_name", async () => {
    const e = (await assistant().callTool("ecs_troubleshooting_tool", {}))._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "validation", issues: [{ path: "parameters.ecs_cluster_name" }] });
  });
});

describe("partial permissions", () => {
  test("diagnose: denied EC2 and ECR calls fail only their checks; the task evidence still names the cause", async () => {
    installScenario(fake, loadScenario("image-tag-missing"));
    fake.fail("ec2", "*", {
      kind: "aws",
      code: "UnauthorizedOperation",
      message: "You are not authorized to perform this operation.",
    });
    fake.fail("ecr", "DescribeImages", {
      kind: "aws",
      code: "AccessDeniedException",
      message: "not authorized: ecr:DescribeImages",
    });
    const d = (await diagnose(assistant(), web))._unsafeUnwrap();
    expect(d.findings[0]?.id).toBe("image_not_found");
    const failed = d.checks.filter((c) => c.status === "failed").map((c) => c.check);
    expect(failed).toEqual(expect.arrayContaining(["security_groups"]));
    expect(d.checks.find((c) => c.check === "security_groups")?.error?.code).toBe("UnauthorizedOperation");
    expect(d.checks.find((c) => c.check === "service")?.status).toBe("ok");
  });

  test("diagnose: DescribeServices denied still classifies the stopped tasks", async () => {
    installScenario(fake, loadScenario("oom-killed"));
    fake.fail("ecs", "DescribeServices", { kind: "aws", code: "AccessDeniedException" });
    const d = (await diagnose(assistant(), web))._unsafeUnwrap();
    expect(d.findings[0]?.id).toBe("oom_killed");
    expect(d.checks.find((c) => c.check === "service")).toMatchObject({
      status: "failed",
      error: { code: "AccessDeniedException" },
    });
  });
});

describe("pagination and batching", () => {
  test("fetch_task_failures pages ListTasks and describes 250 tasks in batches of at most 100, overlapping the listing", async () => {
    installScenario(fake, loadScenario("healthy"));
    const arns = Array.from(
      { length: 250 },
      (_, i) => `arn:aws:ecs:us-east-1:123456789012:task/web/${i.toString(16).padStart(32, "0")}`,
    );
    fake.on("ecs", "ListTasks", (input) => {
      const start = Number(input.nextToken ?? 0);
      return {
        taskArns: arns.slice(start, start + 100),
        ...(start + 100 < arns.length ? { nextToken: String(start + 100) } : {}),
      };
    });
    fake.on("ecs", "DescribeTasks", (input) => ({
      tasks: (input.tasks as string[]).map((taskArn, i) => ({
        taskArn,
        lastStatus: "STOPPED",
        stoppedAt: new Date(Date.now() - 60_000 - i),
        stopCode: "EssentialContainerExited",
        stoppedReason: "Essential container in task exited",
        containers: [{ name: "api", exitCode: 139 }],
      })),
    }));
    fake.latencyMs = 30;
    const r = (await fetchTaskFailures(assistant(), { ecs_cluster_name: "web" }))._unsafeUnwrap();
    expect(r.failed_tasks).toHaveLength(250);
    expect(r.failure_categories.segmentation_fault).toHaveLength(250);
    const batches = fake.calls.filter((c) => c.operation === "DescribeTasks");
    expect(batches.map((b) => b.input.tasks.length).sort()).toEqual([100, 100, 50]);
    // Pipelined: the first page's batch is described while the later ListTasks pages are still being fetched.
    const lists = fake.calls.filter((c) => c.operation === "ListTasks");
    expect(lists).toHaveLength(3);
    expect(Math.min(...batches.map((b) => b.time))).toBeLessThan(Math.max(...lists.map((l) => l.time)));
  });
  test("diagnose runs its calls in three parallel rounds: with 250 ms per call, 14 calls take well under 14 x 250 ms", async () => {
    installScenario(fake, loadScenario("healthy"));
    // Three rounds take ~750 ms; sequential calls would take 3.5 s. The bound leaves a busy CI machine a second of slack.
    fake.latencyMs = 250;
    const a = assistant();
    const started = Date.now();
    const d = (await diagnose(a, web))._unsafeUnwrap();
    const ms = Date.now() - started;
    expect(d.aws_calls.total).toBeGreaterThanOrEqual(12);
    expect(d.aws_calls.critical_path).toBe(3);
    expect(ms).toBeLessThan(1_800);
  });
});

describe("other actions", () => {
  test("fetch_cloudformation_status finds a deleted stack and its root cause", async () => {
    const sid = "arn:aws:cloudformation:us-east-1:123456789012:stack/old-api/11111111-2222-3333-4444-555555555555";
    fake.fail("cloudformation", "DescribeStacks", {
      kind: "aws",
      code: "ValidationError",
      message: "Stack with id old-api does not exist",
    });
    fake.on("cloudformation", "ListStacks", {
      StackSummaries: [
        {
          StackId: sid,
          StackName: "old-api",
          StackStatus: "DELETE_COMPLETE",
          CreationTime: new Date("2026-11-24T08:00:00Z"),
          DeletionTime: new Date("2026-11-24T08:30:00Z"),
        },
      ],
    });
    const ev = (n: number, lid: string, type: string, st: string, reason?: string) => ({
      StackId: sid,
      EventId: `e${n}`,
      StackName: "old-api",
      LogicalResourceId: lid,
      ResourceType: type,
      ResourceStatus: st,
      Timestamp: new Date(Date.parse("2026-11-24T08:00:00Z") + n * 1000),
      ...(reason ? { ResourceStatusReason: reason } : {}),
    });
    fake.on("cloudformation", "DescribeStackEvents", {
      StackEvents: [
        ev(9, "old-api", "AWS::CloudFormation::Stack", "DELETE_COMPLETE"),
        ev(8, "old-api", "AWS::CloudFormation::Stack", "DELETE_IN_PROGRESS", "User Initiated"),
        ev(
          5,
          "old-api",
          "AWS::CloudFormation::Stack",
          "ROLLBACK_IN_PROGRESS",
          "The following resource(s) failed to create: [Repo, Role].",
        ),
        ev(4, "Role", "AWS::IAM::Role", "CREATE_FAILED", "Resource creation cancelled"),
        ev(
          3,
          "Repo",
          "AWS::ECR::Repository",
          "CREATE_FAILED",
          "Resource handler returned message: \"Resource of type 'AWS::ECR::Repository' with identifier 'api' already exists.\"",
        ),
        ev(1, "old-api", "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated"),
      ],
    });
    const r = (await fetchCloudformationStatus(assistant(), { cfn_stack_name: "old-api" }))._unsafeUnwrap();
    expect(r.stack_exists).toBe(false);
    expect(r.deleted_at).toBe("2026-11-24T08:30:00.000Z");
    expect(r.root_cause?.logical_id).toBe("Repo");
    expect(fake.calls.find((c) => c.operation === "DescribeStackEvents")?.input.StackName).toBe(sid);
  });

  test("detect_image_pull_failures checks ECR by namespaced repository and tag", async () => {
    installScenario(fake, loadScenario("image-tag-missing"));
    const r = (await detectImagePullFailures(assistant(), web))._unsafeUnwrap();
    const call = fake.calls.find((c) => c.operation === "DescribeImages" && c.input.imageIds[0].imageTag === "1.4.3");
    expect(call?.input).toMatchObject({ registryId: "123456789012", repositoryName: "team/api" });
    expect(r.image_issues.map((i) => i.image)).toContain("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.4.3");
    expect(r.findings[0]?.id).toBe("image_not_found");
  });

  test("fetch_network_configuration filters by VPC and flags a missing NAT route", async () => {
    installScenario(fake, loadScenario("no-nat-route"));
    fake.on("ecs", "ListServices", { serviceArns: ["arn:aws:ecs:us-east-1:123456789012:service/web/api"] });
    const r = (await fetchNetworkConfiguration(assistant(), { ecs_cluster_name: "web" }))._unsafeUnwrap();
    expect(r.vpc_ids).toEqual(["vpc-0a1b2c3d4e5f67890"]);
    expect(r.findings.map((f) => f.id)).toContain("subnet_no_internet_route");
    expect(fake.calls.find((c) => c.operation === "DescribeRouteTables")?.input.Filters).toEqual([
      { Name: "vpc-id", Values: ["vpc-0a1b2c3d4e5f67890"] },
    ]);
    expect(fake.calls.some((c) => c.operation === "DescribeVpcs" || c.operation === "ListStacks")).toBe(false);
  });

  test("fetch_network_configuration says when it checked only some of the cluster's services", async () => {
    installScenario(fake, loadScenario("healthy"));
    const arns = Array.from({ length: 7 }, (_, i) => `arn:aws:ecs:us-east-1:123456789012:service/web/svc-${i}`);
    fake.on("ecs", "ListServices", { serviceArns: arns, nextToken: "more" });
    fake.on("ecs", "DescribeServices", (input) => ({
      services: (input.services as string[]).map((a) => ({
        serviceArn: a,
        serviceName: a.split("/").at(-1),
        status: "ACTIVE",
      })),
    }));
    const r = (await fetchNetworkConfiguration(assistant(), { ecs_cluster_name: "web" }))._unsafeUnwrap();
    expect(r.services.map((x) => x.service)).toEqual(["svc-0", "svc-1", "svc-2", "svc-3", "svc-4"]);
    expect(r.message).toContain("only the first 5");
  });

  test("guidance routes symptoms and redacts the task definition's environment without sensitive data", async () => {
    installScenario(fake, loadScenario("healthy"));
    const r = (
      await getEcsTroubleshootingGuidance(assistant(), {
        ...web,
        symptoms_description: "ALB returns 503 and tasks keep restarting",
      })
    )._unsafeUnwrap();
    expect(r.next_steps.map((s) => s.action)).toEqual(
      expect.arrayContaining(["diagnose", "fetch_service_events", "fetch_task_failures"]),
    );
    expect(JSON.stringify(r)).not.toContain("s3cretPassw0rd");
    expect(JSON.stringify(r)).toContain("DATABASE_URL");
  });
});
