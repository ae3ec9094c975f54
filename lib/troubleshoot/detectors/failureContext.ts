// Facts a failure's explanation is built from: the failing task's definition (roles, references), region, and the
// network path of its subnets (checked, or "unknown" when the network calls did not run).
import type { TaskDefinition } from "@aws-sdk/client-ecs";
import type { FailureService } from "./parseFailure.ts";

/** What is known of the task's route to AWS APIs. */
export interface PathFacts {
  /** Default route of the task subnets: NAT (or TGW/appliance), internet gateway, none, or not checked. */
  readonly route: "nat" | "igw" | "none" | "unknown";
  readonly subnets: readonly string[];
  readonly publicIp: boolean;
  /** Service names of the VPC's usable endpoints (e.g. com.amazonaws.us-east-1.ssm). */
  readonly endpoints?: readonly string[];
  /** Some task security group allows outbound TCP 443; undefined when not checked. */
  readonly egress443?: boolean;
  /** EC2 capacity: the agent uses the instance's network and role. */
  readonly onEc2?: boolean;
  /** Destinations the task security groups allow outbound TCP 443 to (CIDRs, prefix lists pl-…, groups sg-…). */
  readonly egress443To?: readonly string[];
  readonly securityGroups?: readonly string[];
  /** Free IPv4 addresses per task subnet (DescribeSubnets AvailableIpAddressCount), when the subnets were read. */
  readonly freeIps?: Readonly<Record<string, number>>;
  /** The S3 gateway endpoint on the task subnets' route tables: its id, endpoint policy and S3 prefix list. */
  readonly s3Gateway?: { readonly id: string; readonly policy?: string; readonly prefixList?: string };
}

export interface FailureContext {
  /** The definition of the failing task (roles, secrets, env files, log configuration). */
  readonly taskDefinition?: TaskDefinition;
  readonly region?: string;
  readonly account?: string;
  readonly path?: PathFacts;
  /** The container instance (id) an EC2-launched task ran on. */
  readonly containerInstance?: string;
  /** The service's placement inputs, for placement failures. */
  readonly placement?: {
    readonly capacityProviders?: readonly string[];
    readonly constraints?: readonly string[];
    readonly desiredCount?: number;
    /** deploymentConfiguration percents: with 100% minimum healthy a rolling update needs room for one more task. */
    readonly minimumHealthyPercent?: number;
    readonly maximumPercent?: number;
  };
}

/** A reference in a task definition to an outside resource fetched at start. */
export interface Reference {
  readonly container: string;
  /** Where it sits, e.g. `secrets`, `logConfiguration.secretOptions`, `environmentFiles`, `repositoryCredentials`. */
  readonly field: string;
  /** Variable or option name, when it has one. */
  readonly name?: string;
  readonly value: string;
}

const serviceOfRef = (value: string): FailureService | undefined =>
  /^arn:aws[\w-]*:secretsmanager:/.test(value)
    ? "secretsmanager"
    : /^arn:aws[\w-]*:ssm:/.test(value) || !value.startsWith("arn:")
      ? "ssm"
      : /^arn:aws[\w-]*:s3:/.test(value)
        ? "s3"
        : undefined;

/** Every secret, secret option, registry credential and env file the definition references. */
export const referencesOf = (td: TaskDefinition | undefined): Reference[] =>
  (td?.containerDefinitions ?? []).flatMap((c) => [
    ...(c.secrets ?? []).map((s) => ({
      container: c.name ?? "",
      field: "secrets",
      name: s.name,
      value: s.valueFrom ?? "",
    })),
    ...(c.logConfiguration?.secretOptions ?? []).map((s) => ({
      container: c.name ?? "",
      field: "logConfiguration.secretOptions",
      name: s.name,
      value: s.valueFrom ?? "",
    })),
    ...(c.repositoryCredentials?.credentialsParameter
      ? [
          {
            container: c.name ?? "",
            field: "repositoryCredentials",
            value: c.repositoryCredentials.credentialsParameter,
          },
        ]
      : []),
    ...(c.environmentFiles ?? []).map((f) => ({
      container: c.name ?? "",
      field: "environmentFiles",
      value: f.value ?? "",
    })),
  ]);

/** The references of a service, narrowed to the one the failure names when it can be matched. */
export const referencesFor = (
  td: TaskDefinition | undefined,
  service: FailureService | undefined,
  resource: string | undefined,
): Reference[] => {
  const all = referencesOf(td).filter((r) => r.value && (!service || serviceOfRef(r.value) === service));
  if (!resource) return all;
  const key = resource.replace(/\.{3}$/, "");
  const hit = all.filter(
    (r) =>
      r.value === key ||
      r.value.endsWith(key) ||
      r.value.endsWith(`parameter${key.startsWith("/") ? "" : "/"}${key}`) ||
      (key.startsWith("arn:") && r.value.startsWith(key)) ||
      r.value.split("/").at(-1) === key,
  );
  return hit.length > 0 ? hit : all;
};

/** Region and account of an ECS ARN. */
export const regionAccountOf = (arn: string | undefined): { region?: string; account?: string } => {
  const m = /^arn:aws[\w-]*:\w+:([a-z0-9-]+):(\d{12}):/.exec(arn ?? "");
  return m ? { region: m[1], account: m[2] } : {};
};

/** `role/name` → `name`. */
export const roleName = (arn: string | undefined): string | undefined => arn?.split("/").at(-1);

/** The execution role, named by ARN, or the fact that there is none. */
export const executionRoleText = (c: FailureContext): string =>
  c.taskDefinition?.executionRoleArn
    ? `the task execution role ${c.taskDefinition.executionRoleArn}`
    : "the task execution role (the task definition sets none: add executionRoleArn)";

/** Up to three references as `container.field NAME → value`, for explanations. */
export const referencesText = (refs: readonly Reference[]): string =>
  refs
    .slice(0, 3)
    .map((r) => `${r.container}.${r.field}${r.name ? ` ${r.name}` : ""} → ${r.value}`)
    .join("; ");
