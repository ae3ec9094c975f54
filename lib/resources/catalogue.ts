// The operation catalogue of ecs_resource_management: one entry per AWS operation, with its access class.
import type { Access } from "../policy.ts";

/** How a List operation pages: token names and the key holding the items. */
export interface Pagination {
  readonly inputToken: string;
  readonly outputToken: string;
  readonly items: string;
  readonly limitKey?: string;
  /** Largest page size AWS accepts for `limitKey`. */
  readonly maxPageSize?: number;
}

/** One operation: which service and SDK command, what it does to the account, what its result may hold. */
export interface OperationEntry {
  /** Name as the tool accepts it: plain for ECS (`ListClusters`), prefixed for ECR (`ecr:DescribeImages`). */
  readonly name: string;
  readonly service: "ecs" | "ecr";
  /** SDK command name without the `Command` suffix. */
  readonly command: string;
  readonly access: Access;
  /** Whether the result can hold secrets (env values, secret refs, tokens). */
  readonly sensitive: boolean;
  readonly paginate?: Pagination;
  readonly summary: string;
}

const ecs = (
  command: string,
  access: Access,
  summary: string,
  extra: Partial<OperationEntry> = {},
): OperationEntry => ({
  name: command,
  service: "ecs",
  command,
  access,
  sensitive: false,
  summary,
  ...extra,
});

/** All operations, in the order the tool description lists them. */
export const CATALOGUE: readonly OperationEntry[] = [
  ecs("ListClusters", "read", "List cluster ARNs.", {
    paginate: {
      inputToken: "nextToken",
      outputToken: "nextToken",
      items: "clusterArns",
      limitKey: "maxResults",
      maxPageSize: 100,
    },
  }),
  ecs("DescribeClusters", "read", "Describe clusters (status, task and service counts, settings)."),
  ecs("CreateCluster", "write", "Create a cluster."),
  ecs("DeleteCluster", "destructive", "Delete an empty cluster."),
];

const BY_NAME = new Map(CATALOGUE.map((e) => [e.name, e]));

/** Looks up an operation by its tool name (also accepts `ecs:` prefixed ECS names). */
export const findOperation = (name: string): OperationEntry | undefined =>
  BY_NAME.get(name) ?? (name.startsWith("ecs:") ? BY_NAME.get(name.slice(4)) : undefined);
