// CloudFormation: the first root-cause failure of the latest stack operation, not the cascade after it.
import type { StackEvent } from "@aws-sdk/client-cloudformation";
import { type Finding, finding } from "../finding.ts";
import { cfnReasonHint } from "./cfnReasonHint.ts";

const CASCADE =
  /^(Resource (creation|update|deletion) cancelled|The following resource\(s\) failed to|Stack operation cancelled|Resource update cancelled)/i;

/** Events of the latest operation, oldest first (AWS returns newest first). */
export const latestOperation = (events: readonly StackEvent[], stackName?: string): StackEvent[] => {
  const asc = [...events].sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
  const isStart = (e: StackEvent) =>
    e.ResourceType === "AWS::CloudFormation::Stack" &&
    (!stackName || e.LogicalResourceId === stackName || e.StackName === stackName) &&
    /^(CREATE|UPDATE|DELETE|IMPORT)_IN_PROGRESS$/.test(e.ResourceStatus ?? "") &&
    /User Initiated/i.test(e.ResourceStatusReason ?? "");
  let start = -1;
  asc.forEach((e, i) => {
    if (isStart(e)) start = i;
  });
  return start >= 0 ? asc.slice(start) : asc;
};

/** The first failed resource event whose reason is not a consequence of another failure. */
export const rootCauseEvent = (events: readonly StackEvent[], stackName?: string): StackEvent | undefined => {
  const op = latestOperation(events, stackName);
  const failed = op.filter((e) => /FAILED$/.test(e.ResourceStatus ?? ""));
  return (
    failed.find(
      (e) => e.ResourceType !== "AWS::CloudFormation::Stack" && !CASCADE.test(e.ResourceStatusReason ?? ""),
    ) ??
    failed.find((e) => !CASCADE.test(e.ResourceStatusReason ?? "")) ??
    failed[0]
  );
};

/** A finding for the root cause of a failed or rolled-back stack operation. */
export const cfnFindings = (
  status: string | undefined,
  events: readonly StackEvent[],
  stackName?: string,
): Finding[] => {
  const root = rootCauseEvent(events, stackName);
  if (!root) return [];
  const nested = /Embedded stack .* was not successfully/i.test(root.ResourceStatusReason ?? "");
  const hint = cfnReasonHint(root.ResourceStatusReason ?? "", root.LogicalResourceId);
  return [
    finding({
      id: "cfn_resource_failed",
      category: "cloudformation",
      title: `${root.LogicalResourceId} (${root.ResourceType}) failed: ${root.ResourceStatus}`,
      likelihood: 0.9,
      evidence: [
        {
          source: "cfn_event",
          ref: root.PhysicalResourceId || root.LogicalResourceId,
          at: root.Timestamp?.toISOString(),
          text: `${root.LogicalResourceId} ${root.ResourceStatus}: ${root.ResourceStatusReason ?? "no reason"}`,
        },
      ],
      explanation: `The stack ${status ? `is ${status}: its` : "operation's"} first failure was ${root.LogicalResourceId}; later failures and the rollback are consequences of it.${nested ? " The failure is inside a nested stack: run fetch_cloudformation_status on that stack for its own root cause." : ""}${hint ? ` ${hint.explanation}` : ""}`,
      fix: hint
        ? `${hint.fix}${status === "ROLLBACK_COMPLETE" ? " The stack is ROLLBACK_COMPLETE: delete it before creating it again." : ""}`
        : "Fix the cause named in the reason (permissions, a name that already exists, an invalid property value, a quota), then update or recreate the stack; a stack in ROLLBACK_COMPLETE must be deleted first.",
    }),
  ];
};
