// Situations recognised from an AWS error's (service, operation, code, message), each with the hint that fixes it.
import type { AwsSituation } from "../errors.ts";
import { expressManagedHint } from "./expressManagedHint.ts";
import type { CallContext } from "./hints.ts";
import { RESOURCE_STATE_RULES } from "./resourceStateRules.ts";

/** A recognised situation: a name programs can act on (waits retry some of them) and the hint for people. */
export interface KnownError {
  readonly situation: AwsSituation;
  readonly hint: string;
  /** Set when a retry of the same call may succeed (a transient refusal AWS does not mark as retryable). */
  readonly retryable?: boolean;
}

const SERVICE_ARN = /arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:service\/[\w.-]+(?:\/[\w.-]+)?/;
const ROLE_ARN = /arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+[\w+=,.@-]/;

/** The last path segment of an ARN (`service/default/my-app` → `my-app`). */
const nameOf = (arn: string) => arn.split("/").pop() ?? arn;

/**
 * ECS answers DeleteService/UpdateService on an Express Mode service with InvalidParameterException naming
 * `ResourceManagementType=ECS` (shared case 11); such services are changed with the Express Gateway API.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html
 */
const expressManaged = (code: string, message: string, ctx: CallContext): KnownError | undefined => {
  if (ctx.service !== "ecs" || code !== "InvalidParameterException") return undefined;
  if (!/ResourceManagementType\s*=?\s*ECS|managed by (Amazon )?ECS|Express ?(Gateway|Mode)? service/i.test(message))
    return undefined;
  return {
    situation: "express_managed_service",
    hint: expressManagedHint(ctx.operation, SERVICE_ARN.exec(message)?.[0]),
  };
};

/**
 * A deleted service stays DRAINING until its tasks stop, then INACTIVE; a same-name create is refused meanwhile
 * ("Unable to Start a service that is still Draining."), and a second delete answers ServiceNotActiveException.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteService.html
 */
const draining = (_code: string, message: string, ctx: CallContext): KnownError | undefined => {
  if (ctx.service !== "ecs" || !/still draining|in DRAINING status|is DRAINING|status DRAINING/i.test(message))
    return undefined;
  const arn = SERVICE_ARN.exec(message)?.[0];
  const name = arn ? `The service ${nameOf(arn)}` : "A same-name service";
  return {
    situation: "service_draining",
    hint: /^Delete/.test(ctx.operation)
      ? `${name} is already being deleted (DRAINING): nothing more to do. It becomes INACTIVE once its tasks have stopped.`
      : `${name} was deleted and is still DRAINING; ECS refuses to create a service with that name until it is INACTIVE (usually a few minutes). Wait and retry (DescribeServices shows the status; deploy_app waits for it), or use another name.`,
  };
};

/** First ECS use in an account: the service-linked role AWSServiceRoleForECS does not exist yet (or is propagating). */
const serviceLinkedRole = (_code: string, message: string, ctx: CallContext): KnownError | undefined =>
  ctx.service === "ecs" && /service[- ]linked role/i.test(message) && /assume|exist/i.test(message)
    ? {
        situation: "service_linked_role_missing",
        hint: "The account has no usable ECS service-linked role (AWSServiceRoleForECS) yet, as on the first ECS deployment in an account, or it was created moments ago and IAM has not propagated it. Create it once with `aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com` (deploy_app creates it when writes are allowed), wait a few seconds and retry.",
      }
    : undefined;

/**
 * ECS could not assume a role passed to it. For a role created moments ago this is IAM eventual consistency
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency);
 * it concerns that role (its trust policy, its propagation), not the caller's permissions.
 */
const cannotAssume = (_code: string, message: string, ctx: CallContext): KnownError | undefined => {
  if (ctx.service === "sts" || ctx.service === "iam") return undefined;
  const matches =
    /unable to assume (the )?role|cannot assume (the )?role|could not assume (the )?role|was unable to assume|verify that the ECS service role being passed has the proper permissions/i.test(
      message,
    ) || /not authorized to perform:? sts:AssumeRole/i.test(message);
  if (!matches || /service[- ]linked role/i.test(message)) return undefined;
  const role = ROLE_ARN.exec(message)?.[0];
  const kind = roleKind(role, ctx.operation);
  return {
    situation: "iam_propagation",
    hint: `ECS could not assume ${kind}${role ? ` ${role}` : ""}. If that role was created or changed in the last minutes, IAM has not propagated it yet: retry within about two minutes (deploy_app and the Express writes retry this themselves). If it persists, the role's trust policy must allow ${kind.includes("execution") ? "ecs-tasks.amazonaws.com" : "ecs.amazonaws.com"} to call sts:AssumeRole (validate_ecs_express_mode_prerequisites checks it). This is about the role, not about your credentials.`,
  };
};

const roleKind = (role: string | undefined, operation: string): string => {
  if (role && /execution/i.test(nameOf(role))) return "the task execution role";
  if (role && /infrastructure/i.test(nameOf(role))) return "the infrastructure role";
  return /ExpressGateway/.test(operation) ? "the infrastructure or execution role" : "the role passed in the request";
};

/**
 * A create that collides with an existing resource (ECR RepositoryAlreadyExistsException, IAM EntityAlreadyExists,
 * CloudFormation AlreadyExistsException, CloudWatch Logs ResourceAlreadyExistsException): name it and offer to use
 * it or pick another name. Nothing is deleted for the user: the resource may hold their images or grants.
 */
const alreadyExists = (code: string, message: string): KnownError | undefined => {
  if (!/AlreadyExists/.test(code) && !/already exists/i.test(message)) return undefined;
  const name =
    /(?:name|Stack|group)\s*\[?'?"?([\w./:@+=,-]+?)'?"?\]?\s+already exists/i.exec(message)?.[1] ??
    /'([^']+)' already exists/.exec(message)?.[1];
  const what = name ? `"${name}"` : "The resource named in the message";
  return {
    situation: "already_exists",
    hint: `${what} already exists, outside of what this call (or the app's ECR stack) manages. Use the existing one (for a repository, push to it and pass its image URI), or choose another name (another app_name for deploy_app). ecs-assistant never deletes a repository or role it did not create.`,
  };
};

const RULES = [expressManaged, draining, serviceLinkedRole, cannotAssume, ...RESOURCE_STATE_RULES];

/** The recognised situation of an AWS error, or undefined (then the code-based hint applies). */
export const knownError = (code: string, message: string, ctx: CallContext): KnownError | undefined => {
  for (const rule of RULES) {
    const k = rule(code, message, ctx);
    if (k) return k;
  }
  return alreadyExists(code, message);
};
