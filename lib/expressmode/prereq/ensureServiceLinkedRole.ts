// The ECS service-linked role (AWSServiceRoleForECS): checked before the first cluster/service, created when missing.
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";

/** What was found: the role exists, was created now, or could not be read (the write will tell). */
export type ServiceLinkedRoleState = "exists" | "created" | "unknown";

const ROLE = "AWSServiceRoleForECS";

const missing = (e: EcsError) => e.kind === "aws" && /^NoSuchEntity/.test(e.code);

/**
 * ECS creates AWSServiceRoleForECS on first use, but a first CreateCluster/CreateService in an account can fail with
 * "Unable to assume the service linked role" (public reports in test/fixtures/aws-error-messages/SOURCES.md). Reads it
 * with iam:GetRole; when it is missing, creates it (iam:CreateServiceLinkedRole, ecs.amazonaws.com). A just-created
 * role takes seconds to propagate: the writes after it retry within the IAM budget. A denied create fails at once.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html
 */
export const ensureServiceLinkedRole = (ctx: ToolContext): ResultAsync<ServiceLinkedRoleState, EcsError> =>
  ctx
    .aws("iam", "GetRole", { RoleName: ROLE })
    .map((): ServiceLinkedRoleState => "exists")
    .orElse((e): ResultAsync<ServiceLinkedRoleState, EcsError> => {
      if (e.kind === "cancelled") return errAsync(e);
      if (!missing(e)) return okAsync("unknown");
      ctx.progress({
        progress: 0,
        message: `Creating the ECS service-linked role ${ROLE} (first ECS use in this account)`,
      });
      return ctx
        .aws("iam", "CreateServiceLinkedRole", { AWSServiceName: "ecs.amazonaws.com" })
        .map((): ServiceLinkedRoleState => "created")
        .orElse((c) =>
          // Created meanwhile by ECS or another run: "Service role name AWSServiceRoleForECS has been taken in this account".
          c.kind === "aws" && /has been taken|already exists/i.test(c.message)
            ? okAsync("exists" as const)
            : errAsync(c),
        );
    });
