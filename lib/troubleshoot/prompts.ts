// Prompts of the troubleshooting capability: one per kind of failure, each starting from the ranked diagnosis.
import type { PromptDef } from "../capability.ts";
import { arg, dx, REPORT, v } from "../promptParts.ts";

/** The capability's prompts, in the order prompts/list shows them. */
export const PROMPTS: readonly PromptDef[] = [
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
Both need policy.allowSensitiveData = true (logs can contain secrets); without it, say so. Summarise errors and warnings by frequency rather than pasting every line.`,
  },
];
