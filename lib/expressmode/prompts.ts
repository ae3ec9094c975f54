// Prompts of the Express Mode capability: containerize, and source folder to a running service.
import type { PromptDef } from "../capability.ts";
import { arg, dx, v } from "../promptParts.ts";

/** The capability's prompts, in the order prompts/list shows them. */
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
      "From a source folder to a running, public HTTPS service on Amazon ECS Express Mode (needs policy.allowWrite).",
    arguments: [arg.app_path, arg.port, arg.app_name],
    render: (a) => {
      const name = v(a, "app_name", "<app_name>");
      return `Deploy the application in ${v(a, "app_path", "<app_path>")} to Amazon ECS Express Mode.
The one-call path: deploy_app(app_name="${name}", app_path="${v(a, "app_path", "<app_path>")}", port=${v(a, "port", "<port>")}) writes a Dockerfile if missing, builds and pushes the image, validates the roles, creates the cluster and the Express service (or updates it), waits until it is ready and returns the public URL. Call it with dry_run: true first and show the user the plan; on failure it names the failed step with a diagnosis, and calling it again resumes.
To control each step instead, work through these in order and report progress after each:
1. containerize_app(app_path="${v(a, "app_path", "<app_path>")}", port=${v(a, "port", "<port>")}) and write the Dockerfile it proposes (skip if a suitable Dockerfile exists).
2. build_and_push_image_to_ecr(app_name="${name}", app_path="${v(a, "app_path", "<app_path>")}"): creates the ECR repository stack, builds and pushes the image; keep full_image_uri.
3. validate_ecs_express_mode_prerequisites(image_uri=<full_image_uri>): if a role is missing or has the wrong trust policy, explain the fix and stop.
4. ecs_resource_management(api_operation="CreateExpressGatewayService", api_params={serviceName: "${name}", primaryContainer: {image: <full_image_uri>, containerPort: ${v(a, "port", "<port>")}}, executionRoleArn: <from step 3>, infrastructureRoleArn: <from step 3>}).
5. wait_for_service_ready(cluster=<cluster from step 4, usually "default">, service_name="${name}").
6. ecs_resource_management(api_operation="DescribeExpressGatewayService", api_params={serviceArn: <from step 4>}) and give the user the public URL: "Once the service is up and running, your application will be accessible at: <URL>".
If a step fails, run ${dx({ ...a, service: name })} before retrying anything. To remove everything later: delete_app(service_arn, app_name="${name}").
Writes need policy.allowWrite = true; if a call is refused for that reason, tell the user instead of working around it.`;
    },
  },
];
