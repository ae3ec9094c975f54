// The Express Mode workflow guide served as an MCP resource (markdown, in our own words).

/** Markdown guide: the deploy workflow, what Express Mode creates, roles, limits, cleanup and common failures. */
export const EXPRESS_GUIDE = `# Deploying a web app with Amazon ECS Express Mode

Express Mode turns one container image into a running, public HTTPS service: ECS creates the service, an
Application Load Balancer with a target group, security groups, an HTTPS endpoint
(\`https://<service>.ecs.<region>.on.aws\`) and auto scaling.

## The one-call path
**deploy_app(app_name, app_path, port)** does every step below in one call: writes a Dockerfile if missing, builds and
pushes the image, validates the roles, creates the cluster and the Express service (or updates it), waits until it is
ready and returns the public URL. Options: cpu, memory, min/max task count, scaling metric and target, health check
path, environment, secrets, cluster, roles. \`dry_run: true\` returns the plan; on failure it names the failed step
with a diagnosis, and calling it again resumes (finished steps are skipped). Needs ALLOW_WRITE.

## Steps (tools in order), when you want control over each one
1. **containerize_app(app_path, port)** — proposes a Dockerfile for the project; write it into the app folder.
2. **build_and_push_image_to_ecr(app_name, app_path[, tag])** — creates the ECR repository (CloudFormation stack
   \`<app_name>-ecr-infrastructure\`), builds and pushes the image; returns \`full_image_uri\`. Needs ALLOW_WRITE.
3. **validate_ecs_express_mode_prerequisites(image_uri)** — checks the task execution role
   (\`ecsTaskExecutionRole\`, trusted by ecs-tasks.amazonaws.com), the infrastructure role
   (\`ecsInfrastructureRoleForExpressServices\`, trusted by ecs.amazonaws.com) and that the image exists.
4. **ecs_resource_management("CreateExpressGatewayService", {...})** — minimal parameters:
   \`primaryContainer: {image, containerPort}\`, \`executionRoleArn\`, \`infrastructureRoleArn\`. Optional: \`serviceName\`,
   \`cluster\` (default "default"), \`cpu\` ("256"–"4096"), \`memory\` ("512"–"8192" MB),
   \`scalingTarget: {minTaskCount, maxTaskCount, autoScalingMetric, autoScalingTargetValue}\`, \`healthCheckPath\`,
   \`environment\`, \`tags\`. Needs ALLOW_WRITE.
5. **wait_for_service_ready(cluster, service_name)** — waits until tasks run (bounded timeout, progress notifications).
6. **ecs_resource_management("DescribeExpressGatewayService", {serviceArn})** — status and the public URL. Tell the user:
   "Once the service is up and running, your application will be accessible at: <URL>".

## Cleanup
**delete_app(service_arn, app_name)** deletes the Express service and the ECR stack (repository and push role).
It is destructive: it needs ALLOW_WRITE and asks for confirmation when the client supports it.

## When something fails
- Start with **ecs_troubleshooting_tool(action="diagnose", parameters={ecs_cluster_name, ecs_service_name})**: ranked
  findings with evidence and fixes.
- Typical causes: image not found or not pullable (tag, registry, execution role), the app not listening on the
  container port, a health check path the app does not serve, tasks killed for memory (exit 137), a failed
  CloudFormation stack (see fetch_cloudformation_status).
- Logs and events (fetch_task_logs, fetch_service_events) need ALLOW_SENSITIVE_DATA=true.

## Newer than your training data?
Use **aws_knowledge_aws___search_documentation** / **read_documentation** / **recommend** for Express Mode details,
native blue/green deployments and ECS Managed Instances.

## Permissions
See the resources \`ecs-assistant://iam/read-only.json\`, \`ecs-assistant://iam/troubleshooting-sensitive.json\` and
\`ecs-assistant://iam/deploy.json\` for the IAM policy each policy level needs.
`;
