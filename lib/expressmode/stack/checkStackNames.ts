// Before the ECR stack is created: the repository and role names it will create must not be taken outside of it.
import { errAsync, okAsync, ResultAsync } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { namesFor } from "../appName.ts";

const absent = (e: EcsError) =>
  e.kind === "aws" && /^(RepositoryNotFoundException|NoSuchEntity)/.test(e.code) ? okAsync(false) : errAsync(e);

/**
 * CloudFormation fails a create whose named resources already exist ("Resource of type 'AWS::ECR::Repository' with
 * identifier '<app>-repo' already exists"), minutes later and after a rollback. This asks first
 * (ecr:DescribeRepositories, iam:GetRole) and names what is taken. Nothing is deleted: a repository that exists outside
 * the stack may hold the user's images. Read errors other than "not found" (a denied read) let the create decide.
 */
export const checkStackNames = (ctx: ToolContext, app: string): ResultAsync<void, EcsError> => {
  const names = namesFor(app);
  const repo = ctx
    .aws("ecr", "DescribeRepositories", { repositoryNames: [names.repository] })
    .map((o) => (o.repositories ?? []).some((r) => r.repositoryName === names.repository))
    .orElse(absent)
    .orElse((e) => (e.kind === "cancelled" ? errAsync(e) : okAsync(false)));
  const role = ctx
    .aws("iam", "GetRole", { RoleName: names.role })
    .map(() => true)
    .orElse(absent)
    .orElse((e) => (e.kind === "cancelled" ? errAsync(e) : okAsync(false)));
  return ResultAsync.combine([repo, role] as const).andThen(([repoTaken, roleTaken]) => {
    const taken = [
      ...(repoTaken ? [`ECR repository ${names.repository}`] : []),
      ...(roleTaken ? [`IAM role ${names.role}`] : []),
    ];
    if (taken.length === 0) return okAsync(undefined);
    return errAsync(
      ecsError("conflict", {
        resource: taken.join(", "),
        message: `The ${names.stack} stack would create ${taken.join(" and ")}, which already exist${taken.length === 1 ? "s" : ""} outside of it; CloudFormation would fail and roll back.`,
        hint: `Choose another app_name (its stack, repository and role are named after it), or use what exists: ${repoTaken ? `push your image to ${names.repository} yourself and deploy it by URI (validate_ecs_express_mode_prerequisites, then ecs_resource_management CreateExpressGatewayService)` : `remove or rename the role ${names.role} if nothing uses it`}. ecs-assistant does not delete a repository or role it did not create.`,
      }),
    );
  });
};
