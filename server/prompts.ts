// MCP prompts: the reference's prompt groups as named, argument-taking workflows that point at the right tools in order.
import { ProtocolError, ProtocolErrorCode, type Server } from "@modelcontextprotocol/server";

/** One argument of a prompt (all optional: the model asks the user or discovers the value). */
interface PromptArg {
  readonly name: string;
  readonly description: string;
}

/** A prompt: metadata for prompts/list and the text it renders for prompts/get. */
export interface PromptDef {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly arguments: readonly PromptArg[];
  readonly render: (a: Record<string, string | undefined>) => string;
}

const arg = {
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

const v = (a: Record<string, string | undefined>, k: string, fallback: string) => a[k]?.trim() || fallback;
const dx = (a: Record<string, string | undefined>) =>
  `ecs_troubleshooting_tool(action="diagnose", parameters={ecs_cluster_name: "${v(a, "cluster", "<cluster>")}", ecs_service_name: "${v(a, "service", "<service>")}"})`;

/** Closing advice shared by the troubleshooting prompts. */
const REPORT = `
Then tell the user, in plain words: the most likely root cause, the evidence (event, stopped reason, log line or rule), and the concrete fix. If a fix needs a write (ALLOW_WRITE), say which call you would make and ask before making it.
If a fetch_* action is refused for sensitive data, explain that ALLOW_SENSITIVE_DATA=true would allow it and continue with what is available.
For ECS behaviour you are unsure about, check aws_knowledge_aws___search_documentation before answering.`;

export const PROMPTS: readonly PromptDef[] = [
  {
    name: "containerize_app",
    title: "Containerize an application",
    description: "Write a Dockerfile for a web app (also: dockerize, put in a container).",
    arguments: [arg.app_path, arg.port],
    render: (
      a,
    ) => `Containerize the application in ${v(a, "app_path", "<app_path: ask the user for the absolute path>")}.
1. Call containerize_app(app_path="${v(a, "app_path", "<app_path>")}", port=${v(a, "port", "<port>")}). It inspects the project (language, framework, start command) and proposes a Dockerfile and .dockerignore.
2. Review the proposal against the project files, adjust it if needed, and write the Dockerfile and .dockerignore into the app folder (ask before overwriting an existing Dockerfile).
3. Explain the choices briefly (base image, build stages, exposed port, non-root user, health check).
Do not build or push yet unless the user asks; the next step would be build_and_push_image_to_ecr.`,
  },
  {
    name: "containerize_and_deploy",
    title: "Containerize and deploy to ECS Express Mode",
    description:
      "From a source folder to a running, public HTTPS service on Amazon ECS Express Mode (needs ALLOW_WRITE).",
    arguments: [arg.app_path, arg.port, arg.app_name],
    render: (a) => {
      const name = v(a, "app_name", "<app_name>");
      return `Deploy the application in ${v(a, "app_path", "<app_path>")} to Amazon ECS Express Mode. Work through these steps in order and report progress after each:
1. containerize_app(app_path="${v(a, "app_path", "<app_path>")}", port=${v(a, "port", "<port>")}) and write the Dockerfile it proposes (skip if a suitable Dockerfile exists).
2. build_and_push_image_to_ecr(app_name="${name}", app_path="${v(a, "app_path", "<app_path>")}"): creates the ECR repository stack, builds and pushes the image; keep full_image_uri.
3. validate_ecs_express_mode_prerequisites(image_uri=<full_image_uri>): if a role is missing or has the wrong trust policy, explain the fix and stop.
4. ecs_resource_management(api_operation="CreateExpressGatewayService", api_params={serviceName: "${name}", primaryContainer: {image: <full_image_uri>, containerPort: ${v(a, "port", "<port>")}}, executionRoleArn: <from step 3>, infrastructureRoleArn: <from step 3>}).
5. wait_for_service_ready(cluster=<cluster from step 4, usually "default">, service_name="${name}").
6. ecs_resource_management(api_operation="DescribeExpressGatewayService", api_params={serviceArn: <from step 4>}) and give the user the public URL: "Once the service is up and running, your application will be accessible at: <URL>".
If a step fails, run ${dx({ ...a, service: name })} before retrying anything. To remove everything later: delete_app(service_arn, app_name="${name}").
Writes need ALLOW_WRITE=true; if a call is refused for that reason, tell the user instead of working around it.`;
    },
  },
  {
    name: "inspect_ecs_resources",
    title: "List and inspect ECS resources",
    description:
      "Clusters, services, tasks, task definitions and images: what is running and in what state (read-only).",
    arguments: [arg.cluster, arg.service],
    render: (
      a,
    ) => `Give the user an overview of their ECS resources${a.cluster ? ` in cluster ${a.cluster}` : ""}, read-only, with ecs_resource_management:
1. ecs_resource_management(api_operation="ListClusters"), then DescribeClusters for the clusters of interest (status, running/pending tasks, active services).
2. ListServices(cluster) and DescribeServices (desired/running/pending counts, deployments, last events)${a.service ? `; focus on service ${a.service}` : ""}. For Express Mode services use ListExpressGatewayServices / DescribeExpressGatewayService (also gives the URL).
3. ListTasks and DescribeTasks for running or recently stopped tasks (lastStatus, stoppedReason, containers' exit codes).
4. DescribeTaskDefinition for the task definition in use (image, cpu/memory, ports). Environment values stay redacted unless ALLOW_SENSITIVE_DATA=true.
5. For images: ecr:DescribeRepositories and ecr:DescribeImages.
Summarise in a short table; point out anything unhealthy (running < desired, failed deployments, stopped tasks) and offer to troubleshoot it.`,
  },
  {
    name: "troubleshoot_ecs_deployment",
    title: "Troubleshoot an ECS deployment",
    description:
      "A deployment failed or an app won't deploy: find the root cause across stack, service, tasks, image, network and logs.",
    arguments: [arg.cluster, arg.service, arg.stack_name, arg.symptoms],
    render: (
      a,
    ) => `Troubleshoot the ECS deployment${a.service ? ` of service ${a.service}` : ""}${a.symptoms ? ` (symptoms: ${a.symptoms})` : ""}.
1. Start with ${dx(a)}: it runs the relevant checks in parallel and ranks findings with evidence. If you only know a stack, pass cfn_stack_name="${v(a, "stack_name", "<stack>")}" instead.
2. If the top finding needs confirmation, drill down with the matching action: fetch_service_events (deployment/health-check events), fetch_task_failures (stopped tasks, exit codes), fetch_task_logs (application errors), detect_image_pull_failures (image/registry/role), fetch_cloudformation_status (stack failures), fetch_network_configuration (subnets, security groups, routes).
3. If the cluster or service name is unknown, list them first with ecs_resource_management ListClusters / ListServices.${REPORT}`,
  },
  {
    name: "troubleshoot_failing_tasks",
    title: "Tasks keep stopping",
    description: "Tasks fail to start, exit or restart in a loop: classify the stops and read the logs.",
    arguments: [arg.cluster, arg.service, arg.task_id],
    render: (a) => `Find out why tasks${a.service ? ` of service ${a.service}` : ""} are failing.
1. ${dx(a)} for the ranked findings.
2. ecs_troubleshooting_tool(action="fetch_task_failures", parameters={ecs_cluster_name: "${v(a, "cluster", "<cluster>")}"}): stopped reasons and exit codes (137 = out of memory or killed, 139 = segfault, 1 = application error, ResourceInitializationError = secrets/registry/network at start).
3. ecs_troubleshooting_tool(action="fetch_task_logs", parameters={ecs_cluster_name: "${v(a, "cluster", "<cluster>")}"${a.task_id ? `, ecs_task_id: "${a.task_id}"` : ""}}) for the application's last errors.
4. If the service is behind a load balancer, fetch_service_events shows health-check kills.${REPORT}`,
  },
  {
    name: "troubleshoot_cloudformation_stack",
    title: "A CloudFormation stack failed",
    description: "Why a stack (e.g. <app>-ecr-infrastructure) is in a FAILED or ROLLBACK state and how to recover.",
    arguments: [arg.stack_name],
    render: (a) => `Explain why the CloudFormation stack ${v(a, "stack_name", "<stack_name>")} failed.
1. ecs_troubleshooting_tool(action="fetch_cloudformation_status", parameters={cfn_stack_name: "${v(a, "stack_name", "<stack_name>")}"}): stack status, failed resources and their reasons, recent events.
2. Find the first failed resource in time order: later failures are usually consequences of it.
3. If the stack is in ROLLBACK_COMPLETE it cannot be updated: it must be deleted (a write, ask first) before being created again; delete_app removes the ECR stack of an app.${REPORT}`,
  },
  {
    name: "troubleshoot_image_pull",
    title: "Image pull failures",
    description:
      "CannotPullContainerError, image not found, invalid image: check the registry, tag and execution role.",
    arguments: [arg.cluster, arg.service, arg.image_uri],
    render: (a) => `Find out why the container image${a.image_uri ? ` ${a.image_uri}` : ""} cannot be pulled.
1. ecs_troubleshooting_tool(action="detect_image_pull_failures", parameters={ecs_cluster_name: "${v(a, "cluster", "<cluster>")}", ecs_service_name: "${v(a, "service", "<service>")}"}): checks each image of the task definition (repository, tag, registry) and the execution role.
2. For ECR images, confirm with ecs_resource_management("ecr:DescribeImages", {repositoryName, imageIds: [{imageTag}]}).
3. If the image is missing, rebuild and push it with build_and_push_image_to_ecr; if the execution role lacks ECR permissions, validate_ecs_express_mode_prerequisites shows what is wrong.${REPORT}`,
  },
  {
    name: "troubleshoot_network",
    title: "Network and connectivity issues",
    description: "Service unreachable, timeouts, security group or subnet problems.",
    arguments: [arg.cluster, arg.service, arg.vpc_id],
    render: (a) => `Find the network problem behind the unreachable service${a.service ? ` ${a.service}` : ""}.
1. ${dx(a)} first: it includes the network checks relevant to the service.
2. ecs_troubleshooting_tool(action="fetch_network_configuration", parameters={ecs_cluster_name: "${v(a, "cluster", "<cluster>")}"${a.vpc_id ? `, vpc_id: "${a.vpc_id}"` : ""}}): VPC, subnets, route tables, NAT/internet gateways, security groups, load balancers and target health.
3. Check in order: the load balancer's security group allows the listener port from the client; the tasks' security group allows the container port from the load balancer; private subnets have a NAT route for image pulls; subnets have free IPs.${REPORT}`,
  },
  {
    name: "troubleshoot_load_balancer",
    title: "Load balancer or health check failing",
    description: "The URL returns 502/503/404, targets are unhealthy, or health checks fail.",
    arguments: [arg.cluster, arg.service],
    render: (a) => `Find out why the load balancer of service ${v(a, "service", "<service>")} does not serve the app.
1. ecs_troubleshooting_tool(action="fetch_service_events", parameters={ecs_cluster_name: "${v(a, "cluster", "<cluster>")}", ecs_service_name: "${v(a, "service", "<service>")}"}): unhealthy targets, health-check failures, port mismatches.
2. Compare the container port and health check path (DescribeExpressGatewayService or DescribeServices + DescribeTaskDefinition via ecs_resource_management) with what the app really serves: a health check on "/" fails when the app only answers "/health".
3. fetch_task_logs to see whether the app receives the health-check requests and what it answers.
4. A 404 from the URL usually means the app answers but not on that path; a 503 means no healthy targets.${REPORT}`,
  },
  {
    name: "check_ecs_logs",
    title: "Read ECS logs and service events",
    description: "Recent application log lines and service events for a service or task.",
    arguments: [arg.cluster, arg.service, arg.task_id],
    render: (
      a,
    ) => `Show the recent logs and events of ${a.service ? `service ${a.service}` : "the service"} in cluster ${v(a, "cluster", "<cluster>")}.
1. ecs_troubleshooting_tool(action="fetch_service_events", parameters={ecs_cluster_name: "${v(a, "cluster", "<cluster>")}", ecs_service_name: "${v(a, "service", "<service>")}"}).
2. ecs_troubleshooting_tool(action="fetch_task_logs", parameters={ecs_cluster_name: "${v(a, "cluster", "<cluster>")}"${a.task_id ? `, ecs_task_id: "${a.task_id}"` : ""}}) — add filter_pattern (e.g. "ERROR") or time_window (seconds) to narrow it.
Both need ALLOW_SENSITIVE_DATA=true (logs can contain secrets); without it, say so. Summarise errors and warnings by frequency rather than pasting every line.`,
  },
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

/** Installs prompts/list and prompts/get on an MCP server (the caller declares the `prompts` capability). */
export const installPrompts = (server: Server, prompts: readonly PromptDef[] = PROMPTS): void => {
  server.setRequestHandler("prompts/list", async () => ({
    prompts: prompts.map((p) => ({
      name: p.name,
      title: p.title,
      description: p.description,
      arguments: p.arguments.map((a) => ({ ...a, required: false })),
    })),
  }));
  server.setRequestHandler("prompts/get", async (req) => {
    const p = prompts.find((x) => x.name === req.params.name);
    if (!p)
      throw new ProtocolError(
        ProtocolErrorCode.InvalidParams,
        `Unknown prompt "${req.params.name}". Prompts: ${prompts.map((x) => x.name).join(", ")}`,
      );
    return {
      description: p.description,
      messages: [{ role: "user", content: { type: "text", text: p.render(req.params.arguments ?? {}) } }],
    };
  });
};
