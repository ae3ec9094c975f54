// defineTool: declares a tool once; annotations, gate, dry-run planning, listings and IAM policies derive from it.
import type { ResultAsync } from "neverthrow";
import type * as v from "valibot";
import type { EcsError } from "./errors.ts";
import type { Access } from "./policy.ts";
import type { IamActions, PerCallAccess, ToolContext, ToolDescriptor, WorkStatus } from "./tool.ts";

/** What a tool author writes. Only name, title, description, schemas, access, iamActions and run are required. */
export interface ToolDefinition<
  N extends string,
  S extends v.GenericSchema,
  OS extends v.GenericSchema,
  M extends string,
> {
  readonly name: N;
  readonly title: string;
  readonly description: string;
  readonly input: S;
  readonly output: OS;
  readonly access: Access | PerCallAccess<v.InferOutput<S>>;
  /** Default false. */
  readonly sensitive?: boolean;
  /** Default false: only a tool that declares it plans on `dry_run: true`. */
  readonly dryRun?: boolean;
  /** Default: true for read and destructive access, false for writes and per-call access that can write. */
  readonly idempotent?: boolean;
  /** Default false. */
  readonly localOnly?: boolean;
  readonly iamActions: IamActions;
  readonly aliases?: readonly string[];
  readonly proxied?: boolean;
  /** MCP structuredContent when it is not the value itself (see ToolDescriptor.structuredOutput). */
  readonly structuredOutput?: v.GenericSchema;
  /** Read-only checks before confirmation (see ToolDescriptor.preflight). */
  readonly preflight?: (input: v.InferOutput<S>, ctx: ToolContext) => ResultAsync<void, EcsError>;
  readonly method?: M;
  /** Example inputs; the IAM-coverage test runs each one over the fake AWS. */
  readonly examples?: readonly v.InferInput<S>[];
  /** One read-only look from AWS at work started earlier (see ToolDescriptor.status). */
  readonly status?: (
    input: v.InferOutput<S>,
    ctx: ToolContext,
    startedAt: number,
  ) => ResultAsync<WorkStatus<v.InferOutput<OS>>, EcsError>;
  /** Does the work on validated input; the registry calls it after the policy check. Never throws. */
  readonly run: (input: v.InferOutput<S>, ctx: ToolContext) => ResultAsync<v.InferOutput<OS>, EcsError>;
}

/** A declared tool, keeping its schemas' and names' literal types (the typed assistant methods are built from them). */
export type Tool<
  N extends string = string,
  S extends v.GenericSchema = v.GenericSchema,
  OS extends v.GenericSchema = v.GenericSchema,
  M extends string = string,
> = ToolDescriptor<v.InferOutput<S>, v.InferOutput<OS>, N> & {
  readonly input: S;
  readonly output: OS;
  readonly method?: M;
};

const defaultIdempotent = (access: Access | { upTo: Access }): boolean => {
  const a = typeof access === "string" ? access : access.upTo;
  return a !== "write" && (typeof access === "string" || a === "read");
};

/** Declares a tool: fills the defaults and freezes it. */
export const defineTool = <
  const N extends string,
  S extends v.GenericSchema,
  OS extends v.GenericSchema,
  const M extends string = never,
>(
  def: ToolDefinition<N, S, OS, M>,
): Tool<N, S, OS, M> =>
  Object.freeze({
    ...def,
    sensitive: def.sensitive ?? false,
    dryRun: def.dryRun ?? false,
    idempotent: def.idempotent ?? defaultIdempotent(def.access),
    localOnly: def.localOnly ?? false,
  }) as unknown as Tool<N, S, OS, M>;
