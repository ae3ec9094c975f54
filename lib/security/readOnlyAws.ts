// Wraps an AwsCall for dry runs: operations that only read pass, anything that could change the account is refused.
import { errAsync } from "neverthrow";
import type { AwsCall } from "../aws/call.ts";
import { ecsError } from "../errors.ts";

/** AWS operation name prefixes that never change anything (Describe*, List*, Get*, ...). */
const READ_PREFIX = /^(Describe|List|Get|BatchGet|BatchCheck|Validate|Estimate|Filter|Lookup|Search|Simulate|Test)/;

/** Whether an AWS operation name is read-only by AWS's naming convention. */
export const isReadOperation = (operation: string): boolean => READ_PREFIX.test(operation);

/**
 * The AwsCall a dry run gets: a tool that plans must not act, so a write operation is refused with policy_denied
 * even if the tool's dry-run branch has a bug. Defence in depth behind each tool's own dry_run handling.
 */
export const readOnlyAws = (aws: AwsCall, tool: string): AwsCall =>
  ((service, operation, input, options) =>
    isReadOperation(operation)
      ? aws(service, operation, input, options)
      : errAsync(
          ecsError("policy_denied", {
            gate: "write",
            message: `${tool} tried ${service}:${operation} during a dry run; a dry run may only read.`,
            hint: "This is a bug in the tool's dry_run handling; the call was blocked and nothing was changed.",
          }),
        )) as AwsCall;
