// The ECS guidance appended to the AWS Knowledge tool descriptions (in our words), and the remote tool names.

/** Remote tool name → our tool name (the reference's `aws_knowledge` namespace prefix). */
export const KNOWLEDGE_TOOL_NAMES = Object.freeze({
  aws___search_documentation: "aws_knowledge_aws___search_documentation",
  aws___read_documentation: "aws_knowledge_aws___read_documentation",
  aws___recommend: "aws_knowledge_aws___recommend",
} as const);

/** The remote name of one of our knowledge tools, or undefined. */
export const remoteKnowledgeName = (ours: string): string | undefined =>
  Object.entries(KNOWLEDGE_TOOL_NAMES).find(([, o]) => o === ours)?.[0];

/** Heading kept from the reference so clients and tests that look for it still find it. */
export const ECS_GUIDANCE = `

## ECS DOCUMENTATION GUIDANCE:
Use this tool for current Amazon ECS documentation: it reaches content newer than a model's training data.
Prefer it over memory whenever a question touches recent ECS features, in particular:
- ECS Express Mode (Express Gateway Services: one call creates the service, load balancer, HTTPS endpoint and scaling)
- ECS native blue/green deployments (built into ECS deployments; not the same as CodeDeploy blue/green)
- ECS Managed Instances (ECS-managed EC2 capacity, an alternative to Fargate with instance type choice)
Cite the documentation URLs you used.`;

/** A description with the ECS guidance appended once. */
export const withEcsGuidance = (description: string): string =>
  description.includes("## ECS DOCUMENTATION GUIDANCE:") ? description : `${description.trimEnd()}${ECS_GUIDANCE}`;
