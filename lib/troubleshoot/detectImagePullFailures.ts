// detect_image_pull_failures: checks the images of the task definitions in use, and the pull errors of stopped tasks.
import type { StackResourceSummary } from "@aws-sdk/client-cloudformation";
import type { Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { errAsync, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { paginate } from "../aws/paginate.ts";
import { type EcsError, validationError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { checkImages, type ImageCheck, imageFindings } from "./checkImages.ts";
import { describeTaskDefinitions } from "./describeTaskDefinitions.ts";
import { describeTasks, listTaskArns } from "./describeTasks.ts";
import { classifyTask } from "./detectors/taskFailures.ts";
import { type Finding, rankFindings } from "./finding.ts";
import { describeService } from "./gatherService.ts";
import { resolveService } from "./resolveService.ts";
import type { ActionParams } from "./schemas.ts";

/** Result of detect_image_pull_failures. */
export interface ImagePullReport {
  readonly status: "success";
  readonly task_definitions: string[];
  readonly images: ImageCheck[];
  readonly image_issues: ImageCheck[];
  readonly findings: Finding[];
  readonly assessment: string;
  readonly recommendations: string[];
}

type Params = ActionParams["detect_image_pull_failures"];
const IMAGE_FINDINGS = /image|registry|pull|execution_role|credentials|arch/;

/** Task definitions by the first matching mode, plus stopped tasks whose pull errors tell more. */
const definitionsFor = (
  p: Params,
  ctx: ToolContext,
): ResultAsync<{ tds: TaskDefinition[]; tasks: Task[]; what: string }, EcsError> =>
  safeTry(async function* () {
    if (p.ecs_cluster_name && p.ecs_service_name) {
      const t = yield* resolveService(p, ctx);
      const [svc, stopped] = await Promise.all([
        describeService(ctx, t),
        listTaskArns(ctx, { cluster: t.cluster, service: t.service, status: "STOPPED", maxItems: 100 }),
      ]);
      const service = yield* svc;
      const [definitions, tasks] = await Promise.all([
        describeTaskDefinitions(
          ctx,
          [service.taskDefinition, ...(service.deployments ?? []).map((d) => d.taskDefinition)],
          3,
        ),
        stopped.isOk() ? describeTasks(ctx, t.cluster, stopped.value.arns) : okAsync<Task[], EcsError>([]),
      ]);
      const tds = yield* definitions;
      return okAsync({
        tds,
        tasks: tasks.unwrapOr([]),
        what: `cluster '${t.cluster}' and service '${t.service}'`,
      });
    }
    if (p.ecs_cluster_name && p.ecs_task_id) {
      const tasks = yield* describeTasks(ctx, p.ecs_cluster_name, [p.ecs_task_id]);
      const tds = yield* describeTaskDefinitions(
        ctx,
        tasks.map((t) => t.taskDefinitionArn),
      );
      return okAsync({ tds, tasks, what: `cluster '${p.ecs_cluster_name}' and task ID '${p.ecs_task_id}'` });
    }
    if (p.cfn_stack_name) {
      const res = yield* paginate<StackResourceSummary>(
        (token) =>
          ctx
            .aws("cloudformation", "ListStackResources", {
              StackName: p.cfn_stack_name,
              ...(token ? { NextToken: token } : {}),
            })
            .map((o) => ({ items: o.StackResourceSummaries, next: o.NextToken })),
        { maxPages: 10, maxItems: 1000 },
      );
      const arns = res.items
        .filter((r) => r.ResourceType === "AWS::ECS::TaskDefinition")
        .map((r) => r.PhysicalResourceId);
      const tds = yield* describeTaskDefinitions(ctx, arns);
      return okAsync({ tds, tasks: [] as Task[], what: `stack '${p.cfn_stack_name}'` });
    }
    const families = yield* paginate<string>(
      (token) =>
        ctx
          .aws("ecs", "ListTaskDefinitionFamilies", {
            familyPrefix: p.family_prefix,
            status: "ACTIVE",
            ...(token ? { nextToken: token } : {}),
          })
          .map((o) => ({ items: o.families, next: o.nextToken })),
      { maxPages: 5, maxItems: 20 },
    );
    const tds = yield* describeTaskDefinitions(ctx, families.items, 20);
    return okAsync({ tds, tasks: [] as Task[], what: `family prefix '${p.family_prefix}'` });
  });

/** The reference's modes (cluster+service, cluster+task, stack, family prefix); images checked in parallel. */
export const detectImagePullFailures = (p: Params, ctx: ToolContext): ResultAsync<ImagePullReport, EcsError> => {
  const modes = (p.ecs_cluster_name && (p.ecs_service_name || p.ecs_task_id)) || p.cfn_stack_name || p.family_prefix;
  if (!modes) {
    return errAsync(
      validationError(
        [
          {
            path: "parameters",
            message: "no target given",
            expected:
              "ecs_cluster_name+ecs_service_name, ecs_cluster_name+ecs_task_id, cfn_stack_name, or family_prefix",
            got: Object.keys(p).join(", ") || "nothing",
          },
        ],
        "At least one of: ecs_cluster_name+ecs_service_name, ecs_cluster_name+ecs_task_id, cfn_stack_name, or family_prefix must be provided for 'detect_image_pull_failures'.",
      ),
    );
  }
  return safeTry(async function* () {
    const { tds, tasks, what } = yield* definitionsFor(p, ctx);
    const images = yield* checkImages(ctx, tds);
    const issues = images.filter((i) => i.exists !== "true");
    const fromTasks = tasks
      .map((t) => classifyTask(t, { taskDefinitions: tds }))
      .flatMap((c) => (c.finding && IMAGE_FINDINGS.test(c.finding.id) ? [c.finding] : []));
    const findings = rankFindings([
      ...imageFindings(images, tds, tasks.length > 0 && tasks.every((t) => t.launchType === "EC2")),
      ...fromTasks,
    ]);
    if (tds.length === 0) {
      return ok<ImagePullReport, EcsError>({
        status: "success",
        task_definitions: [],
        images: [],
        image_issues: [],
        findings: [],
        assessment: `No task definitions found for ${what}`,
        recommendations: ["Check if your task definition is named differently"],
      });
    }
    const missing = issues.filter((i) => i.exists === "false").length;
    return ok<ImagePullReport, EcsError>({
      status: "success",
      task_definitions: tds.map((t) => `${t.family}:${t.revision}`),
      images,
      image_issues: issues,
      findings,
      assessment:
        missing > 0 || fromTasks.length > 0
          ? `Found ${missing} missing image(s) and ${fromTasks.length} stopped task(s) with pull errors`
          : issues.length > 0
            ? `${issues.length} image(s) outside private ECR could not be verified; no pull errors seen`
            : "All container images appear to be valid and accessible.",
      recommendations: findings.map((f) => f.fix),
    });
  });
};
