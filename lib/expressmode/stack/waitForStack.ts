// Polls a CloudFormation stack until its operation settles, with bounded backoff, progress and cancellation.
import { err, errAsync, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, ecsError, isTransient } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { pollingOf } from "../options.ts";
import { sleep } from "../util/sleep.ts";
import { describeFailures, type StackFailure, stackFailures } from "./stackFailures.ts";

/** What the wait waits for: the waiter semantics differ per operation (the reference used the create waiter for all). */
export type StackGoal = "create" | "update" | "delete" | "settle";

/** A settled stack. `status` is `DELETE_COMPLETE` when the stack is gone. */
export interface SettledStack {
  readonly status: string;
  readonly stackId?: string;
  readonly outputs: Readonly<Record<string, string>>;
}

const SUCCESS: Record<StackGoal, (s: string) => boolean> = {
  create: (s) => s === "CREATE_COMPLETE",
  update: (s) => s === "UPDATE_COMPLETE",
  delete: (s) => s === "DELETE_COMPLETE",
  settle: (s) => !s.endsWith("_IN_PROGRESS"),
};

/** "Stack with id X does not exist" (a ValidationError) means the stack is gone. */
export const isMissingStack = (e: EcsError): boolean => e.kind === "aws" && /does not exist/i.test(e.message);

/**
 * Waits until `stackName` reaches the goal's terminal state. Failure states (rollbacks, *_FAILED) become an
 * `aws` error naming the failed resources and reasons from the stack events. Bounded by `stackTimeoutMs`.
 */
export const waitForStack = (
  ctx: ToolContext,
  stackName: string,
  goal: StackGoal,
  since: Date,
): ResultAsync<SettledStack, EcsError> => {
  const polling = pollingOf(ctx.express);
  const deadline = Date.now() + polling.stackTimeoutMs;
  return safeTry(async function* () {
    let interval = polling.stackIntervalMs;
    for (let attempt = 1; ; attempt++) {
      const { stack, transient } = yield* ctx
        .aws("cloudformation", "DescribeStacks", { StackName: stackName })
        .map((out) => out.Stacks?.[0])
        .orElse((e) => (goal === "delete" && isMissingStack(e) ? okAsync(undefined) : errAsync(e)))
        .map((stack) => ({ stack, transient: undefined as EcsError | undefined }))
        .orElse((e) => (isTransient(e) ? okAsync({ stack: undefined, transient: e }) : errAsync(e)));
      if (transient) {
        // One failed poll (after the SDK's own retries) must not abandon a stack that is still being built.
        ctx.progress({
          progress: attempt,
          message: `Stack ${stackName}: poll failed (${transient.message}), retrying`,
        });
        if (Date.now() + interval > deadline) return err(transient);
        yield* sleep(interval, ctx.signal, `waiting for stack ${stackName}`);
        continue;
      }
      const status = stack?.StackStatus ?? "DELETE_COMPLETE";
      const settled: SettledStack = {
        status,
        stackId: stack?.StackId,
        outputs: Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey ?? "", o.OutputValue ?? ""])),
      };
      ctx.progress({ progress: attempt, message: `Stack ${stackName}: ${status}` });
      if (SUCCESS[goal](status)) return ok(settled);
      if (!status.endsWith("_IN_PROGRESS"))
        return failed(ctx, stackName, goal, status, stack?.StackStatusReason, since);
      if (Date.now() + interval > deadline)
        return err(
          ecsError("timeout", {
            operation: `cloudformation:${goal} ${stackName}`,
            afterMs: polling.stackTimeoutMs,
            message: `Stack ${stackName} is still ${status} after ${Math.round(polling.stackTimeoutMs / 1000)}s.`,
            hint: "CloudFormation is still working. Check the stack in the console or call the tool again later; it resumes from the stack's state.",
          }),
        );
      yield* sleep(interval, ctx.signal, `waiting for stack ${stackName}`);
      interval = Math.min(interval * 2, polling.stackMaxIntervalMs);
    }
  });
};

const failed = (
  ctx: ToolContext,
  stackName: string,
  goal: StackGoal,
  status: string,
  reason: string | undefined,
  since: Date,
): ResultAsync<never, EcsError> =>
  stackFailures(ctx, stackName, since).andThen((failures) =>
    errAsync(
      ecsError("aws", {
        service: "cloudformation",
        operation: goal === "delete" ? "DeleteStack" : goal === "update" ? "UpdateStack" : "CreateStack",
        code: status,
        retryable: false,
        message: `Stack ${stackName} ended in ${status}${reason ? ` (${reason})` : ""}: ${describeFailures(failures)}.`,
        hint:
          takenHint(failures) ??
          (status === "ROLLBACK_COMPLETE"
            ? "The stack could not be created and was rolled back. Fix the cause above; the next run deletes the rolled-back stack and creates it again."
            : status === "DELETE_FAILED"
              ? "Some resources could not be deleted (the reasons above). Remove them by hand or fix the cause, then delete again."
              : "Fix the cause named above (often a missing IAM permission or a name already taken), then run the tool again."),
      }),
    ),
  );

/**
 * A resource of the stack that already existed outside of it ("Resource of type 'AWS::ECR::Repository' with identifier
 * 'shop-repo' already exists", HandlerErrorCode AlreadyExists): named, with the choices; never deleted for the user.
 */
const takenHint = (failures: readonly StackFailure[]): string | undefined => {
  const f = failures.find((x) => /already exists|AlreadyExists/.test(x.reason));
  if (!f) return undefined;
  const id = /identifier '([^']+)'/.exec(f.reason)?.[1] ?? /^(\S+) already exists/.exec(f.reason)?.[1];
  return `${f.resource_type ?? f.logical_id} ${id ? `"${id}" ` : ""}already exists outside of this stack. Choose another app_name (the stack names its repository and role after it), or use the existing resource directly (push to that repository yourself and deploy by image URI). ecs-assistant does not delete resources it did not create; the rolled-back stack is deleted and recreated on the next run.`;
};
