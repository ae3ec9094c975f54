// Parts the capabilities' prompts share: argument descriptions, placeholders, the diagnose call, the closing advice.

/** Arguments the prompts take (all optional). */
export const arg = {
  app_path: { name: "app_path", description: "Absolute path of the application's source folder." },
  port: { name: "port", description: "Port the application listens on (e.g. 3000, 8080)." },
  app_name: { name: "app_name", description: "Short unique name for the app (lowercase, digits, hyphens)." },
  cluster: { name: "cluster", description: "ECS cluster name (default: 'default')." },
  service: { name: "service", description: "ECS service name." },
  stack_name: { name: "stack_name", description: "CloudFormation stack name." },
  image_uri: { name: "image_uri", description: "Container image URI (repository:tag)." },
  vpc_id: { name: "vpc_id", description: "VPC id, if known." },
  task_id: { name: "task_id", description: "ECS task id, if known." },
  symptoms: { name: "symptoms", description: "What the user sees (error text, status, URL response)." },
  topic: {
    name: "topic",
    description: "What to look up, e.g. 'Express Mode', 'native blue/green', 'Managed Instances'.",
  },
} as const;

/** The argument `k`, or a placeholder the model fills in. */
export const v = (a: Record<string, string | undefined>, k: string, fallback: string) => a[k]?.trim() || fallback;
/** The diagnose call for the cluster and service given. */
export const dx = (a: Record<string, string | undefined>) =>
  `ecs_troubleshooting_tool(action="diagnose", parameters={ecs_cluster_name: "${v(a, "cluster", "<cluster>")}", ecs_service_name: "${v(a, "service", "<service>")}"})`;

/** Closing advice shared by the troubleshooting prompts. */
export const REPORT = `
Then tell the user, in plain words: the most likely root cause, the evidence (event, stopped reason, log line or rule), and the concrete fix. If a fix needs a write (policy.allowWrite), say which call you would make and ask before making it.
If a fetch_* action is refused for sensitive data, explain that policy.allowSensitiveData = true would allow it and continue with what is available.
For ECS behaviour you are unsure about, check aws_knowledge_aws___search_documentation before answering.`;
