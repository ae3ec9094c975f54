// The buildAndPushTool declaration (one tool, one file; lib/expressmode/tools/index.ts lists it).
import { defineTool } from "../../defineTool.ts";
import { runLazily } from "../../util/runLazily.ts";
import { BUILD_IAM } from "../iamActions.ts";
import { BuildAndPushOutput } from "../outputs.ts";
import { BuildAndPushInput } from "../schemas.ts";

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
  run: runLazily(() => import("../build/buildAndPushImage.ts").then((m) => m.buildAndPushImage)),
});
