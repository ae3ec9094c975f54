// fetch_cloudformation_status: stack status, failed resources, the root-cause event of a rollback, deleted stacks.
import type { Stack, StackEvent, StackResourceSummary, StackSummary } from "@aws-sdk/client-cloudformation";
import { errAsync, okAsync, ResultAsync, safeTry } from "neverthrow";
import { paginate } from "../aws/paginate.ts";
import type { EcsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { cfnFindings, latestOperation, rootCauseEvent } from "./detectors/cfnRootCause.ts";
import type { Finding } from "./finding.ts";
import type { ActionParams } from "./schemas.ts";

/** Result of fetch_cloudformation_status. */
export interface CloudformationStatus {
  readonly status: "success";
  readonly stack_exists: boolean;
  readonly stack_name: string;
  readonly stack_id?: string;
  readonly stack_status?: string;
  readonly stack_status_reason?: string;
  /** Set when only a deleted stack of that name exists. */
  readonly deleted_at?: string;
  readonly resources: { logical_id?: string; physical_id?: string; type?: string; status?: string; reason?: string }[];
  readonly failure_reasons: {
    logical_id?: string;
    resource_type?: string;
    status?: string;
    reason?: string;
    timestamp?: string;
  }[];
  readonly root_cause?: {
    logical_id?: string;
    physical_id?: string;
    /** The chain of nested stacks that leads to this resource. */
    via?: string;
    resource_type?: string;
    status?: string;
    reason?: string;
    timestamp?: string;
  };
  /** Events of the latest operation, oldest first (bounded). */
  readonly events: { timestamp?: string; logical_id?: string; type?: string; status?: string; reason?: string }[];
  readonly findings: Finding[];
  readonly truncated?: { resources?: boolean; events?: boolean };
  readonly errors?: Record<string, string>;
  /** When the root cause is a nested stack: that stack's own status and root cause (followed up to 3 levels). */
  readonly nested?: { stack_name: string; stack_status?: string; root_cause?: CloudformationStatus["root_cause"] }[];
  readonly message: string;
}

/** How deep nested stacks are followed. */
const MAX_NESTING = 3;

const MAX_EVENTS = 500;

const notExists = (e: EcsError) => e.kind === "aws" && /does not exist/i.test(e.message);

const listEvents = (ctx: ToolContext, stack: string) =>
  paginate<StackEvent>(
    (token) =>
      ctx
        .aws("cloudformation", "DescribeStackEvents", { StackName: stack, ...(token ? { NextToken: token } : {}) })
        .map((o) => ({ items: o.StackEvents, next: o.NextToken })),
    { maxPages: 5, maxItems: MAX_EVENTS },
  );

const listResources = (ctx: ToolContext, stack: string) =>
  paginate<StackResourceSummary>(
    (token) =>
      ctx
        .aws("cloudformation", "ListStackResources", { StackName: stack, ...(token ? { NextToken: token } : {}) })
        .map((o) => ({ items: o.StackResourceSummaries, next: o.NextToken })),
    { maxPages: 10, maxItems: 1000 },
  );

/** Finds the most recently deleted stack with this name (DescribeStacks only knows deleted stacks by id). */
const findDeleted = (ctx: ToolContext, name: string): ResultAsync<StackSummary | undefined, EcsError> =>
  paginate<StackSummary>(
    (token) =>
      ctx
        .aws("cloudformation", "ListStacks", {
          StackStatusFilter: ["DELETE_COMPLETE"],
          ...(token ? { NextToken: token } : {}),
        })
        .map((o) => ({ items: o.StackSummaries, next: o.NextToken })),
    { maxPages: 10, maxItems: 1000 },
  ).map(
    (p) =>
      p.items
        .filter((s) => s.StackName === name)
        .sort((a, b) => (b.DeletionTime?.getTime() ?? 0) - (a.DeletionTime?.getTime() ?? 0))[0],
  );

const eventLine = (e: StackEvent) => ({
  timestamp: e.Timestamp?.toISOString(),
  logical_id: e.LogicalResourceId,
  type: e.ResourceType,
  status: e.ResourceStatus,
  reason: e.ResourceStatusReason,
});
const rootLine = (e: StackEvent) => ({
  logical_id: e.LogicalResourceId,
  physical_id: e.PhysicalResourceId,
  resource_type: e.ResourceType,
  status: e.ResourceStatus,
  reason: e.ResourceStatusReason,
  timestamp: e.Timestamp?.toISOString(),
});

/** Stack status with failed resources and the root cause of the latest failed operation; deleted stacks included. */
export const fetchCloudformationStatus = (
  p: ActionParams["fetch_cloudformation_status"],
  ctx: ToolContext,
): ResultAsync<CloudformationStatus, EcsError> => statusOf(ctx, p.cfn_stack_name, 0);

const statusOf = (ctx: ToolContext, name: string, depth: number): ResultAsync<CloudformationStatus, EcsError> =>
  safeTry(async function* () {
    const stack = yield* ctx
      .aws("cloudformation", "DescribeStacks", { StackName: name })
      .map((o) => o.Stacks?.[0] as Stack | undefined)
      .orElse((e) =>
        notExists(e) ? okAsync<Stack | undefined, EcsError>(undefined) : errAsync<Stack | undefined, EcsError>(e),
      );
    if (stack) return followNested(ctx, yield* live(ctx, name, stack), depth);
    const deleted = yield* findDeleted(ctx, name);
    return deleted ? gone(ctx, name, deleted) : okAsync(missing(name));
  });

/**
 * A nested stack's failure shows in its parent only as "Embedded stack … was not successfully created": follow it
 * (by its physical id) so the real root cause is named. A failure to read the nested stack keeps the parent's view.
 */
const followNested = (
  ctx: ToolContext,
  parent: CloudformationStatus,
  depth: number,
): ResultAsync<CloudformationStatus, EcsError> => {
  const root = parent.root_cause;
  const nestedId = root?.resource_type === "AWS::CloudFormation::Stack" ? root.physical_id : undefined;
  if (!nestedId || depth >= MAX_NESTING || nestedId === parent.stack_id) return okAsync(parent);
  return statusOf(ctx, nestedId, depth + 1)
    .map((child) => {
      const chain = [
        { stack_name: child.stack_name, stack_status: child.stack_status, root_cause: child.root_cause },
        ...(child.nested ?? []),
      ];
      const deepest = chain.at(-1)?.root_cause;
      return {
        ...parent,
        nested: chain,
        ...(deepest ? { root_cause: { ...deepest, via: chain.map((c) => c.stack_name).join(" → ") } } : {}),
        findings: [...child.findings, ...parent.findings],
        message: deepest
          ? `Stack ${parent.stack_name} is ${parent.stack_status}; root cause in nested stack ${chain.at(-1)?.stack_name}: ${deepest.logical_id} ${deepest.status}: ${deepest.reason ?? ""}`
          : parent.message,
      };
    })
    .orElse(() => okAsync(parent));
};

const missing = (name: string): CloudformationStatus => ({
  status: "success",
  stack_exists: false,
  stack_name: name,
  resources: [],
  failure_reasons: [],
  events: [],
  findings: [],
  message: `Stack '${name}' does not exist (and no deleted stack of that name was found).`,
});

const live = (ctx: ToolContext, name: string, stack: Stack): ResultAsync<CloudformationStatus, EcsError> => {
  const id = stack.StackId ?? name;
  return ResultAsync.fromSafePromise(
    Promise.all([listResources(ctx, id), listEvents(ctx, id)]).then(([res, ev]) => {
      const resources = res.isOk() ? res.value.items : [];
      const events = ev.isOk() ? ev.value.items : [];
      const failed = resources.filter((r) => /FAILED$/.test(r.ResourceStatus ?? ""));
      const root = rootCauseEvent(events, stack.StackName);
      const errors: Record<string, string> = {};
      if (res.isErr()) errors.resources = `${res.error.message} ${res.error.hint}`;
      if (ev.isErr()) errors.events = `${ev.error.message} ${ev.error.hint}`;
      const failing = /(FAILED|ROLLBACK)/.test(stack.StackStatus ?? "");
      return {
        status: "success" as const,
        stack_exists: true,
        stack_name: stack.StackName ?? name,
        stack_id: stack.StackId,
        stack_status: stack.StackStatus,
        stack_status_reason: stack.StackStatusReason,
        resources: resources.map((r) => ({
          logical_id: r.LogicalResourceId,
          physical_id: r.PhysicalResourceId,
          type: r.ResourceType,
          status: r.ResourceStatus,
          reason: r.ResourceStatusReason,
        })),
        failure_reasons: [
          ...failed.map((r) => ({
            logical_id: r.LogicalResourceId,
            resource_type: r.ResourceType,
            status: r.ResourceStatus,
            reason: r.ResourceStatusReason ?? "No reason provided",
          })),
          ...latestOperation(events, stack.StackName)
            .filter(
              (e) =>
                /FAILED$/.test(e.ResourceStatus ?? "") &&
                !failed.some((r) => r.LogicalResourceId === e.LogicalResourceId),
            )
            .map(rootLine),
        ],
        ...(root && failing ? { root_cause: rootLine(root) } : {}),
        events: latestOperation(events, stack.StackName).slice(-100).map(eventLine),
        findings: failing ? cfnFindings(stack.StackStatus, events, stack.StackName) : [],
        ...(res.isOk() && ev.isOk() && (res.value.truncated || ev.value.truncated)
          ? { truncated: { resources: res.value.truncated, events: ev.value.truncated } }
          : {}),
        ...(Object.keys(errors).length ? { errors } : {}),
        message:
          root && failing
            ? `Stack ${stack.StackName} is ${stack.StackStatus}; root cause: ${root.LogicalResourceId} ${root.ResourceStatus}: ${root.ResourceStatusReason ?? ""}`
            : `Stack ${stack.StackName} is ${stack.StackStatus}.`,
      };
    }),
  );
};

const gone = (ctx: ToolContext, name: string, s: StackSummary): ResultAsync<CloudformationStatus, EcsError> =>
  listEvents(ctx, s.StackId ?? name).map((ev) => {
    // A deleted stack's last operation is the delete; the failure that led to it is in the operation before.
    const events = ev.items;
    const root = rootCauseEvent(
      events.filter((e) => !(e.ResourceStatus ?? "").startsWith("DELETE")),
      name,
    );
    return {
      status: "success" as const,
      stack_exists: false,
      stack_name: name,
      stack_id: s.StackId,
      stack_status: s.StackStatus,
      deleted_at: s.DeletionTime?.toISOString(),
      resources: [],
      failure_reasons: root ? [rootLine(root)] : [],
      ...(root ? { root_cause: rootLine(root) } : {}),
      events: latestOperation(events, name).slice(-100).map(eventLine),
      findings: root
        ? cfnFindings(
            "DELETE_COMPLETE",
            events.filter((e) => !(e.ResourceStatus ?? "").startsWith("DELETE")),
            name,
          )
        : [],
      message: `Stack '${name}' was deleted at ${s.DeletionTime?.toISOString() ?? "an unknown time"}${root ? `; before that it failed on ${root.LogicalResourceId}: ${root.ResourceStatusReason ?? ""}` : ""}.`,
    };
  });
