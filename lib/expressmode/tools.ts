// The Express Mode capability: its tools (declared once), instructions and prompts. Data only; no MCP types.
import { ok } from "neverthrow";
import type * as v from "valibot";
import { defineCapability } from "../capability.ts";
import { defineTool } from "../defineTool.ts";
import { buildAndPushImage } from "./build/buildAndPushImage.ts";
import { containerizeApp } from "./containerize/containerizeApp.ts";
import { checkAppDeletion } from "./delete/checkAppDeletion.ts";
import { deleteApp } from "./delete/deleteApp.ts";
import { deployApp } from "./deploy/deployApp.ts";
import { BUILD_IAM, CONTAINERIZE_IAM, DELETE_IAM, DEPLOY_IAM, PREREQ_IAM, WAIT_IAM } from "./iamActions.ts";
import { pollingOf } from "./options.ts";
import {
  BuildAndPushOutput,
  ContainerizeAppOutput,
  DeleteAppOutput,
  DeployAppOutput,
  ValidatePrerequisitesOutput,
  WaitForServiceReadyOutput,
} from "./outputs.ts";
import { validatePrerequisites } from "./prereq/validatePrerequisites.ts";
import { PROMPTS } from "./prompts.ts";
import {
  BuildAndPushInput,
  ContainerizeAppInput,
  DeleteAppInput,
  DeployAppInput,
  ValidatePrerequisitesInput,
  WaitForServiceReadyInput,
} from "./schemas.ts";
import { checkServiceReady, freshWaitState } from "./service/checkServiceReady.ts";
import { waitForServiceReady } from "./service/waitForServiceReady.ts";

/** `containerize_app`: read-only analysis; writing the files is opt-in and then needs allowWrite. */
export const containerizeAppTool = defineTool({
  name: "containerize_app",
  title: "Containerize an application",
  description: `Analyse an application folder (read-only) and propose a Dockerfile and .dockerignore for it.
Detects the stack (Node npm/yarn/pnpm with Express/Next.js/NestJS/Fastify, Python pip/poetry/uv with Flask/FastAPI/Django, Go, Java Maven/Gradle/Spring Boot, Ruby Rails/Sinatra, .NET, PHP, static sites), the start command, build step, the port the code listens on (warns when it differs from port) and health routes.
Returns container_port, base_image, guidance (reference fields), plus detection, dockerfile {content, reasons}, dockerignore and warnings.
write: true writes the files (needs policy.allowWrite); existing files are kept unless overwrite: true.`,
  input: ContainerizeAppInput,
  output: ContainerizeAppOutput,
  access: {
    upTo: "write",
    of: (i) => ok({ name: "containerize_app", access: i.write ? "write" : "read", sensitive: false }),
  },
  dryRun: true,
  idempotent: true,
  localOnly: true,
  iamActions: CONTAINERIZE_IAM,
  run: (i, ctx) => containerizeApp(i, ctx).map((o) => o as v.InferOutput<typeof ContainerizeAppOutput>),
});

/** `build_and_push_image_to_ecr`. */
export const buildAndPushTool = defineTool({
  name: "build_and_push_image_to_ecr",
  title: "Build and push an image to ECR",
  description: `Create or update the ECR stack <app_name>-ecr-infrastructure (repository <app_name>-repo with immutable tags, scan on push, lifecycle policy; role <app_name>-ecr-role), build the image in app_path (needs a Dockerfile: use containerize_app), push it and verify its digest.
Uses docker, finch or podman (detected); builds linux/amd64 unless platform is set. Progress is reported per step and build line.
Returns repository_uri, image_tag, full_image_uri, ecr_push_pull_role_arn, stack_name, image_digest. Requires policy.allowWrite (dry_run: true shows the plan without it).`,
  input: BuildAndPushInput,
  output: BuildAndPushOutput,
  access: "write",
  dryRun: true,
  iamActions: BUILD_IAM,
  run: buildAndPushImage,
});

/** `validate_ecs_express_mode_prerequisites`. */
export const validatePrerequisitesTool = defineTool({
  name: "validate_ecs_express_mode_prerequisites",
  title: "Validate Express Mode prerequisites",
  description: `Check what CreateExpressGatewayService needs: the task execution role (default ecsTaskExecutionRole: trusted by ecs-tasks.amazonaws.com, AmazonECSTaskExecutionRolePolicy attached), the infrastructure role (default ecsInfrastructureRoleForExpressServices: trusted by ecs.amazonaws.com, AmazonECSInfrastructureRoleforExpressGatewayServices attached) and the image (ECR by tag or digest). Checks run in parallel.
Returns valid, errors (each with the fix), warnings and details.`,
  input: ValidatePrerequisitesInput,
  output: ValidatePrerequisitesOutput,
  access: "read",
  iamActions: PREREQ_IAM,
  run: (i, ctx) => validatePrerequisites(i, ctx),
});

/** `wait_for_service_ready`. */
export const waitForServiceReadyTool = defineTool({
  name: "wait_for_service_ready",
  title: "Wait for a service to be ready",
  description: `Poll an ECS service until its current deployment finished or timeout_seconds (default 300, max 3600) passes. Ready = the service deployment completed (not just running == desired: canaries keep old tasks running), the load balancer/target group/certificate ECS manages are provisioned, and every desired task runs. A circuit-breaker or alarm rollback is a failure, also when it already finished and the service is stable on the old revision. Sends a progress notification each poll.
Returns status (success/timeout/failed), message, outcome on failure (rolled_back, rollback_failed, stopped, failed, resources_failed, service_gone), the deployment's status and reason, counts, the public URL for Express services, on timeout what it was still waiting for, and on failure the last service events and stopped-task reasons.`,
  input: WaitForServiceReadyInput,
  output: WaitForServiceReadyOutput,
  access: "read",
  iamActions: WAIT_IAM,
  run: (i, ctx) => waitForServiceReady(i, ctx),
  // A task's status from AWS: one poll judged as the wait judges it, timed from when the wait began.
  status: (i, ctx, startedAt) =>
    checkServiceReady(i, ctx, {}, freshWaitState(startedAt, pollingOf(ctx.express).serviceIntervalMs)).map((c) =>
      c.done ? { done: true as const, value: c.result } : { done: false as const, ...c.progress },
    ),
});

/** `delete_app`. */
export const deleteAppTool = defineTool({
  name: "delete_app",
  title: "Delete an Express Mode app",
  description: `Delete an Express Mode deployment: the Express Gateway Service (waits until it has drained), then the ECR stack <app_name>-ecr-infrastructure (repository <app_name>-repo, role <app_name>-ecr-role, KMS key).
Already-deleted resources count as done. A repository that still holds images is kept unless force: true.
Returns service_deletion, ecr_deletion, summary, errors. Destructive: requires policy.allowWrite.`,
  input: DeleteAppInput,
  output: DeleteAppOutput,
  access: "destructive",
  dryRun: true,
  iamActions: DELETE_IAM,
  run: deleteApp,
  // A task's status from AWS: where the service and the ECR stack stand (the deletion runs in the calling process).
  status: (i, ctx) =>
    checkAppDeletion(i, ctx).map((c) =>
      c.done
        ? { done: true as const, value: c.result }
        : { done: false as const, message: c.message, progress: c.progress, total: 2 },
    ),
});

/** `deploy_app` (new). */
export const deployAppTool = defineTool({
  name: "deploy_app",
  title: "Deploy an app to ECS Express Mode",
  description: `The whole path in one call: write a Dockerfile if missing → build and push to ECR → validate roles and image → create the cluster if missing (Container Insights optional) → CreateExpressGatewayService (or update it) → wait until ready → the public URL.
Options: cpu, memory, min/max task count, scaling metric and target, health check path, environment, secrets (ARNs), cluster, roles.
Success = the deployment this call started completed and the running revision has the requested image, cpu, memory, port and environment. A rollback is a failure (error kind deployment_failed, outcome rolled_back: the OLD version runs) with stopped-task reasons and a diagnosis; error kind timeout only when the wait ran out of time. A re-run compares with the revision the service actually runs and refuses (kind conflict) while a rollout is in progress.
Progress per step. Re-running after a failure resumes (finished steps are skipped). On failure: the failed step, the error and a diagnosis. Requires policy.allowWrite; dry_run: true returns the full plan without changes.`,
  input: DeployAppInput,
  output: DeployAppOutput,
  access: "write",
  dryRun: true,
  iamActions: DEPLOY_IAM,
  run: (i, ctx) => deployApp(i, ctx).map((o) => o as v.InferOutput<typeof DeployAppOutput>),
});

/** The Express Mode capability: tools in the reference's order, then deploy_app. */
export const EXPRESS_MODE = defineCapability({
  id: "expressmode",
  settings: ["container", "polling"],
  instructions: `Deploying (writes need policy.allowWrite = true):
- In one call: deploy_app(app_name, app_path, port) writes a Dockerfile if missing, builds and pushes the image, validates the roles, creates the cluster and the Express service (or updates it), waits until it is ready and returns the public URL. dry_run: true returns the plan; after a failure it names the failed step with a diagnosis, and calling it again resumes.
- Step by step:
1. containerize_app(app_path, port): inspects the project and proposes a Dockerfile; write it before building.
2. build_and_push_image_to_ecr(app_name, app_path): creates the ECR repository (CloudFormation stack <app_name>-ecr-infrastructure), builds and pushes the image, returns full_image_uri.
3. validate_ecs_express_mode_prerequisites(image_uri): checks the task execution role, the infrastructure role and the image.
4. ecs_resource_management(api_operation="CreateExpressGatewayService", api_params={primaryContainer:{image:<full_image_uri>, containerPort:<port>}, executionRoleArn:"arn:aws:iam::<account>:role/ecsTaskExecutionRole", infrastructureRoleArn:"arn:aws:iam::<account>:role/ecsInfrastructureRoleForExpressServices"}). Optional: serviceName, cluster, cpu ("256".."4096"), memory ("512".."8192"), scalingTarget {minTaskCount, maxTaskCount, autoScalingMetric, autoScalingTargetValue}, healthCheckPath, environment, tags.
5. wait_for_service_ready(cluster, service_name) until the tasks run.
6. ecs_resource_management("DescribeExpressGatewayService", {serviceArn}) for status and the public URL; tell the user: "Once the service is up and running, your application will be accessible at: <URL>".
Clean up with delete_app(service_arn, app_name).
Express Mode provisions the load balancer, target group, security groups, HTTPS endpoint and autoscaling for you.`,
  prompts: PROMPTS,
  tools: [
    containerizeAppTool,
    buildAndPushTool,
    validatePrerequisitesTool,
    deleteAppTool,
    waitForServiceReadyTool,
    deployAppTool,
  ],
});
