// The IAM policy a policy level needs, built from the tools' declared iamActions (no second list to drift).
import type { AnyTool } from "./registry.ts";

/** Policy levels: the default read-only policy, plus sensitive results, plus writes (deploy and every write operation). */
export type IamLevel = "read-only" | "troubleshooting-sensitive" | "deploy";

/**
 * IAM actions of the opt-in bridge to the AWS-managed ECS MCP server (SigV4): the service defines only these two, both
 * of access level Read, and no action for privileged tools (Service Authorization Reference, "Actions, resources, and
 * condition keys for Amazon ECS MCP Service": https://docs.aws.amazon.com/service-authorization/latest/reference/list_ecs-mcp.html;
 * the policy in https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-mcp-getting-started.html).
 */
const HOSTED = ["ecs-mcp:InvokeReadOnlyTools", "ecs-mcp:UseMcp"];
/** Roles the Express pipeline passes are for ECS only. */
const PASS_ROLE_CONDITION = {
  StringEquals: { "iam:PassedToService": ["ecs.amazonaws.com", "ecs-tasks.amazonaws.com"] },
};

const statement = (Sid: string, actions: Iterable<string>, extra: Record<string, unknown> = {}) => ({
  Sid,
  Effect: "Allow",
  Action: [...new Set(actions)].sort(),
  Resource: "*",
  ...extra,
});

/**
 * The IAM policy document for a level (Resource "*": scope it down to your clusters and repositories). Each action
 * appears in the first statement that needs it: reads, then reads of sensitive results, then writes.
 */
export const iamPolicyFor = (tools: readonly AnyTool[], level: IamLevel): Record<string, unknown> => {
  const read = new Set(tools.flatMap((t) => t.iamActions.read));
  const sensitive = new Set(tools.flatMap((t) => t.iamActions.sensitive ?? []).filter((a) => !read.has(a)));
  const write = new Set(
    tools.flatMap((t) => t.iamActions.write ?? []).filter((a) => !read.has(a) && !sensitive.has(a)),
  );
  const statements: Record<string, unknown>[] = [statement("EcsAssistantRead", read)];
  if (level !== "read-only") statements.push(statement("EcsAssistantSensitiveRead", sensitive));
  if (level === "deploy") {
    statements.push(
      statement(
        "EcsAssistantWrite",
        [...write].filter((a) => a !== "iam:PassRole"),
      ),
    );
    if (write.has("iam:PassRole"))
      statements.push(statement("EcsAssistantPassRoles", ["iam:PassRole"], { Condition: PASS_ROLE_CONDITION }));
  }
  // Only needed with the hosted bridge.
  statements.push(statement("HostedEcsMcp", HOSTED));
  return { Version: "2012-10-17", Statement: statements };
};
