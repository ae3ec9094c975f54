// Deletes the `<app>-ecr-infrastructure` stack after checking the repository; absent counts as done.
import { errAsync, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { namesFor } from "../appName.ts";
import { isMissingStack, waitForStack } from "../stack/waitForStack.ts";

/** Outcome of the ECR step (reference fields; `has_images` when the repository holds images and force is off). */
export interface EcrDeletion {
  readonly status: "deleted" | "not_found" | "has_images" | "skipped" | "failed";
  readonly stack_name: string;
  readonly message?: string;
  readonly error?: string;
  readonly image_count?: number;
  readonly deleted_resources?: string[];
}

/**
 * Deletes the ECR stack (repository, role, KMS key) and waits for DELETE_COMPLETE. A repository that still holds
 * images is not deleted unless `force` (the images would be lost; a running service may still pull them).
 */
export const deleteEcrStack = (ctx: ToolContext, app: string, force: boolean): ResultAsync<EcrDeletion, EcsError> => {
  const names = namesFor(app);
  const stack_name = names.stack;
  const images = ctx
    .aws("ecr", "ListImages", { repositoryName: names.repository, maxResults: 100 })
    .map((o) => o.imageIds?.length ?? 0)
    .orElse(() => okAsync(0));
  return safeTry(async function* () {
    const status = yield* ctx
      .aws("cloudformation", "DescribeStacks", { StackName: stack_name })
      .map((o) => o.Stacks?.[0]?.StackStatus)
      .orElse((e) => (isMissingStack(e) ? okAsync(undefined) : errAsync(e)));
    if (!status || status === "DELETE_COMPLETE")
      return ok<EcrDeletion>({
        status: "not_found",
        stack_name,
        message: `ECR stack ${stack_name} does not exist (may have been deleted already)`,
      });
    const count = yield* images;
    if (count > 0 && !force)
      return ok<EcrDeletion>({
        status: "has_images",
        stack_name,
        image_count: count,
        error: `ECR repository ${names.repository} still holds ${count >= 100 ? "100 or more" : count} image(s); the stack was not deleted. Call delete_app again with force: true to delete the repository and its images.`,
      });
    const since = new Date();
    yield* ctx.aws("cloudformation", "DeleteStack", { StackName: stack_name });
    yield* waitForStack(ctx, stack_name, "delete", since);
    return ok<EcrDeletion>({
      status: "deleted",
      stack_name,
      message: `ECR stack ${stack_name} deleted successfully`,
      deleted_resources: [
        `ECR repository: ${names.repository}`,
        `IAM role: ${names.role}`,
        `KMS key alias: ${names.kmsAlias}`,
      ],
    });
  }).orElse((e) =>
    e.kind === "cancelled" ? errAsync(e) : okAsync({ status: "failed" as const, stack_name, error: e.message }),
  );
};
