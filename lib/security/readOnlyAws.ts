// Wraps an AwsCall for dry runs: only the IAM actions the tool declares as reads pass; anything else is refused.
import { errAsync } from "neverthrow";
import type { AwsCall } from "../aws/call.ts";
import { IAM_PREFIX } from "../aws/services.ts";
import { ecsError } from "../errors.ts";

/**
 * The AwsCall a dry run gets: a tool that plans must not act, so a call to an action the tool does not declare as a
 * read (`iamActions.read` / `.sensitive`) is refused with policy_denied even if the tool's dry-run branch has a bug.
 * Defence in depth behind each tool's own dry_run handling.
 */
export const readOnlyAws = (aws: AwsCall, tool: string, readActions: ReadonlySet<string>): AwsCall =>
  ((service, operation, input, options) =>
    readActions.has(`${IAM_PREFIX[service]}:${operation}`.toLowerCase())
      ? aws(service, operation, input, options)
      : errAsync(
          ecsError("policy_denied", {
            gate: "write",
            message: `${tool} tried ${service}:${operation} during a dry run; a dry run may only make the reads its tool declares.`,
            hint: "This is a bug in the tool's dry_run handling or its iamActions; the call was blocked and nothing was changed.",
          }),
        )) as AwsCall;
