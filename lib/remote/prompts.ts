// Prompts of the remote capability: answers from the current AWS documentation.
import type { PromptDef } from "../capability.ts";
import { arg, v } from "../promptParts.ts";

/** The capability's prompts, in the order prompts/list shows them. */
export const PROMPTS: readonly PromptDef[] = [
  {
    name: "ecs_new_features",
    title: "Current ECS documentation and new features",
    description:
      "Look up ECS Express Mode, native blue/green deployments, Managed Instances and other recent features in the live AWS docs.",
    arguments: [arg.topic],
    render: (
      a,
    ) => `Answer from the current AWS documentation, not from memory: ECS features such as Express Mode (Express Gateway Services), native blue/green deployments (not CodeDeploy blue/green) and Managed Instances may be newer than your training data.
1. aws_knowledge_aws___search_documentation(search_phrase="Amazon ECS ${v(a, "topic", "<topic>")}") — add "best practices" or "how to configure" to the phrase as needed.
2. aws_knowledge_aws___read_documentation(url=<best result>) for the details; continue with start_index when the page is long.
3. aws_knowledge_aws___recommend(url=<that page>) to find related and newly published pages.
Cite the URLs you used. If the documentation tools are unavailable (no network), say so and mark what you answer from memory as possibly outdated.`,
  },
];
