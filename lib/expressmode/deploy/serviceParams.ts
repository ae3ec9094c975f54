// Builds CreateExpressGatewayService / UpdateExpressGatewayService parameters from deploy_app's input.
import type { CreateExpressGatewayServiceRequest } from "@aws-sdk/client-ecs";
import type { DeployAppInput } from "../schemas.ts";

/** The parts of deploy_app's validated input that shape the service (cluster defaulted by the schema). */
export type ServiceOptions = Pick<
  DeployAppInput,
  | "app_name"
  | "port"
  | "cluster"
  | "service_name"
  | "cpu"
  | "memory"
  | "min_task_count"
  | "max_task_count"
  | "scaling_metric"
  | "scaling_target_value"
  | "health_check_path"
  | "environment"
  | "secrets"
>;

/** The service name deploy_app uses (default: the app name). */
export const serviceNameOf = (o: ServiceOptions): string => o.service_name ?? o.app_name;

/**
 * CreateExpressGatewayService input; UpdateExpressGatewayService takes the same fields minus name, cluster and tags.
 * `platform` is the build platform of the image (sets cpuArchitecture for arm64).
 */
export const serviceParams = (
  o: ServiceOptions,
  image: string,
  executionRoleArn: string,
  infrastructureRoleArn: string,
  platform?: string,
): CreateExpressGatewayServiceRequest => {
  const scaling =
    o.min_task_count !== undefined ||
    o.max_task_count !== undefined ||
    o.scaling_metric ||
    o.scaling_target_value !== undefined
      ? {
          minTaskCount: o.min_task_count,
          maxTaskCount: o.max_task_count,
          autoScalingMetric: o.scaling_metric,
          autoScalingTargetValue: o.scaling_target_value,
        }
      : undefined;
  return {
    serviceName: serviceNameOf(o),
    cluster: o.cluster,
    executionRoleArn,
    infrastructureRoleArn,
    primaryContainer: {
      image,
      containerPort: o.port,
      ...(o.environment
        ? { environment: Object.entries(o.environment).map(([name, value]) => ({ name, value })) }
        : {}),
      ...(o.secrets ? { secrets: Object.entries(o.secrets).map(([name, valueFrom]) => ({ name, valueFrom })) } : {}),
    },
    ...(o.cpu ? { cpu: o.cpu } : {}),
    ...(o.memory ? { memory: o.memory } : {}),
    // Express defaults to X86_64: an image built for linux/arm64 must run on ARM64 tasks.
    ...(platform === "linux/arm64" ? { cpuArchitecture: "ARM64" as const } : {}),
    ...(o.health_check_path ? { healthCheckPath: o.health_check_path } : {}),
    ...(scaling ? { scalingTarget: scaling } : {}),
    tags: [{ key: "ecs-assistant:app", value: o.app_name }],
  };
};
