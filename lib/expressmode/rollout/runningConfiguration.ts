// Finds the Express configuration a service actually runs: the one of the current deployment's revision.
import type {
  ECSExpressGatewayService,
  ExpressGatewayServiceConfiguration,
  ServiceDeployment,
} from "@aws-sdk/client-ecs";

/**
 * The revision ARN the service runs after a deployment: the revision it rolled back to after a rollback, else the
 * deployment's target. Only meaningful once the deployment finished.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-deployment.html
 */
export const runningRevisionArn = (d: ServiceDeployment | undefined): string | undefined => {
  if (!d) return undefined;
  if (/^ROLLBACK_/.test(d.status ?? "") || d.rollback?.startedAt)
    return d.rollback?.serviceRevisionArn ?? d.sourceServiceRevisions?.[0]?.arn;
  return d.targetServiceRevision?.arn;
};

/**
 * The active configuration with the given revision ARN. `activeConfigurations` has no documented order (during a
 * canary it holds the old and the new revision), so the first element proves nothing; a lone configuration is used
 * only when the revision is unknown.
 */
export const runningConfiguration = (
  svc: ECSExpressGatewayService | undefined,
  revisionArn: string | undefined,
): ExpressGatewayServiceConfiguration | undefined => {
  const configs = svc?.activeConfigurations ?? [];
  if (revisionArn) return configs.find((c) => c.serviceRevisionArn === revisionArn);
  return configs.length === 1 ? configs[0] : undefined;
};
