// deploy_app: source folder → Dockerfile → image in ECR → prerequisites → Express service → ready, resumable.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { err, errAsync, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, publicError } from "../../errors.ts";
import { resolveAppPath } from "../../security/paths.ts";
import type { ToolContext } from "../../tool.ts";
import { diagnose } from "../../troubleshoot/diagnose.ts";
import { buildPlan } from "../build/buildPlan.ts";
import { containerizeApp } from "../containerize/containerizeApp.ts";
import type { DeployAppResult } from "../outputs.ts";
import { DEFAULT_EXECUTION_ROLE, DEFAULT_INFRASTRUCTURE_ROLE } from "../prereq/roleSpecs.ts";
import { type PrerequisitesResult, validatePrerequisites } from "../prereq/validatePrerequisites.ts";
import type { DeployAppInput } from "../schemas.ts";
import { waitForServiceReady } from "../service/waitForServiceReady.ts";
import { contentTag } from "./contentTag.ts";
import { clusterStep, containerizeStep, imageStep, type StepRecord } from "./deploySteps.ts";
import { serviceNameOf, serviceParams } from "./serviceParams.ts";
import { serviceStep } from "./serviceStep.ts";
import { type WaitDiagnosis, waitFailure } from "./waitFailure.ts";

const STEPS = ["containerize", "build_and_push", "prerequisites", "cluster", "service", "wait"] as const;
type StepName = (typeof STEPS)[number];
type Failure = { step: StepName; error: EcsError; diagnosis?: PrerequisitesResult | WaitDiagnosis };

/**
 * The whole Express Mode path in one call. Each step detects finished work (Dockerfile present, image tag in
 * ECR — tags derive from the source so a re-run finds them —, service already on the image), so re-running
 * after a failure resumes where it stopped.
 */
export const deployApp = (input: DeployAppInput, ctx: ToolContext): ResultAsync<DeployAppResult, EcsError> => {
  const path = resolveAppPath(input.app_path, { allowedRoots: ctx.policy.allowedRoots });
  if (path.isErr()) return errAsync(path.error);
  const root = path.value;
  const tag = input.tag ?? contentTag(root);
  const cluster = input.cluster;
  const service_name = serviceNameOf(input);
  if (input.dry_run) return plan(ctx, input, root, tag);
  const steps: StepRecord[] = [];
  const progress = (i: number, message: string) => ctx.progress({ progress: i, total: STEPS.length, message });
  const at = <T>(step: StepName, r: ResultAsync<T, EcsError>) => r.mapErr((error): Failure => ({ step, error }));
  let image = "";
  let digest = "";

  progress(0, "Checking the Dockerfile");
  const flow = safeTry(async function* () {
    steps.push(yield* at("containerize", containerizeStep(ctx, root, input.port)));
    progress(1, "Building and pushing the image");
    const img = yield* at("build_and_push", imageStep(ctx, input.app_name, root, tag));
    steps.push(img.record);
    image = img.image;
    digest = img.digest;
    progress(2, "Validating roles and image");
    const pre = yield* at(
      "prerequisites",
      validatePrerequisites(
        {
          image_uri: image,
          execution_role_arn: input.execution_role_arn,
          infrastructure_role_arn: input.infrastructure_role_arn,
        },
        ctx,
        { treatImageAsEcr: true, ...(input.secrets ? { secrets: input.secrets } : {}) },
      ),
    );
    if (!pre.valid)
      return err<never, Failure>({
        step: "prerequisites",
        error: {
          kind: "validation",
          message: `Prerequisites are not met: ${pre.errors.join(" | ")}`,
          hint: "Apply the fixes listed in each error, then call deploy_app again; finished steps are skipped.",
          issues: [],
        },
        diagnosis: pre,
      });
    steps.push({
      step: "prerequisites",
      status: "done",
      detail: pre.warnings.length ? `valid with warnings: ${pre.warnings.join(" | ")}` : "roles and image valid",
    });
    progress(3, `Preparing cluster ${cluster}`);
    const roles = { execution: pre.details.execution_role.arn, infrastructure: pre.details.infrastructure_role.arn };
    steps.push(yield* at("cluster", clusterStep(ctx, cluster, input.container_insights)));
    progress(4, `Creating or updating Express service ${service_name}`);
    const svc = yield* at("service", serviceStep(ctx, input, image, roles));
    steps.push(svc.record);
    progress(5, `Waiting for ${service_name} to be ready`);
    const w = yield* at(
      "wait",
      waitForServiceReady({ cluster, service_name, timeout_seconds: input.timeout_seconds }, ctx, svc.target),
    );
    if (w.status !== "success") {
      // The troubleshooting capability's diagnosis ranks the likely root cause; if it cannot run, the wait's
      // own evidence (deployment status, events, stopped tasks) still stands.
      const troubleshooting = yield* diagnose(
        { ecs_cluster_name: cluster, ecs_service_name: service_name, time_window: 3600 },
        ctx,
      )
        .map((d) => ({ summary: d.summary, findings: d.findings.slice(0, 3) }))
        .orElse(() => okAsync(undefined));
      return err<never, Failure>(waitFailure(w, troubleshooting));
    }
    steps.push({ step: "wait", status: "done", detail: w.message });
    progress(6, w.url ? `Ready at ${w.url}` : "Ready");
    return ok({
      status: "success" as const,
      app_name: input.app_name,
      url: w.url,
      message: w.url
        ? `Once the service is up and running, your application will be accessible at: ${w.url}`
        : w.message,
      service_arn: svc.serviceArn,
      service_name,
      cluster,
      full_image_uri: image,
      image_digest: digest,
      running_count: w.running_count,
      steps,
    });
  });
  return flow.orElse((f) =>
    f.error.kind === "cancelled"
      ? errAsync(f.error)
      : okAsync({
          status: "failed" as const,
          app_name: input.app_name,
          failed_step: f.step,
          error: publicError(f.error),
          ...(f.diagnosis ? { diagnosis: f.diagnosis } : {}),
          steps,
          ...(image ? { full_image_uri: image } : {}),
          hint: `Step ${f.step} failed: ${f.error.hint} Re-running deploy_app resumes: finished steps are detected and skipped.`,
        }),
  );
};

/**
 * The dry-run plan: every step with its exact calls and generated files; nothing is changed. The Dockerfile is the one
 * the containerize step would write (containerize_app's, build-context line included), and the build runs from where
 * that Dockerfile says (a monorepo app builds from the workspace root).
 */
const plan = (
  ctx: ToolContext,
  input: DeployAppInput,
  root: string,
  tag: string,
): ResultAsync<DeployAppResult, EcsError> =>
  existsSync(join(root, "Dockerfile"))
    ? okAsync(planWith(ctx, input, root, tag, undefined))
    : containerizeApp({ app_path: root, port: input.port, write: false }, ctx).map((c) =>
        planWith(ctx, input, root, tag, c.dockerfile?.content ?? ""),
      );

/** The plan, given the Dockerfile the containerize step would write (undefined: one exists and is kept). */
const planWith = (
  ctx: ToolContext,
  input: DeployAppInput,
  root: string,
  tag: string,
  dockerfile: string | undefined,
): DeployAppResult => {
  const acct = "<account-id>";
  const params = serviceParams(
    input,
    "<full_image_uri from build_and_push>",
    input.execution_role_arn ?? `arn:aws:iam::${acct}:role/${DEFAULT_EXECUTION_ROLE}`,
    input.infrastructure_role_arn ?? `arn:aws:iam::${acct}:role/${DEFAULT_INFRASTRUCTURE_ROLE}`,
    ctx.express?.container?.platform,
  );
  return {
    dry_run: true,
    app_name: input.app_name,
    image_tag: tag,
    steps: [
      {
        step: "containerize",
        action: dockerfile === undefined ? "skip (Dockerfile exists)" : "write Dockerfile and .dockerignore",
        ...(dockerfile ? { dockerfile } : {}),
      },
      {
        step: "build_and_push",
        action: "skip when the tag is already in ECR",
        ...buildPlan(ctx, input.app_name, root, tag, ctx.express?.container?.platform ?? "linux/amd64", dockerfile),
      },
      {
        step: "prerequisites",
        calls: [
          "iam:GetRole",
          "iam:ListAttachedRolePolicies",
          "ecr:DescribeImages",
          ...(input.secrets && Object.keys(input.secrets).length > 0
            ? ["iam:SimulatePrincipalPolicy (the execution role reads each secret)"]
            : []),
        ],
      },
      {
        step: "cluster",
        calls: [
          "iam:GetRole AWSServiceRoleForECS (iam:CreateServiceLinkedRole for ecs.amazonaws.com when missing)",
          "ecs:DescribeClusters",
          `ecs:CreateCluster when missing${input.container_insights !== undefined ? " / ecs:UpdateClusterSettings (containerInsights)" : ""}`,
        ],
      },
      {
        step: "service",
        call: "ecs:CreateExpressGatewayService (ecs:UpdateExpressGatewayService when the revision it runs differs; none while a rollout is in progress)",
        params,
      },
      {
        step: "wait",
        calls: [
          "ecs:DescribeServices",
          "ecs:DescribeExpressGatewayService",
          "ecs:ListServiceDeployments",
          "ecs:DescribeServiceDeployments",
          "ecs:DescribeServiceRevisions",
        ],
        timeout_seconds: input.timeout_seconds,
        success:
          "the deployment this call started completed and the running revision has the requested image, cpu, memory, port and environment; a rollback is a failure",
      },
    ],
  };
};
