// ecs_resource_management: resolves an operation, validates api_params against the SDK model, calls AWS, pages, compacts.
import { err, ok, okAsync, type Result, type ResultAsync, safeTry } from "neverthrow";
import type { OperationOf } from "../aws/call.ts";
import { IAM_PREFIX } from "../aws/services.ts";
import { type EcsError, ecsError } from "../errors.ts";
import { retrySituations } from "../expressmode/util/retrySituations.ts";
import { writeBudgets } from "../expressmode/util/writeBudgets.ts";
import { redact } from "../security/redact.ts";
import type { ToolContext } from "../tool.ts";
import { clusterOfService } from "../util/clusterOfService.ts";
import { compact, compactObject } from "../util/compact.ts";
import { shrink } from "../util/shrink.ts";
import type { OperationEntry } from "./catalogue.ts";
import { collectPages } from "./collectPages.ts";
import { expressManagedCheck } from "./expressManagedCheck.ts";
import { ListExpressGatewayServicesParams, listExpressGatewayServices } from "./listExpressGatewayServices.ts";
import type { EcsResourceManagementResult } from "./outputs.ts";
import { resolveOperation } from "./resolveOperation.ts";
import type { EcsResourceManagementInput } from "./schemas.ts";
import { checkWith, validateParams } from "./validateParams.ts";

export { resolveOperation, resourceAccess } from "./resolveOperation.ts";

/** Default item bound for List operations that page. */
export const DEFAULT_MAX_ITEMS = 1000;

type Out = Record<string, unknown>;

/**
 * Runs one catalogue operation: agent-only check, api_params validation (before any AWS call), then a dry-run plan
 * or the call itself. Results are compact (no $metadata, no empty fields, ISO timestamps).
 */
export const ecsResourceManagement = (
  input: EcsResourceManagementInput,
  ctx: ToolContext,
): ResultAsync<EcsResourceManagementResult, EcsError> =>
  safeTry(async function* () {
    const op = yield* resolveOperation(input.api_operation).andThen((found) => refuseAgentOnly(found, ctx));
    const raw = input.api_params ?? {};
    const params = op.virtual
      ? yield* checkWith(op, ListExpressGatewayServicesParams, raw, ctx.region)
      : yield* validateParams(op, raw, ctx.region);
    const maxItems = input.max_items ?? DEFAULT_MAX_ITEMS;
    if (input.dry_run) {
      // A plan still says when the call would be refused (a classic operation on an Express service).
      const warning = yield* expressManagedCheck(op.name, params, ctx)
        .map(() => undefined)
        .orElse((e) => okAsync(`${e.message} ${e.hint}`));
      // …and which cluster it addresses when an old short-format service ARN leaves it to ECS's `default`.
      const assumed =
        typeof params.service === "string" ? clusterOfService(params.service, params.cluster).note : undefined;
      const warnings = [warning, assumed && `Note: ${assumed}.`].filter((w): w is string => Boolean(w));
      return ok<EcsResourceManagementResult, EcsError>({
        ...dryRunPlan(op, params, maxItems, ctx),
        ...(warnings.length ? { warnings } : {}),
      });
    }
    const out = yield* run(op, params, maxItems, ctx);
    // The operation's own output: its members vary by operation (the SDK model's), the tool's fields are typed.
    return ok((input.response_format === "aws" ? out : shrink(out)) as EcsResourceManagementResult);
  });

const run = (op: OperationEntry, params: Out, maxItems: number, ctx: ToolContext): ResultAsync<Out, EcsError> => {
  if (op.virtual) return listExpressGatewayServices(params as ListExpressGatewayServicesParams, maxItems, ctx);
  const send = (p: Out) =>
    ctx.aws(op.service, op.command as OperationOf<typeof op.service>, p as never).map((out) => out as unknown as Out);
  // Writes ECS refuses while IAM propagates a role (or the service-linked role) are retried within the IAM budget.
  const call = (p: Out) =>
    op.access === "read" ? send(p) : retrySituations(ctx, op.name, writeBudgets(ctx), () => send(p));
  const pg = op.paginate;
  if (!pg) return call(params).map((out) => withEffect(op, compactObject(out)));
  return collectPages(pg, params, maxItems, call).map(({ items, last, next, pages, truncated }) => {
    const result: Out = { ...compactObject({ ...last, [pg.outputToken]: undefined }), pages };
    if (pg.items) result[pg.items] = compact(items) ?? [];
    if (next) {
      result.truncated = true;
      result[pg.outputToken] = next;
      result.continue_with = pg.items
        ? `Call again with api_params.${pg.inputToken} set to this ${pg.outputToken} (or raise max_items, now ${maxItems}).`
        : `More results exist: call again with api_params.${pg.inputToken} set to this ${pg.outputToken}.`;
    } else if (truncated) {
      // AWS returned more than asked for in its last page: the extra items were dropped, with no token to resume.
      result.truncated = true;
      result.continue_with = `More than max_items (${maxItems}) exist: raise max_items.`;
    }
    return result;
  });
};

/** Destructive operations say so in their result: it cannot be undone. */
const withEffect = (op: OperationEntry, out: Out): Out =>
  op.access === "destructive"
    ? { ...out, effect: `destructive: ${op.name} deleted or stopped AWS resources; this cannot be undone.` }
    : out;

/** Agent-only operations run only when the policy's allow list names them explicitly. */
const refuseAgentOnly = (op: OperationEntry, ctx: ToolContext): Result<OperationEntry, EcsError> => {
  const listed = ctx.policy.allowOperations?.some((n) => n === op.name || n === `${op.service}:${op.command}`);
  if (!op.agentOnly || listed) return ok(op);
  return err(
    ecsError("policy_denied", {
      gate: "operation",
      message: `${op.name} is used only by the Amazon ECS container agent; an assistant calling it can corrupt the cluster's view of its instances and tasks.`,
      hint: `If you really need it, list ${op.name} in policy.allowOperations; the allow list then admits only the operations it names.`,
    }),
  );
};

/** The AWS call a dry run would make: service, operation, IAM action and validated parameters (secrets redacted). */
const dryRunPlan = (op: OperationEntry, params: Out, maxItems: number, ctx: ToolContext): Out => {
  const shown = JSON.parse(JSON.stringify(params)) as Out;
  const parameters = ctx.policy.allowSensitiveData ? shown : redact(shown).value;
  return {
    dry_run: true,
    would_call: op.virtual
      ? {
          operation: op.name,
          composed_of: op.composedOf,
          parameters,
        }
      : {
          service: op.service,
          operation: op.command,
          iam_action: `${IAM_PREFIX[op.service]}:${op.command}`,
          parameters,
        },
    access: op.access,
    ...(op.paginate?.items ? { pages_until: `${maxItems} items (max_items)` } : {}),
    note: `Nothing was sent to AWS.${op.access === "read" ? "" : ` Call again without dry_run to run it${op.access === "destructive" ? " (destructive: it deletes or stops resources)" : ""}; it needs write access.`}`,
  };
};
