// The Express Mode capability: its instructions and prompts; its tools are the files in tools/ (tools/index.ts).
import { defineCapability } from "../capability.ts";
import { PROMPTS } from "./prompts.ts";
import { TOOLS } from "./tools/index.ts";

/** The Express Mode capability: tools in the reference's order, then deploy_app. */
export const EXPRESS_MODE = defineCapability({
  id: "expressmode",
  settings: ["container", "polling"],
  instructions: `Deploying (writes need policy.allowWrite = true):
- In one call: deploy_app(app_name, app_path, port) writes a Dockerfile if missing, builds and pushes the image, validates the roles, creates the cluster and the Express service (or updates it), waits until it is ready and returns the public URL. dry_run: true returns the plan; after a failure it names the failed step with a diagnosis, and calling it again resumes.
- Step by step:
1. containerize_app(app_path, port): inspects the project and proposes a Dockerfile; write it before building.
2. build_and_push_image_to_ecr(app_name, app_path): creates the ECR repository (CloudFormation stack <app_name>-ecr-infrastructure), builds and pushes the image, returns full_image_uri.
3. validate_ecs_express_mode_prerequisites(image_uri): checks the task execution role, the infrastructure role and the image.
4. ecs_resource_management(api_operation="CreateExpressGatewayService", api_params={primaryContainer:{image:<full_image_uri>, containerPort:<port>}, executionRoleArn:"arn:aws:iam::<account>:role/ecsTaskExecutionRole", infrastructureRoleArn:"arn:aws:iam::<account>:role/ecsInfrastructureRoleForExpressServices"}). Optional: serviceName, cluster, cpu ("256".."4096"), memory ("512".."8192"), scalingTarget {minTaskCount, maxTaskCount, autoScalingMetric, autoScalingTargetValue}, healthCheckPath, environment, tags.
5. wait_for_service_ready(cluster, service_name) until the tasks run.
6. ecs_resource_management("DescribeExpressGatewayService", {serviceArn}) for status and the public URL; tell the user: "Once the service is up and running, your application will be accessible at: <URL>".
Clean up with delete_app(service_arn, app_name).
Express Mode provisions the load balancer, target group, security groups, HTTPS endpoint and autoscaling for you.`,
  prompts: PROMPTS,
  tools: TOOLS,
});
