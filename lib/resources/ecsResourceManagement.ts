// ecs_resource_management: resolves an operation from the catalogue, validates api_params, calls AWS, pages, compacts.
import { err, errAsync, ok, okAsync, type Result, type ResultAsync } from "neverthrow";
import type { OperationOf } from "../aws/call.ts";
import { type EcsError, ecsError } from "../errors.ts";
import type { CallAccess, ToolContext } from "../tool.ts";
import { compactObject } from "../util/compact.ts";
import { didYouMean } from "../util/didYouMean.ts";
import { parseInput } from "../validate.ts";
import { CATALOGUE, findOperation, type OperationEntry } from "./catalogue.ts";
import { type EcsResourceManagementInput, OPERATION_PARAMS } from "./schemas.ts";

/** Default item bound for List operations that page. */
export const DEFAULT_MAX_ITEMS = 1000;

/** Finds the catalogue entry for `api_operation`, or a validation error with did-you-mean and the service's list. */
export const resolveOperation = (name: string): Result<OperationEntry, EcsError> => {
  const entry = findOperation(name);
  if (entry) return ok(entry);
  const service = name.startsWith("ecr:") ? "ecr" : "ecs";
  const names = CATALOGUE.filter((e) => e.service === service).map((e) => e.name);
  const close = didYouMean(
    name,
    CATALOGUE.map((e) => e.name),
  );
  return err(
    ecsError("validation", {
      message: `Unsupported api_operation "${name}".`,
      hint: `${close.length > 0 ? `Did you mean ${close.join(" or ")}? ` : ""}Supported ${service.toUpperCase()} operations: ${names.join(", ")}.`,
      issues: [
        {
          path: "api_operation",
          message: "unsupported operation",
          expected: `one of ${names.join(", ")}`,
          got: name,
          suggestion: close[0],
        },
      ],
    }),
  );
};

/** The policy view of a call: the operation's access class and sensitivity (the registry enforces it). */
export const resourceAccess = (input: EcsResourceManagementInput): Result<CallAccess, EcsError> =>
  resolveOperation(input.api_operation).map((e) => ({
    name: e.name,
    aliases: [`${e.service}:${e.command}`],
    access: e.access,
    sensitive: e.sensitive,
  }));

/** Runs one catalogue operation. Results are compact (no $metadata, no empty fields, ISO timestamps). */
export const ecsResourceManagement = (
  input: EcsResourceManagementInput,
  ctx: ToolContext,
): ResultAsync<Record<string, unknown>, EcsError> => {
  const entry = resolveOperation(input.api_operation);
  if (entry.isErr()) return errAsync(entry.error);
  const op = entry.value;
  const schema = OPERATION_PARAMS[op.name];
  const params = schema ? parseInput(schema, input.api_params ?? {}, "api_params") : ok(input.api_params ?? {});
  if (params.isErr()) return errAsync(params.error);
  const call = (p: Record<string, unknown>) =>
    ctx
      .aws(op.service, op.command as OperationOf<typeof op.service>, p as never, { signal: ctx.signal })
      .map((out) => out as unknown as Record<string, unknown>);
  if (!op.paginate) return call(params.value as Record<string, unknown>).map(compactObject);
  return collectPages(op, params.value as Record<string, unknown>, input.max_items ?? DEFAULT_MAX_ITEMS, call);
};

/** Follows `nextToken` until the item bound; says when the list was truncated and how to continue. */
const collectPages = (
  op: OperationEntry,
  params: Record<string, unknown>,
  maxItems: number,
  call: (p: Record<string, unknown>) => ResultAsync<Record<string, unknown>, EcsError>,
): ResultAsync<Record<string, unknown>, EcsError> => {
  const pg = op.paginate!;
  const items: unknown[] = [];
  let pages = 0;
  const step = (token: unknown): ResultAsync<Record<string, unknown>, EcsError> => {
    const remaining = maxItems - items.length;
    const limit =
      pg.limitKey && pg.maxPageSize
        ? Math.min(pg.maxPageSize, remaining, Number(params[pg.limitKey] ?? Infinity))
        : undefined;
    const p = { ...params, ...(token ? { [pg.inputToken]: token } : {}), ...(limit ? { [pg.limitKey!]: limit } : {}) };
    return call(p).andThen((out) => {
      pages++;
      items.push(...((out[pg.items] as unknown[] | undefined) ?? []));
      const next = out[pg.outputToken];
      if (next && items.length < maxItems) return step(next);
      const result: Record<string, unknown> = {
        ...compactObject({ ...out, [pg.outputToken]: undefined }),
        [pg.items]: items,
        pages,
      };
      if (next) {
        result.truncated = true;
        result[pg.outputToken] = next;
        result.continue_with = `Call again with api_params.${pg.inputToken} set to this ${pg.outputToken} (or raise max_items, now ${maxItems}).`;
      }
      return okAsync(result);
    });
  };
  return step(params[pg.inputToken]);
};
