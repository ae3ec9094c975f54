// valibot output schema of ecs_resource_management: the AWS operation's own output (compact), plus paging and plans.
import * as v from "valibot";

/**
 * The AWS output keeps the SDK's member names (clusterArns, services, ...); these are the fields the tool adds.
 * Other keys are the operation's output.
 */
export const EcsResourceManagementOutput = v.looseObject({
  pages: v.optional(v.number()),
  truncated: v.optional(v.boolean()),
  continue_with: v.optional(v.string()),
  effect: v.optional(v.string()),
  dry_run: v.optional(v.literal(true)),
  would_call: v.optional(v.record(v.string(), v.unknown())),
  access: v.optional(v.picklist(["read", "write", "destructive"])),
  pages_until: v.optional(v.string()),
  note: v.optional(v.string()),
});

/** What `ecs_resource_management` returns: the tool's own fields typed, the AWS operation's members by name. */
export type EcsResourceManagementResult = v.InferOutput<typeof EcsResourceManagementOutput>;
