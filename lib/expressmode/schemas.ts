// valibot input schemas of the Express Mode tools (reference parameter names, snake_case).
import * as v from "valibot";
import { arnPartitionProblem } from "../util/arnPartitionProblem.ts";
import { AwsRef } from "../util/awsRefs.ts";
import { secretRefProblem } from "../util/secretRefProblem.ts";
import { AppName } from "./appName.ts";

const AppPath = v.pipe(
  v.string(),
  v.minLength(1, "Path must be a non-empty string"),
  v.description("Absolute path of the application folder."),
);
const Port = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535));
const DryRun = v.optional(
  v.pipe(
    v.boolean(),
    v.description("Return the plan (AWS calls with parameters, templates, commands) without changing anything."),
  ),
);
const Tag = v.pipe(
  v.string(),
  v.regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/,
    "must be a valid image tag (letters, digits, _ . -, up to 128, not starting with . or -)",
  ),
);
const Platform = v.picklist(["linux/amd64", "linux/arm64"]);
const RoleArn = v.pipe(
  v.string(),
  v.regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "must be an IAM role ARN"),
);
/** An ARN whose partition is its region's (arn:aws-cn:…:us-east-1 names nothing in any partition). */
const partitionFits = v.check(
  (s: string) => arnPartitionProblem(s) === undefined,
  (issue: v.CheckIssue<string>) =>
    `ARN ${arnPartitionProblem(String(issue.input)) ?? "has a partition that does not fit its region"}`,
);
const ServiceArn = v.pipe(
  v.string(),
  v.regex(
    /^arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:service\/[\w-]+\/[\w-]+$/,
    "must be an ECS service ARN (arn:aws:ecs:<region>:<account>:service/<cluster>/<service>)",
  ),
  partitionFits,
  v.description("ARN of the Express Gateway Service (from CreateExpressGatewayService or ListServices)."),
);
const ClusterRef = AwsRef.cluster;
const ServiceRef = AwsRef.service;

/** Why an environment variable name is refused (the keys of environment and secrets). */
const ENV_NAME = "must be a variable name: letters, digits and _, not starting with a digit";

/** containerize_app */
export const ContainerizeAppInput = v.strictObject({
  app_path: AppPath,
  port: v.pipe(Port, v.description("Port the container serves on (the Express service's containerPort).")),
  write: v.optional(
    v.pipe(
      v.boolean(),
      v.description("Write the proposed Dockerfile and .dockerignore (needs policy.allowWrite). Default false."),
    ),
  ),
  overwrite: v.optional(v.pipe(v.boolean(), v.description("With write: replace existing files. Default false."))),
  dry_run: DryRun,
});

/** build_and_push_image_to_ecr */
export const BuildAndPushInput = v.strictObject({
  app_name: AppName,
  app_path: AppPath,
  tag: v.optional(
    v.nullable(
      v.pipe(Tag, v.description("Image tag; default: current epoch seconds. Tags are immutable in the repository.")),
    ),
  ),
  platform: v.optional(v.pipe(Platform, v.description("Target platform; default linux/amd64."))),
  dry_run: DryRun,
});

/** validate_ecs_express_mode_prerequisites */
export const ValidatePrerequisitesInput = v.strictObject({
  image_uri: v.pipe(
    v.string(),
    v.minLength(1),
    // ECS takes up to 255 characters before any @digest (ContainerDefinition.image in the ECS API reference).
    v.check((s) => s.split("@")[0]!.length <= 255, "must be at most 255 characters before any @digest (ECS's limit)"),
    v.description("Full image URI with tag or digest (full_image_uri from build_and_push_image_to_ecr)."),
  ),
  execution_role_arn: v.optional(
    v.nullable(v.pipe(RoleArn, v.description("Default: arn:aws:iam::<account>:role/ecsTaskExecutionRole."))),
  ),
  infrastructure_role_arn: v.optional(
    v.nullable(
      v.pipe(RoleArn, v.description("Default: arn:aws:iam::<account>:role/ecsInfrastructureRoleForExpressServices.")),
    ),
  ),
});

/** wait_for_service_ready */
export const WaitForServiceReadyInput = v.strictObject({
  cluster: v.pipe(ClusterRef, v.description("Cluster name or ARN.")),
  service_name: v.pipe(ServiceRef, v.description("Service name or ARN.")),
  timeout_seconds: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3600), v.description("Default 300, at most 3600.")),
    300,
  ),
});

/** delete_app */
export const DeleteAppInput = v.strictObject({
  service_arn: ServiceArn,
  app_name: AppName,
  force: v.optional(
    v.pipe(
      v.boolean(),
      v.description(
        "Delete the ECR repository even when it holds images (and even if the service is not gone yet). Default false.",
      ),
    ),
  ),
  dry_run: DryRun,
});

/** deploy_app */
export const DeployAppInput = v.strictObject({
  app_name: AppName,
  app_path: AppPath,
  port: v.pipe(Port, v.description("Port the app listens on in the container.")),
  tag: v.optional(
    v.pipe(
      Tag,
      v.description("Image tag; default: derived from the source files, so a re-run reuses the pushed image."),
    ),
  ),
  cluster: v.optional(v.pipe(ClusterRef, v.description("Default: default (created when missing).")), "default"),
  service_name: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^[A-Za-z0-9][\w-]{0,254}$/,
        "must be letters, digits, _ and - (starting with a letter or digit, at most 255)",
      ),
      v.description("Default: app_name."),
    ),
  ),
  cpu: v.optional(v.pipe(v.picklist(["256", "512", "1024", "2048", "4096"]), v.description("Task CPU units."))),
  memory: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{3,5}$/, 'must be MiB as digits, e.g. "2048" (not "2GB")'),
      v.description("Task memory in MiB (512-8192 for Express Mode)."),
    ),
  ),
  min_task_count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  max_task_count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  scaling_metric: v.optional(v.picklist(["AVERAGE_CPU", "AVERAGE_MEMORY", "REQUEST_COUNT_PER_TARGET"])),
  scaling_target_value: v.optional(v.pipe(v.number(), v.minValue(1))),
  health_check_path: v.optional(v.pipe(v.string(), v.regex(/^\//, "must start with /"))),
  environment: v.optional(
    v.pipe(
      v.record(v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, ENV_NAME)), v.string()),
      // A task definition holds at most 64 KiB in all (Amazon ECS service quotas, "Task definition size").
      v.check(
        (env) => JSON.stringify(env).length <= 65_536,
        "is larger than the 64 KiB a whole task definition may hold: put large values in S3, SSM or Secrets Manager",
      ),
      v.description("Plain environment variables."),
    ),
  ),
  secrets: v.optional(
    v.pipe(
      v.record(
        v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, ENV_NAME)),
        v.pipe(
          v.string(),
          v.regex(/^arn:aws[\w-]*:(secretsmanager|ssm):/, "must be a Secrets Manager or SSM parameter ARN"),
          // Caught before the service is created: an empty path segment stops every task at start (shared case 02).
          v.rawCheck(({ dataset, addIssue }) => {
            const problem = dataset.typed ? secretRefProblem(dataset.value) : undefined;
            if (problem) addIssue({ message: `the secret reference ${problem}` });
          }),
        ),
      ),
      v.description("Environment variables from Secrets Manager / SSM: name → ARN."),
    ),
  ),
  container_insights: v.optional(
    v.pipe(v.boolean(), v.description("Enable (or disable) Container Insights on the cluster.")),
  ),
  execution_role_arn: v.optional(RoleArn),
  infrastructure_role_arn: v.optional(RoleArn),
  timeout_seconds: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3600), v.description("Wait for readiness; default 600.")),
    600,
  ),
  dry_run: DryRun,
});

/** What containerize_app's code receives: the validated input (the schema applies defaults, once). */
export type ContainerizeAppInput = v.InferOutput<typeof ContainerizeAppInput>;
/** What build_and_push_image_to_ecr's code receives. */
export type BuildAndPushInput = v.InferOutput<typeof BuildAndPushInput>;
/** What validate_ecs_express_mode_prerequisites's code receives. */
export type ValidatePrerequisitesInput = v.InferOutput<typeof ValidatePrerequisitesInput>;
/** What wait_for_service_ready's code receives (timeout_seconds filled in by the schema). */
export type WaitForServiceReadyInput = v.InferOutput<typeof WaitForServiceReadyInput>;
/** What delete_app's code receives. */
export type DeleteAppInput = v.InferOutput<typeof DeleteAppInput>;
/** What deploy_app's code receives. */
export type DeployAppInput = v.InferOutput<typeof DeployAppInput>;

/** Parameter types of the Express tools (what the typed assistant methods accept). */
export type ContainerizeAppParams = v.InferInput<typeof ContainerizeAppInput>;
/** Arguments of `build_and_push_image_to_ecr`. */
export type BuildAndPushParams = v.InferInput<typeof BuildAndPushInput>;
/** Arguments of `validate_ecs_express_mode_prerequisites`. */
export type ValidatePrerequisitesParams = v.InferInput<typeof ValidatePrerequisitesInput>;
/** Arguments of `wait_for_service_ready`. */
export type WaitForServiceReadyParams = v.InferInput<typeof WaitForServiceReadyInput>;
/** Arguments of `delete_app`. */
export type DeleteAppParams = v.InferInput<typeof DeleteAppInput>;
/** Arguments of `deploy_app`. */
export type DeployAppParams = v.InferInput<typeof DeployAppInput>;
