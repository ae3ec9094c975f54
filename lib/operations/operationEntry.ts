// The shape of one catalogue entry and the helpers the per-service operation tables are written with.
import type { Access } from "../policy.ts";

/** How a List operation pages: token names and the key holding the items (from the SDK's paginators and model). */
export interface Pagination {
  readonly inputToken: string;
  readonly outputToken: string;
  /** Output member holding the items; absent when the items are nested (then one page per call). */
  readonly items?: string;
  readonly limitKey?: string;
  /** Largest page size AWS accepts for `limitKey` (documented per operation; not in the SDK model). */
  readonly maxPageSize?: number;
}

/** One operation: which service and SDK command, what it does to the account, what its result may hold. */
export interface OperationEntry {
  /** Name as the tool accepts it: plain for ECS (`ListClusters`), prefixed for ECR (`ecr:DescribeImages`). */
  readonly name: string;
  readonly service: "ecs" | "ecr";
  /** SDK command name without the `Command` suffix (for virtual operations: the operation's own name). */
  readonly command: string;
  readonly access: Access;
  /** Whether the result can hold secrets (env values, secret refs, tokens): redacted unless allowSensitiveData. */
  readonly sensitive: boolean;
  readonly paginate?: Pagination;
  /** Only the ECS container agent should call it: refused unless the policy's allowOperations lists it. */
  readonly agentOnly?: boolean;
  /** Not an AWS API operation but composed from several calls (e.g. ListExpressGatewayServices). */
  readonly virtual?: boolean;
  /** IAM actions of a virtual operation's calls. */
  readonly composedOf?: readonly string[];
  readonly summary: string;
}

/** An entry before the generated pagination data is merged in. */
export type OperationSpec = Omit<OperationEntry, "paginate" | "sensitive"> & {
  readonly sensitive?: boolean;
  /** Page-size limit for `limitKey`, when AWS documents one. */
  readonly maxPageSize?: number;
};

type Extra = Partial<Pick<OperationSpec, "sensitive" | "agentOnly" | "virtual" | "composedOf" | "maxPageSize">>;

/** An ECS operation spec; its tool name is the plain command name. */
export const ecsOp = (command: string, access: Access, summary: string, extra: Extra = {}): OperationSpec => ({
  name: command,
  service: "ecs",
  command,
  access,
  summary,
  ...extra,
});

/** An ECR operation spec; its tool name carries the `ecr:` prefix. */
export const ecrOp = (command: string, access: Access, summary: string, extra: Extra = {}): OperationSpec => ({
  name: `ecr:${command}`,
  service: "ecr",
  command,
  access,
  summary,
  ...extra,
});

/** IAM actions a call of the operation needs (`ecs:ListClusters`; a virtual operation: those of its calls). */
export const iamActionsOf = (e: OperationEntry): readonly string[] => e.composedOf ?? [`${e.service}:${e.command}`];
