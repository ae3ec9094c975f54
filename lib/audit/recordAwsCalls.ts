// Wraps an AwsCall so every call it makes is recorded (service, operation, outcome, request id) for the audit log.
import type { AwsCall } from "../aws/call.ts";
import type { AuditAwsCall } from "./auditEntry.ts";

/** Returns an AwsCall that behaves like `aws` and appends each finished call to `into`. */
export const recordAwsCalls = (aws: AwsCall, into: AuditAwsCall[]): AwsCall =>
  ((service, operation, input, options) =>
    aws(service, operation, input, options)
      .map((out) => {
        const requestId = (out as { $metadata?: { requestId?: string } } | undefined)?.$metadata?.requestId;
        into.push({ service, operation, ok: true, ...(requestId ? { requestId } : {}) });
        return out;
      })
      .mapErr((e) => {
        const requestId = e.kind === "aws" ? e.requestId : undefined;
        const code = e.kind === "aws" ? e.code : e.kind;
        into.push({ service, operation, ok: false, code, ...(requestId ? { requestId } : {}) });
        return e;
      })) as AwsCall;
