// Situations of ECS/ECR writes refused because of the state of a resource they name (a deleted service, an inactive
// task definition, a target group no listener uses, a platform version, a name already in use, a quota).

import { capacityProviderRule } from "./capacityProviderRule.ts";
import type { CallContext } from "./hints.ts";
import type { KnownError } from "./knownErrors.ts";
import { taskDefinitionRule } from "./taskDefinitionRule.ts";

type Rule = (code: string, message: string, ctx: CallContext) => KnownError | undefined;

const TARGET_GROUP_ARN = /arn:aws[\w-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[\w-]+\/[0-9a-f]+/;

/**
 * UpdateService/DeleteService on a service that was deleted: ServiceNotActiveException "Service was not ACTIVE."
 * (DRAINING until its tasks stop, then INACTIVE). https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html
 */
const notActive: Rule = (code, message, ctx) => {
  if (ctx.service !== "ecs" || (code !== "ServiceNotActiveException" && !/service was not active/i.test(message)))
    return undefined;
  return {
    situation: "service_not_active",
    hint: /^Delete/.test(ctx.operation)
      ? "The service was already deleted (it is DRAINING or INACTIVE): nothing more to delete. DescribeServices shows its status."
      : `The service was deleted: it is DRAINING or INACTIVE and ${ctx.operation} cannot change it. DescribeServices shows its status; create it again (CreateService, or deploy_app / CreateExpressGatewayService for an Express app) once it is INACTIVE.`,
  };
};

/** A deregistered task definition revision named by UpdateService/CreateService/RunTask ("TaskDefinition is inactive"). */
const inactiveTaskDefinition: Rule = (_code, message, ctx) =>
  ctx.service === "ecs" && /task ?definition (is )?inactive|inactive task ?definition/i.test(message)
    ? {
        situation: "task_definition_inactive",
        hint: "That task definition revision is INACTIVE (deregistered): ECS will not start new tasks from it. Name an ACTIVE revision (ListTaskDefinitions with status ACTIVE; a bare family name picks its latest ACTIVE revision), or register a new one with RegisterTaskDefinition.",
      }
    : undefined;

/** A service given a target group that no listener or rule forwards to yet (created out of order). */
const targetGroupUnattached: Rule = (_code, message, ctx) => {
  if (ctx.service !== "ecs" || !/does not have an associated load balancer/i.test(message)) return undefined;
  const tg = TARGET_GROUP_ARN.exec(message)?.[0];
  return {
    situation: "target_group_unattached",
    hint: `The target group ${tg ?? "given in loadBalancers"} is not used by any load balancer yet: ECS needs a listener (or listener rule) that forwards to it before a service can register targets. Create the listener first (elbv2:CreateListener / CreateRule with a forward action to it), check it with elbv2:DescribeTargetGroups (LoadBalancerArns must not be empty), then retry.`,
  };
};

/** Fargate platform versions: a capability the version lacks (EFS needs 1.4.0) or a version that does not exist. */
const platformVersion: Rule = (code) =>
  code === "PlatformTaskDefinitionIncompatibilityException" || code === "PlatformUnknownException"
    ? {
        situation: "platform_version",
        hint:
          code === "PlatformUnknownException"
            ? 'No Fargate platform version has that name: platformVersion takes a full version such as "1.4.0" (not "1.4") or "LATEST"; Windows tasks use "1.0.0".'
            : 'The Fargate platform version does not support something the task definition uses (EFS volumes, ephemeralStorage and other features need Linux platform version 1.4.0). Pass platformVersion "LATEST" or "1.4.0", or remove the feature.',
      }
    : undefined;

/** Several RegisterTaskDefinition calls for one family at once: transient, a retry a few seconds later succeeds. */
const concurrentRevisions: Rule = (_code, message, ctx) =>
  ctx.service === "ecs" && /too many concurrent attempts/i.test(message)
    ? {
        situation: "concurrent_update",
        retryable: true,
        hint: "Another registration for the same family was in flight. Register revisions of a family one at a time and retry in a few seconds.",
      }
    : undefined;

/** RegisterTaskDefinition with a role ARN ECS cannot use: malformed, another account or partition, or not existing. */
const roleInvalid: Rule = (_code, message, ctx) =>
  ctx.service === "ecs" && /^role is not valid/i.test(message.trim())
    ? {
        situation: "role_invalid",
        hint: "ECS rejected the taskRoleArn or executionRoleArn: check that each is a whole role ARN (arn:<partition>:iam::<account>:role/<name>) of this account and partition and that the role exists (iam:GetRole). A role created moments ago may need a minute to propagate.",
      }
    : undefined;

/** Creates that ECS treats as idempotent by name: the same name with other arguments is refused. */
const idempotentMismatch: Rule = (_code, message, ctx) => {
  if (ctx.service !== "ecs" || !/was not idempotent|idempotent request are inconsistent/i.test(message))
    return undefined;
  const service = /Service/.test(ctx.operation);
  return {
    situation: "already_exists",
    hint: service
      ? "A service with that name already exists in the cluster (ACTIVE, or DRAINING after a delete) with other settings: CreateService is idempotent only with the same arguments. Change it with UpdateService, or wait until the old one is INACTIVE (DescribeServices), or use another serviceName."
      : `A resource with that name already exists with other arguments: ${ctx.operation} is idempotent only when called again with the same arguments. Change the existing one instead (for a cluster: UpdateCluster, UpdateClusterSettings, PutClusterCapacityProviders), or use another name.`,
  };
};

/** ECR DeleteRepository on a repository that still holds images: name it; deleting its images is the user's call. */
const repositoryNotEmpty: Rule = (code, message) => {
  if (code !== "RepositoryNotEmptyException") return undefined;
  const name = /repository with name '([^']+)'/.exec(message)?.[1];
  return {
    situation: "repository_not_empty",
    hint: `The repository ${name ? `"${name}" ` : ""}still holds images. Delete them first (ecr:BatchDeleteImage), or pass force: true to ecr:DeleteRepository (delete_app: force: true) if they are no longer needed.`,
  };
};

/** A per-resource quota ("The maximum number of … has been exceeded", "… exceeds the maximum limit", LimitExceededException). */
const limitExceeded: Rule = (code, message, ctx) => {
  if (
    code !== "LimitExceededException" &&
    !/maximum number of .+ (has been|was) (exceeded|reached)|exceeds? the maximum limit/i.test(message)
  )
    return undefined;
  const fix =
    ctx.operation === "PutClusterCapacityProviders"
      ? "PutClusterCapacityProviders replaces the whole list: send only the capacity providers the cluster should keep."
      : /TaskSet/.test(ctx.operation)
        ? "A service keeps a limited number of task sets: delete the ones no longer needed (DescribeTaskSets, DeleteTaskSet), then retry."
        : "Remove unused resources of that kind, or ask for a higher quota in Service Quotas where the limit is adjustable.";
  return { situation: "limit_exceeded", hint: `An AWS limit was reached (the message names it). ${fix}` };
};

/** The rules of this file, tried in order. */
export const RESOURCE_STATE_RULES: readonly Rule[] = [
  notActive,
  inactiveTaskDefinition,
  targetGroupUnattached,
  platformVersion,
  concurrentRevisions,
  roleInvalid,
  idempotentMismatch,
  repositoryNotEmpty,
  limitExceeded,
  capacityProviderRule,
  taskDefinitionRule,
];
