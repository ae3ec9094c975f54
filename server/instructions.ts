// The instructions sent to the client at initialize: the Express Mode workflow, in our own words.

/** Server instructions (MCP `initialize` result). */
export const INSTRUCTIONS = `ecs-assistant takes a web application from a source folder to a running Amazon ECS Express Mode service, manages ECS/ECR resources, and troubleshoots failed deployments.

Deploying (writes need ALLOW_WRITE=true):
1. containerize_app(app_path, port): inspects the project and proposes a Dockerfile; write it before building.
2. build_and_push_image_to_ecr(app_name, app_path): creates the ECR repository (CloudFormation stack <app_name>-ecr-infrastructure), builds and pushes the image, returns full_image_uri.
3. validate_ecs_express_mode_prerequisites(image_uri): checks the task execution role, the infrastructure role and the image.
4. ecs_resource_management(api_operation="CreateExpressGatewayService", api_params={primaryContainer:{image:<full_image_uri>, containerPort:<port>}, executionRoleArn:"arn:aws:iam::<account>:role/ecsTaskExecutionRole", infrastructureRoleArn:"arn:aws:iam::<account>:role/ecsInfrastructureRoleForExpressServices"}). Optional: serviceName, cluster, cpu ("256".."4096"), memory ("512".."8192"), scalingTarget {minTaskCount, maxTaskCount, autoScalingMetric, autoScalingTargetValue}, healthCheckPath, environment, tags.
5. wait_for_service_ready(cluster, service_name) until the tasks run.
6. ecs_resource_management("DescribeExpressGatewayService", {serviceArn}) for status and the public URL; tell the user: "Once the service is up and running, your application will be accessible at: <URL>".
Clean up with delete_app(service_arn, app_name).

Express Mode provisions the load balancer, target group, security groups, HTTPS endpoint and autoscaling for you.
When something fails, use ecs_troubleshooting_tool (start with action "diagnose" or "get_ecs_troubleshooting_guidance").
Results that can hold secrets are redacted unless ALLOW_SENSITIVE_DATA=true. AWS credentials come from the standard chain (AWS_PROFILE, SSO, environment).
For ECS features newer than your training data (Express Mode, native blue/green, Managed Instances) use the aws_knowledge_* documentation tools.`;
