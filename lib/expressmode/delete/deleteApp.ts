// delete_app: deletes the Express service, waits for it to drain, then deletes the ECR stack; reports each step.
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { namesFor } from "../appName.ts";
import type { DeleteAppInput } from "../schemas.ts";
import { deleteEcrStack, type EcrDeletion } from "./deleteEcrStack.ts";
import { deleteExpressService, type ServiceDeletion } from "./deleteExpressService.ts";

/** The reference's result shape. */
export interface DeleteAppResult {
  readonly service_deletion: ServiceDeletion;
  readonly ecr_deletion: EcrDeletion;
  readonly summary: {
    readonly status: "success" | "partial" | "failed";
    readonly message: string;
    readonly service_status?: string;
    readonly ecr_status?: string;
    readonly deleted_resources: string[];
  };
  readonly errors: string[];
}

/** The plan a dry run returns: the exact write calls, in order. */
export const deletePlan = (input: DeleteAppInput) => ({
  dry_run: true,
  plan: [
    { step: "delete_service", call: "ecs:DeleteExpressGatewayService", params: { serviceArn: input.service_arn } },
    { step: "wait_for_drain", call: "ecs:DescribeExpressGatewayService (poll until INACTIVE)" },
    {
      step: "delete_ecr_stack",
      call: "cloudformation:DeleteStack",
      params: { StackName: namesFor(input.app_name).stack },
      note: input.force
        ? "force: the repository and its images are deleted with the stack"
        : "skipped when the repository still holds images (pass force: true)",
    },
  ],
});

const done = (s: string) => s === "deleted" || s === "not_found";

/**
 * Tears an Express Mode app down. The ECR stack is deleted only after the service is gone (the reference deleted
 * it even when the service deletion failed, pulling the images from under a running service) unless `force`.
 */
export const deleteApp = (
  input: DeleteAppInput,
  ctx: ToolContext,
): ResultAsync<DeleteAppResult | ReturnType<typeof deletePlan>, EcsError> => {
  if (input.dry_run) return okAsync(deletePlan(input));
  const stack = namesFor(input.app_name).stack;
  ctx.progress({ progress: 0, total: 2, message: `Deleting Express service ${input.service_arn}` });
  return deleteExpressService(ctx, input.service_arn).andThen((service) => {
    ctx.progress({ progress: 1, total: 2, message: `Service: ${service.status}; deleting stack ${stack}` });
    const ecr: ResultAsync<EcrDeletion, EcsError> =
      done(service.status) || input.force
        ? deleteEcrStack(ctx, input.app_name, input.force ?? false)
        : okAsync({
            status: "skipped",
            stack_name: stack,
            error: `ECR stack ${stack} was not deleted because the service is not deleted yet (${service.status}); its tasks may still pull the image. Call delete_app again (or with force: true).`,
          });
    return ecr.map((ecr_deletion) => summariseDeletion(input, service, ecr_deletion));
  });
};

/** The delete_app result from the outcome of each step (also rebuilt from AWS by checkAppDeletion). */
export const summariseDeletion = (
  input: DeleteAppInput,
  service: ServiceDeletion,
  ecr: EcrDeletion,
): DeleteAppResult => {
  const errors = [service.error, ecr.error].filter((e): e is string => Boolean(e));
  if (service.status === "draining" && service.message) errors.unshift(service.message);
  const deleted_resources = [
    ...(service.status === "deleted" ? [`Express Gateway Service: ${input.service_arn}`] : []),
    ...(ecr.deleted_resources ?? []),
  ];
  const summary: DeleteAppResult["summary"] =
    errors.length === 0
      ? {
          status: "success",
          message: `Successfully deleted Express Mode deployment for ${input.app_name}`,
          deleted_resources,
        }
      : {
          status: done(service.status) || done(ecr.status) ? "partial" : "failed",
          // Never "completed" when nothing was deleted: the caller would read success into it.
          message:
            done(service.status) || done(ecr.status)
              ? `Deletion partly done, ${errors.length} problem(s) left: see errors`
              : `Nothing was deleted: ${errors.length} problem(s), see errors`,
          service_status: service.status,
          ecr_status: ecr.status,
          deleted_resources,
        };
  return { service_deletion: service, ecr_deletion: ecr, summary, errors };
};
