// The operation catalogue of ecs_resource_management: one entry per operation, with access class, sensitivity, paging.
import { ECR_OPERATIONS } from "./ecrOperations.ts";
import { ECS_OPERATIONS } from "./ecsOperations.ts";
import { PAGINATION } from "./generated/pagination.ts";
import type { OperationEntry, OperationSpec } from "./operationEntry.ts";

export type { OperationEntry, Pagination } from "./operationEntry.ts";

const toEntry = ({ maxPageSize: _size, sensitive, ...spec }: OperationSpec): OperationEntry => {
  const paginate = PAGINATION[spec.name];
  return { ...spec, sensitive: sensitive ?? false, ...(paginate ? { paginate } : {}) };
};

/** All operations, in the order the tool description lists them (ECS first, then ECR). */
export const CATALOGUE: readonly OperationEntry[] = [...ECS_OPERATIONS, ...ECR_OPERATIONS].map(toEntry);

const BY_NAME = new Map(CATALOGUE.map((e) => [e.name, e]));

/** Looks up an operation by its tool name (also accepts `ecs:` prefixed ECS names). */
export const findOperation = (name: string): OperationEntry | undefined =>
  BY_NAME.get(name) ?? (name.startsWith("ecs:") ? BY_NAME.get(name.slice(4)) : undefined);

/** The tool names of one service's operations (for error messages). */
export const operationNames = (service: OperationEntry["service"]): string[] =>
  CATALOGUE.filter((e) => e.service === service).map((e) => e.name);
