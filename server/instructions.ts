// The instructions sent to the client at initialize: each capability's paragraph, policy fields named as the server's flags.
import { CAPABILITIES } from "../lib/index.ts";
import { renderPolicyNames } from "./policyNames.ts";

/** Server instructions (MCP `initialize` result). */
export const INSTRUCTIONS = renderPolicyNames(
  [
    "ecs-assistant takes a web application from a source folder to a running Amazon ECS Express Mode service, manages ECS/ECR resources, and troubleshoots failed deployments.",
    ...CAPABILITIES.map((c) => c.instructions),
    "AWS credentials come from the standard chain (AWS_PROFILE, SSO, environment).",
  ].join("\n\n"),
);
