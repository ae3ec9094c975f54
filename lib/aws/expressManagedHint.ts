// The way to do with the Express Gateway API what a classic service operation cannot do to an Express service.

/** The last path segment of an ARN (`service/default/my-app` → `my-app`). */
const nameOf = (arn: string) => arn.split("/").pop() ?? arn;

/** How to do with the Express Gateway API what `operation` (a classic service operation) cannot do to `arn`. */
export const expressManagedHint = (operation: string, arn: string | undefined): string => {
  const target = arn ? `serviceArn: "${arn}"` : "serviceArn: <the service ARN>";
  const app = arn ? nameOf(arn) : "<app name>";
  return /^Delete/.test(operation)
    ? `${arn ?? "This service"} is an Express Mode service (resourceManagementType ECS): ECS owns its load balancer, target groups and scaling, so ${operation} refuses it. Delete it with delete_app (app_name: "${app}"${arn ? `, service_arn: "${arn}"` : ""}; it also removes the app's ECR stack), or with ecs_resource_management DeleteExpressGatewayService {${target}}.`
    : `${arn ?? "This service"} is an Express Mode service (resourceManagementType ECS): ${operation} cannot change it. Use ecs_resource_management UpdateExpressGatewayService {${target}, ...} (image, cpu, memory, environment, scaling), or re-run deploy_app for the app "${app}".`;
};
