// valibot output schemas of the Express Mode tools: MCP outputSchema and the typed results of the assistant's methods.
import * as v from "valibot";
import { recordOf } from "../util/recordOf.ts";
import { shapeOf } from "../util/shapeOf.ts";
import type { guidanceFor } from "./containerize/guidance.ts";
import type { EcrDeletion } from "./delete/deleteEcrStack.ts";
import type { ServiceDeletion } from "./delete/deleteExpressService.ts";
import type { WaitDiagnosis } from "./deploy/waitFailure.ts";
import type { Detection } from "./detect/detection.ts";
import type { ImageCheck } from "./prereq/checkImage.ts";
import type { RoleCheck } from "./prereq/checkRole.ts";
import type { PrerequisitesResult } from "./prereq/validatePrerequisites.ts";
import type { StoppedTask } from "./service/stoppedTasks.ts";

const Str = v.string();
const OptStr = v.optional(v.string());
const Loose = v.record(v.string(), v.unknown());
/** A dry run's answer: what would be called, in order; nothing changed. */
const PlanSteps = v.array(Loose);
const PublicError = v.object({ kind: Str, message: Str, hint: OptStr });

/** containerize_app: the proposal (and, with write, what was written). */
export const ContainerizeAppOutput = v.object({
  container_port: v.number(),
  base_image: Str,
  app_path: Str,
  build_context: OptStr,
  detection: recordOf<Detection>(),
  health_check_path: Str,
  dockerfile: v.optional(v.object({ path: Str, exists: v.boolean(), content: Str, reasons: v.array(Str) })),
  dockerignore: v.optional(v.object({ path: Str, exists: v.boolean(), content: Str })),
  existing_dockerfile: OptStr,
  warnings: v.array(Str),
  guidance: recordOf<ReturnType<typeof guidanceFor>>(),
  dry_run: v.optional(v.boolean()),
  would_write: v.optional(v.array(Str)),
  written: v.optional(v.array(Str)),
  skipped: v.optional(v.array(Str)),
});

const BuildPlan = v.object({
  dry_run: v.boolean(),
  stack_name: Str,
  repository_name: Str,
  role_name: Str,
  image_tag: Str,
  platform: Str,
  app_path: Str,
  plan: PlanSteps,
});
const BuildResult = v.object({
  repository_uri: Str,
  image_tag: Str,
  full_image_uri: Str,
  ecr_push_pull_role_arn: Str,
  stack_name: Str,
  image_digest: Str,
  stack_operation: Str,
  container_runtime: Str,
  platform: Str,
});
/** build_and_push_image_to_ecr: the pushed image, or the plan of a dry run. */
export const BuildAndPushOutput = v.union([BuildResult, BuildPlan]);

/** validate_ecs_express_mode_prerequisites. */
export const ValidatePrerequisitesOutput = v.object({
  valid: v.boolean(),
  errors: v.array(Str),
  warnings: v.array(Str),
  details: v.object({
    execution_role: shapeOf<RoleCheck>(),
    infrastructure_role: shapeOf<RoleCheck>(),
    image: shapeOf<ImageCheck>(),
  }),
});

/** wait_for_service_ready. */
export const WaitForServiceReadyOutput = v.object({
  status: v.picklist(["success", "timeout", "failed"]),
  message: Str,
  cluster: Str,
  service_name: Str,
  outcome: v.optional(v.string()),
  running_count: v.optional(v.number()),
  desired_count: v.optional(v.number()),
  pending_count: v.optional(v.number()),
  rollout_state: OptStr,
  deployment: v.optional(v.object({ arn: OptStr, status: OptStr, reason: OptStr, rollback_reason: OptStr })),
  waiting_for: OptStr,
  elapsed_seconds: v.number(),
  polls: v.number(),
  url: OptStr,
  events: v.optional(v.array(v.object({ created_at: OptStr, message: OptStr }))),
  stopped_tasks: v.optional(v.array(shapeOf<StoppedTask>())),
  notes: v.optional(v.pipe(v.array(Str), v.readonly())),
});

const DeleteResult = v.object({
  service_deletion: shapeOf<ServiceDeletion>(),
  ecr_deletion: shapeOf<EcrDeletion>(),
  summary: v.object({
    status: v.picklist(["success", "partial", "failed"]),
    message: Str,
    service_status: OptStr,
    ecr_status: OptStr,
    deleted_resources: v.array(Str),
  }),
  errors: v.array(Str),
});
/** delete_app: what was deleted, or the plan of a dry run. */
export const DeleteAppOutput = v.union([DeleteResult, v.object({ dry_run: v.boolean(), plan: PlanSteps })]);

const Steps = v.array(v.object({ step: Str, status: Str, detail: OptStr }));
/** deploy_app: success with the URL, a failed step with its diagnosis, or the plan of a dry run. */
export const DeployAppOutput = v.union([
  v.object({
    status: v.literal("success"),
    app_name: Str,
    url: OptStr,
    message: Str,
    service_arn: OptStr,
    service_name: Str,
    cluster: Str,
    full_image_uri: Str,
    image_digest: Str,
    running_count: v.optional(v.number()),
    steps: Steps,
  }),
  v.object({
    status: v.literal("failed"),
    app_name: Str,
    failed_step: Str,
    error: PublicError,
    diagnosis: v.optional(recordOf<PrerequisitesResult | WaitDiagnosis>()),
    steps: Steps,
    full_image_uri: OptStr,
    hint: Str,
  }),
  v.object({ dry_run: v.boolean(), app_name: Str, image_tag: Str, steps: PlanSteps }),
]);

/** What `containerize_app` returns. */
export type ContainerizeAppResult = v.InferOutput<typeof ContainerizeAppOutput>;
/** What `deploy_app` returns: success, a failed step with its diagnosis, or a dry run's plan. */
export type DeployAppResult = v.InferOutput<typeof DeployAppOutput>;
