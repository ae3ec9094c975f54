// build_and_push_image_to_ecr: ECR stack → immutable-tag check → login → build → push → digest verified with DescribeImages.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { errAsync, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, ecsError, validationError } from "../../errors.ts";
import { resolveAppPath } from "../../security/paths.ts";
import type { ToolContext } from "../../tool.ts";
import { namesFor } from "../appName.ts";
import { detectRuntime } from "../runtime/detectRuntime.ts";
import type { BuildAndPushInput } from "../schemas.ts";
import { type EcrStack, ensureEcrStack } from "../stack/ensureEcrStack.ts";
import { buildContextOf } from "./buildContext.ts";
import { buildImage } from "./buildImage.ts";
import { buildPlan } from "./buildPlan.ts";
import { ecrLogin } from "./ecrLogin.ts";
import { pushImage } from "./pushImage.ts";

/** The reference's result fields plus the verified digest and what happened on the way. */
export interface BuildAndPushResult {
  readonly repository_uri: string;
  readonly image_tag: string;
  readonly full_image_uri: string;
  readonly ecr_push_pull_role_arn: string;
  readonly stack_name: string;
  readonly image_digest: string;
  readonly stack_operation: EcrStack["operation"];
  readonly container_runtime: string;
  readonly platform: string;
}

const step = (ctx: ToolContext, n: number, message: string) => ctx.progress({ progress: n, total: 6, message });

/** Fails before any build when the tag already exists: the repository's tags are immutable (§5.3). */
const checkTagFree = (ctx: ToolContext, repository: string, tag: string): ResultAsync<void, EcsError> =>
  ctx
    .aws("ecr", "DescribeImages", { repositoryName: repository, imageIds: [{ imageTag: tag }] })
    .map((o) => (o.imageDetails ?? []).length > 0)
    .orElse((e) => (e.kind === "aws" && e.code === "ImageNotFoundException" ? okAsync(false) : errAsync(e)))
    .andThen((exists) =>
      exists
        ? errAsync(
            validationError(
              [
                {
                  path: "tag",
                  message: `tag '${tag}' already exists in ${repository}, whose tags are immutable`,
                  got: tag,
                },
              ],
              "Pass a new tag (or omit tag to use the current epoch seconds); use the existing image's URI if it is the one you want.",
            ),
          )
        : okAsync(undefined),
    );

/** Reads the pushed image back from ECR; its digest must equal what the runtime pushed. */
const verify = (
  ctx: ToolContext,
  repository: string,
  tag: string,
  pushed: string | undefined,
): ResultAsync<string, EcsError> =>
  ctx.aws("ecr", "DescribeImages", { repositoryName: repository, imageIds: [{ imageTag: tag }] }).andThen((o) => {
    const digest = o.imageDetails?.[0]?.imageDigest;
    if (digest && (!pushed || pushed === digest)) return okAsync(digest);
    return errAsync(
      ecsError("aws", {
        service: "ecr",
        operation: "DescribeImages",
        code: digest ? "DigestMismatch" : "ImageNotFoundAfterPush",
        retryable: !digest,
        message: digest
          ? `ECR reports digest ${digest} for ${repository}:${tag} but the push produced ${pushed}.`
          : `Image tag ${tag} not found in repository ${repository} after the push.`,
        hint: "Another push may have raced this one, or the push went to another registry; check the repository URI and push again with a new tag.",
      }),
    );
  });

/**
 * Takes a folder with a Dockerfile to a pushed, verified image in the app's ECR repository. Checks (path,
 * Dockerfile, runtime) come first so nothing is created in AWS for a call that cannot succeed.
 */
export const buildAndPushImage = (
  input: BuildAndPushInput,
  ctx: ToolContext,
): ResultAsync<BuildAndPushResult | ReturnType<typeof buildPlan>, EcsError> => {
  const path = resolveAppPath(input.app_path, { allowedRoots: ctx.policy.allowedRoots });
  if (path.isErr()) return errAsync(path.error);
  const appPath = path.value;
  if (!existsSync(join(appPath, "Dockerfile")))
    return errAsync(
      ecsError("not_found", {
        resource: join(appPath, "Dockerfile"),
        message: `Dockerfile not found at ${join(appPath, "Dockerfile")}`,
        hint: "Call containerize_app with write: true to write the proposed Dockerfile (or write one), then build again.",
      }),
    );
  const tag = input.tag ?? String(Math.floor(Date.now() / 1000));
  const platform = input.platform ?? ctx.express?.container?.platform ?? "linux/amd64";
  const app = input.app_name;
  if (input.dry_run) return okAsync(buildPlan(ctx, app, appPath, tag, platform));
  const repository = namesFor(app).repository;
  step(ctx, 0, "Detecting the container runtime");
  return safeTry(async function* () {
    const rt = yield* detectRuntime({ ...ctx.express?.container, platform }, ctx.signal);
    step(ctx, 1, `Using ${rt.name}; creating or updating stack ${namesFor(app).stack}`);
    const stack = yield* ensureEcrStack(ctx, app);
    const image = `${stack.repository_uri}:${tag}`;
    step(ctx, 2, `Stack ${stack.status}; checking that tag ${tag} is free and logging in`);
    yield* checkTagFree(ctx, repository, tag);
    yield* ecrLogin(ctx, rt, stack.repository_uri);
    step(ctx, 3, `Building ${image} for ${platform}`);
    // A monorepo app's Dockerfile builds from the workspace root it names (checked against the allowed roots).
    const { context, dockerfile } = buildContextOf(appPath);
    const allowed = yield* resolveAppPath(context, { allowedRoots: ctx.policy.allowedRoots });
    yield* buildImage(ctx, rt, image, allowed, platform, dockerfile);
    step(ctx, 4, `Pushing ${image}`);
    const pushed = yield* pushImage(ctx, rt, image);
    step(ctx, 5, "Verifying the pushed digest with ECR DescribeImages");
    const digest = yield* verify(ctx, stack.repository_name, tag, pushed);
    step(ctx, 6, `Pushed ${image} (${digest})`);
    return ok<BuildAndPushResult>({
      repository_uri: stack.repository_uri,
      image_tag: tag,
      full_image_uri: image,
      ecr_push_pull_role_arn: stack.role_arn,
      stack_name: stack.stack_name,
      image_digest: digest,
      stack_operation: stack.operation,
      container_runtime: rt.name,
      platform,
    });
  });
};
