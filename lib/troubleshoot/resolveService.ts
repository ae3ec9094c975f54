// Finds the cluster and service behind the parameters: names, a service ARN, or an Express Gateway Service ARN.
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type EcsError, validationError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";

/** The service to look at. */
export interface ServiceTarget {
  readonly cluster: string;
  readonly service: string;
  /** The ARN when one was given (Express services are addressed by ARN). */
  readonly serviceArn?: string;
}

const SERVICE_ARN = /^arn:aws[\w-]*:ecs:([a-z0-9-]+):(\d{12}):service\/(?:([^/]+)\/)?([^/]+)$/;

/** Last path segment of an ARN or the name itself. */
export const shortName = (nameOrArn: string): string => nameOrArn.split("/").at(-1) ?? nameOrArn;

/**
 * New-format service ARNs (`service/<cluster>/<name>`) name their cluster; for old-format ARNs and when no
 * cluster is given, DescribeExpressGatewayService tells which cluster an Express service runs in.
 */
export const resolveService = (
  p: { readonly ecs_cluster_name?: string; readonly ecs_service_name?: string },
  ctx: ToolContext,
): ResultAsync<ServiceTarget, EcsError> => {
  const given = p.ecs_service_name;
  if (!given) {
    return errAsync(
      validationError([{ path: "parameters.ecs_service_name", message: "missing required value", got: "nothing" }]),
    );
  }
  const m = SERVICE_ARN.exec(given);
  if (!m) {
    if (!p.ecs_cluster_name) {
      return errAsync(
        validationError(
          [{ path: "parameters.ecs_cluster_name", message: "missing required value", got: "nothing" }],
          "Pass ecs_cluster_name with a service name, or pass the service ARN (Express Gateway Service ARNs work) as ecs_service_name.",
        ),
      );
    }
    return okAsync({ cluster: p.ecs_cluster_name, service: given });
  }
  const [, , , arnCluster, name] = m;
  const cluster = arnCluster ?? p.ecs_cluster_name;
  if (cluster) return okAsync({ cluster, service: name!, serviceArn: given });
  return ctx.aws("ecs", "DescribeExpressGatewayService", { serviceArn: given }).map((out) => ({
    cluster: shortName(out.service?.cluster ?? "default"),
    service: out.service?.serviceName ?? name!,
    serviceArn: given,
  }));
};
