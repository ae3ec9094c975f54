// One look at a delete_app under way, from AWS alone: where the service and the ECR stack stand now. A task's status
// check (a `tasks/get` on any replica) uses it; the deletion itself is deleteApp.
import { errAsync, okAsync, type ResultAsync, safeTry } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { namesFor } from "../appName.ts";
import type { DeleteAppInput } from "../schemas.ts";
import { isMissingStack } from "../stack/waitForStack.ts";
import type { DeleteAppResult } from "./deleteApp.ts";
import { summariseDeletion } from "./deleteApp.ts";
import type { EcrDeletion } from "./deleteEcrStack.ts";
import { isGone, type ServiceDeletion } from "./deleteExpressService.ts";

/** Still under way (with what it waits for), or finished with the result delete_app returns. */
export type DeletionCheck =
  | { readonly done: false; readonly message: string; readonly progress: number }
  | { readonly done: true; readonly result: DeleteAppResult };

/**
 * Reads DescribeExpressGatewayService and DescribeStacks (and ListImages when the stack stays because of images):
 * finished when both are gone, or when the service is gone and the stack is kept for its images (no force).
 * Read-only: it never sends a write.
 */
export const checkAppDeletion = (input: DeleteAppInput, ctx: ToolContext): ResultAsync<DeletionCheck, EcsError> =>
  safeTry(async function* () {
    const names = namesFor(input.app_name);
    const serviceStatus = yield* ctx
      .aws("ecs", "DescribeExpressGatewayService", { serviceArn: input.service_arn })
      .map((o) => (o.service?.status?.statusCode as string | undefined) ?? "INACTIVE")
      .orElse((e) => (isGone(e) ? okAsync("INACTIVE") : errAsync(e)));
    if (serviceStatus !== "INACTIVE")
      return okAsync<DeletionCheck, EcsError>({
        done: false,
        progress: 0,
        message: `Express service ${input.service_arn.split("/").pop()}: ${serviceStatus}`,
      });
    const stackStatus = yield* ctx
      .aws("cloudformation", "DescribeStacks", { StackName: names.stack })
      .map((o) => o.Stacks?.[0]?.StackStatus ?? "DELETE_COMPLETE")
      .orElse((e) => (isMissingStack(e) ? okAsync("DELETE_COMPLETE") : errAsync(e)));
    const service: ServiceDeletion = {
      status: "deleted",
      service_arn: input.service_arn,
      message: "Express Gateway Service deleted successfully",
    };
    if (stackStatus === "DELETE_COMPLETE") {
      const ecr: EcrDeletion = {
        status: "deleted",
        stack_name: names.stack,
        message: `ECR stack ${names.stack} deleted successfully`,
        deleted_resources: [
          `ECR repository: ${names.repository}`,
          `IAM role: ${names.role}`,
          `KMS key alias: ${names.kmsAlias}`,
        ],
      };
      return okAsync({ done: true as const, result: summariseDeletion(input, service, ecr) });
    }
    if (stackStatus.endsWith("_IN_PROGRESS"))
      return okAsync({
        done: false as const,
        progress: 1,
        message: `Service: deleted; stack ${names.stack}: ${stackStatus}`,
      });
    if (stackStatus === "DELETE_FAILED") {
      const ecr: EcrDeletion = {
        status: "failed",
        stack_name: names.stack,
        error: `Stack ${names.stack} ended in DELETE_FAILED.`,
      };
      return okAsync({ done: true as const, result: summariseDeletion(input, service, ecr) });
    }
    // The stack stands: kept for its images (no force), as deleteEcrStack decides, or not deleted yet.
    const count = yield* ctx
      .aws("ecr", "ListImages", { repositoryName: names.repository, maxResults: 100 })
      .map((o) => o.imageIds?.length ?? 0)
      .orElse(() => okAsync(0));
    if (count > 0 && !input.force) {
      const ecr: EcrDeletion = {
        status: "has_images",
        stack_name: names.stack,
        image_count: count,
        error: `ECR repository ${names.repository} still holds ${count >= 100 ? "100 or more" : count} image(s); the stack was not deleted. Call delete_app again with force: true to delete the repository and its images.`,
      };
      return okAsync({ done: true as const, result: summariseDeletion(input, service, ecr) });
    }
    return okAsync({
      done: false as const,
      progress: 1,
      message: `Service: deleted; stack ${names.stack}: ${stackStatus}`,
    });
  });
