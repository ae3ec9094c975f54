// The endpoint each AWS service will be called at: overrides (AWS_ENDPOINT_URL*, --endpoint-url) or the public one.
import { ENDPOINT_ENV_SUFFIX, SERVICE_NAMES, type ServiceName } from "../../../lib/index.ts";

/** Host prefix of each service's public regional endpoint (IAM is global). */
const HOST: Record<ServiceName, string> = {
  ecs: "ecs",
  ecr: "api.ecr",
  cloudformation: "cloudformation",
  iam: "iam",
  logs: "logs",
  ec2: "ec2",
  elbv2: "elasticloadbalancing",
  sts: "sts",
  cloudwatch: "monitoring",
};

/** Public endpoint of a service in a region (China regions use amazonaws.com.cn; IAM is global outside China). */
export const defaultEndpoint = (service: ServiceName, region: string): string => {
  const china = region.startsWith("cn-");
  const suffix = china ? "amazonaws.com.cn" : "amazonaws.com";
  if (service === "iam" && !china) return "https://iam.amazonaws.com";
  return `https://${HOST[service]}.${region}.${suffix}`;
};

/** One URL to probe and the services that use it (with an override, all services often share one). */
export interface EndpointTarget {
  readonly url: string;
  readonly services: readonly ServiceName[];
  /** Where the URL comes from: the variable or flag that set it, or "AWS default". */
  readonly source: string;
}

/** Groups the services by the endpoint they will use; overrides win over the defaults, per service then global. */
export const endpointTargets = (
  endpoints: Partial<Record<ServiceName | "default", string>>,
  region: string,
): EndpointTarget[] => {
  const byUrl = new Map<string, { services: ServiceName[]; source: string }>();
  for (const s of SERVICE_NAMES) {
    const own = endpoints[s];
    const url = own ?? endpoints.default ?? defaultEndpoint(s, region);
    const source = own
      ? `AWS_ENDPOINT_URL_${ENDPOINT_ENV_SUFFIX[s]}`
      : endpoints.default
        ? "AWS_ENDPOINT_URL / --endpoint-url"
        : "AWS default";
    const entry = byUrl.get(url) ?? { services: [], source };
    entry.services.push(s);
    byUrl.set(url, entry);
  }
  return [...byUrl].map(([url, e]) => ({ url, services: e.services, source: e.source }));
};
