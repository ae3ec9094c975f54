// Explains a timeout reaching an AWS service from what was checked of the task's network path, and names the VPC
// endpoints for the region. Never states a route fact that was not checked.
import type { PathFacts } from "./failureContext.ts";
import type { FailureService } from "./parseFailure.ts";

const LABEL: Record<FailureService, string> = {
  ssm: "Systems Manager Parameter Store",
  secretsmanager: "Secrets Manager",
  ecr: "Amazon ECR",
  s3: "Amazon S3",
  logs: "CloudWatch Logs",
  kms: "AWS KMS",
  ec2: "Amazon EC2",
  efs: "Amazon EFS",
  registry: "the image registry",
};

/** Human name of a service. */
export const serviceLabel = (s: FailureService | undefined): string => (s ? LABEL[s] : "an AWS service");

/** VPC endpoint service names the step needs (ECR also needs S3 for layers). */
export const endpointsFor = (s: FailureService | undefined, region: string): string[] => {
  const r = `com.amazonaws.${region}`;
  switch (s) {
    case "ecr":
      return [`${r}.ecr.api`, `${r}.ecr.dkr`, `${r}.s3 (gateway)`];
    case "s3":
      return [`${r}.s3 (gateway)`];
    case "ssm":
    case "secretsmanager":
    case "logs":
    case "kms":
      return [`${r}.${s}`];
    default:
      return [];
  }
};

/** The endpoints the rest of a Fargate start-up needs besides the failing one. */
export const startupEndpoints = (region: string): string => {
  const r = `com.amazonaws.${region}`;
  return `${r}.ecr.api, ${r}.ecr.dkr, ${r}.s3 (gateway) and ${r}.logs`;
};

const has = (p: PathFacts, name: string) => (p.endpoints ?? []).some((e) => e === name.replace(" (gateway)", ""));

/** ECR reached through its interface endpoints, with no NAT/internet route and no S3 gateway endpoint for the layers. */
export const ecrWithoutS3Gateway = (region: string, p: PathFacts | undefined): boolean =>
  Boolean(
    p &&
      !p.onEc2 &&
      p.route === "none" &&
      !has(p, `com.amazonaws.${region}.s3`) &&
      (has(p, `com.amazonaws.${region}.ecr.api`) || has(p, `com.amazonaws.${region}.ecr.dkr`)),
  );

/** One or two sentences on why the service was unreachable, from checked facts only. */
export const pathExplanation = (s: FailureService | undefined, region: string, p: PathFacts | undefined): string => {
  const label = serviceLabel(s);
  if (!p || p.route === "unknown")
    return `The task's network path was not checked here; a timeout reaching ${label} usually means the subnets have no NAT route (or public IP on an internet-gateway route) and no VPC endpoint for it, or the security group blocks outbound 443.`;
  if (p.onEc2)
    return `Tasks on EC2 capacity reach ${label} through the container instance's network: check the instance subnet's route and security group.`;
  const needed = endpointsFor(s, region);
  const present = needed.filter((e) => has(p, e));
  const subnets = p.subnets.join(", ") || "the task subnets";
  const egress = p.egress443 === false ? " The task security groups also allow no outbound TCP 443." : "";
  if (present.length > 0)
    return `The VPC has an endpoint for ${label} (${present.join(", ")}), yet the call timed out: the endpoint's security group must admit TCP 443 from the tasks, private DNS must be enabled on it, and the endpoint must be in the tasks' subnets/AZs.${egress}`;
  if (p.route === "none")
    return `${subnets}: the route table has no default route to a NAT or internet gateway, and the VPC has no endpoint for ${label}, so the task cannot reach it.${egress}`;
  if (p.route === "igw" && !p.publicIp)
    return `${subnets} route to an internet gateway, but assignPublicIp is DISABLED: without a public IP the task cannot use that route, and there is no VPC endpoint for ${label}.${egress}`;
  return `${subnets} have a default route (${p.route === "nat" ? "NAT" : "internet gateway with a public IP"}), so the route itself is present: ${egress ? egress.trim() : "look at network ACLs, DNS resolution in the VPC (enableDnsSupport), a proxy or firewall on the path, or a regional outage of the service"}.`;
};

/** The fix for an unreachable service: the path options, with the region's endpoint names. */
export const pathFix = (s: FailureService | undefined, region: string, p: PathFacts | undefined): string => {
  const eps = endpointsFor(s, region);
  const label = serviceLabel(s);
  if (p?.egress443 === false)
    return `Allow outbound TCP 443 in the task security group (to 0.0.0.0/0 or to the endpoints' security group), so the task can reach ${label}.`;
  const present = p ? eps.filter((e) => has(p, e)) : [];
  if (present.length > 0)
    return `The endpoint is there (${present.join(", ")}): add an inbound rule for TCP 443 from the task security group to the endpoint's security group, enable private DNS on the interface endpoint, and give it a subnet in every Availability Zone the tasks use${eps.length > present.length ? `; the other endpoints this step needs are missing: ${eps.filter((e) => !present.includes(e)).join(", ")}` : ""}.`;
  const routed = p && !p.onEc2 && (p.route === "nat" || (p.route === "igw" && p.publicIp));
  if (routed && !eps.some((e) => has(p, e)))
    return `The route is there, so check what else is on the path to ${label}: the subnets' network ACLs must allow outbound TCP 443 and inbound ephemeral ports 1024-65535, the VPC must resolve DNS (enableDnsSupport), and no firewall or proxy may drop the traffic; VPC endpoints ${eps.join(", ") || "for the service"} avoid the internet path altogether.`;
  return `Give the task a path to ${label}: a 0.0.0.0/0 route to a NAT gateway for private subnets, or assignPublicIp ENABLED in public subnets, or VPC endpoints ${eps.join(", ") || "for the service"}${s === "ecr" || s === "s3" ? "" : ` (plus ${startupEndpoints(region)} for the rest of the start-up)`}; endpoint security groups must allow TCP 443 from the tasks.`;
};
