// Creates or updates the `<app>-ecr-infrastructure` stack and waits for it, recovering from rolled-back creates.
import { err, errAsync, ok, okAsync, type Result, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { namesFor } from "../appName.ts";
import { ECR_TEMPLATE_BODY } from "../ecrTemplate.ts";
import { checkStackNames } from "./checkStackNames.ts";
import { isMissingStack, type SettledStack, waitForStack } from "./waitForStack.ts";

/** The stack operation and what it produced. */
export interface EcrStack {
  readonly stack_name: string;
  readonly stack_id?: string;
  readonly operation: "create" | "update" | "no_update_required" | "recreate";
  readonly status: string;
  readonly repository_name: string;
  readonly repository_uri: string;
  /** The real name is `<app>-ecr-role` (the reference's delete output calls it `-ecr-push-pull-role`). */
  readonly role_name: string;
  readonly role_arn: string;
}

/** CreateStack/UpdateStack parameters (also shown by dry runs). */
export const ecrStackParams = (app: string) => ({
  StackName: namesFor(app).stack,
  TemplateBody: ECR_TEMPLATE_BODY,
  Capabilities: ["CAPABILITY_NAMED_IAM" as const],
  Parameters: [{ ParameterKey: "AppName", ParameterValue: app }],
});

/**
 * Makes the ECR stack exist in its current template version: creates it, updates it ("No updates are to be
 * performed" counts as done), waits for in-progress operations first, and deletes a stack stuck in
 * ROLLBACK_COMPLETE (which can never be updated) before creating it again.
 */
export const ensureEcrStack = (ctx: ToolContext, app: string): ResultAsync<EcrStack, EcsError> => {
  const names = namesFor(app);
  const params = ecrStackParams(app);
  const describe = () =>
    ctx
      .aws("cloudformation", "DescribeStacks", { StackName: names.stack })
      .map((o) => o.Stacks?.[0]?.StackStatus)
      .orElse((e) => (isMissingStack(e) ? okAsync(undefined) : errAsync(e)));
  const create = (operation: EcrStack["operation"]) =>
    safeTry(async function* () {
      const since = new Date();
      ctx.progress({ progress: 0, message: `Creating stack ${names.stack}` });
      yield* checkStackNames(ctx, app);
      yield* ctx.aws("cloudformation", "CreateStack", params);
      return finish(yield* waitForStack(ctx, names.stack, "create", since), operation);
    });
  const update = () =>
    safeTry(async function* () {
      const since = new Date();
      ctx.progress({ progress: 0, message: `Updating stack ${names.stack}` });
      const op = yield* ctx
        .aws("cloudformation", "UpdateStack", params)
        .map(() => "update" as const)
        .orElse((e) =>
          e.kind === "aws" && /No updates are to be performed/i.test(e.message)
            ? okAsync("no_update_required" as const)
            : errAsync(e),
        );
      return finish(yield* waitForStack(ctx, names.stack, op === "update" ? "update" : "settle", since), op);
    });
  const finish = (s: SettledStack, operation: EcrStack["operation"]): Result<EcrStack, EcsError> => {
    const uri = s.outputs.ECRRepositoryURI;
    const role = s.outputs.ECRPushPullRoleArn;
    if (!uri || !role)
      return err(
        ecsError("aws", {
          service: "cloudformation",
          operation: "DescribeStacks",
          code: "MissingOutputs",
          retryable: false,
          message: `Stack ${names.stack} (${s.status}) has no ECRRepositoryURI/ECRPushPullRoleArn outputs.`,
          hint: `The stack was not created by this tool. Delete it (or pick another app_name) and run again.`,
        }),
      );
    return ok({
      stack_name: names.stack,
      stack_id: s.stackId,
      operation,
      status: s.status,
      repository_name: s.outputs.ECRRepositoryName || names.repository,
      repository_uri: uri,
      role_name: role.split("/").pop() ?? names.role,
      role_arn: role,
    });
  };
  return safeTry(async function* () {
    let status: string | undefined = yield* describe();
    if (status?.endsWith("_IN_PROGRESS")) {
      const settled = yield* waitForStack(ctx, names.stack, "settle", new Date());
      status = settled.status === "DELETE_COMPLETE" ? undefined : settled.status;
    }
    if (status === undefined) return create("create");
    if (status === "ROLLBACK_COMPLETE" || status === "ROLLBACK_FAILED" || status === "CREATE_FAILED") {
      ctx.progress({ progress: 0, message: `Stack ${names.stack} is ${status}: deleting it before creating it again` });
      const since = new Date();
      yield* ctx.aws("cloudformation", "DeleteStack", { StackName: names.stack });
      yield* waitForStack(ctx, names.stack, "delete", since);
      return create("recreate");
    }
    return update();
  });
};
