// Which cluster a classic service operation addresses when `cluster` is left out: the one its service ARN names.

/** The cluster a call addresses, and whether ECS falls back to `default` because nothing names one. */
export interface ServiceCluster {
  /** The `cluster` member, else the cluster named by a long-format service ARN; undefined means `default`. */
  readonly cluster: string | undefined;
  /** A note when the cluster is assumed to be `default` although a service ARN was given (old short format). */
  readonly note: string | undefined;
}

// Service ARNs, "Amazon Resource Names (ARNs) and IDs" in the ECS developer guide: the long format
// arn:<partition>:ecs:<region>:<account>:service/<cluster>/<service> names the cluster; the old short format
// arn:…:service/<service> does not, and then, as for a bare name, "If you do not specify a cluster, the default
// cluster is assumed" (UpdateService / DeleteService `cluster` in the ECS API reference).
const LONG = /^arn:[\w-]+:ecs:[a-z0-9-]*:\d{12}:service\/([A-Za-z0-9_-]{1,255})\/[A-Za-z0-9_-]{1,255}$/;
const SHORT = /^arn:[\w-]+:ecs:[a-z0-9-]*:\d{12}:service\/[A-Za-z0-9_-]{1,255}$/;

/** The cluster `service` (name or ARN) lives in, given the call's own `cluster` member. */
export const clusterOfService = (service: string, cluster: unknown): ServiceCluster => {
  if (typeof cluster === "string" && cluster) return { cluster, note: undefined };
  const long = LONG.exec(service);
  if (long) return { cluster: long[1], note: undefined };
  return {
    cluster: undefined,
    note: SHORT.test(service)
      ? "the service ARN has the old short format (service/<name>), which names no cluster, and no cluster was given: the cluster is assumed to be default"
      : undefined,
  };
};
