// Network rules: port mismatches, security groups blocking the load balancer or egress, subnet routes, LB scheme.
import type { IpPermission, RouteTable, SecurityGroup, Subnet, VpcEndpoint } from "@aws-sdk/client-ec2";
import type { LoadBalancer, TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import { type Finding, finding } from "../finding.ts";
import { cidrContains } from "./cidr.ts";
import { lbEgressFindings } from "./lbEgressRule.ts";
import { endpointsFor, serviceLabel } from "./networkPath.ts";
import type { FailureService } from "./parseFailure.ts";

/** What the network rules look at; every field optional so a denied API only disables the rules needing it. */
export interface NetworkFacts {
  /** Container ports the task definition maps. */
  readonly containerPorts?: readonly number[];
  /** The port the service registers with the load balancer. */
  readonly lbContainerPort?: number;
  readonly targetGroups?: readonly TargetGroup[];
  readonly loadBalancers?: readonly LoadBalancer[];
  readonly taskSubnetIds?: readonly string[];
  readonly assignPublicIp?: string;
  readonly taskSecurityGroups?: readonly SecurityGroup[];
  /** The load balancers' own security groups, when read (for their egress to the task port). */
  readonly lbSecurityGroups?: readonly SecurityGroup[];
  readonly subnets?: readonly Subnet[];
  readonly routeTables?: readonly RouteTable[];
  readonly vpcEndpoints?: readonly VpcEndpoint[];
  /** Whether every image is in private ECR of this region (then VPC endpoints can replace internet access). */
  readonly onlyEcrImages?: boolean;
  /** Tasks run on EC2 capacity: the agent pulls images, reads secrets and ships logs through the instance's network. */
  readonly onEc2?: boolean;
  /** Region of the service (for endpoint names). */
  readonly region?: string;
  /** AWS services the tasks reach at start, from the task definitions (ecr, s3, ssm, secretsmanager, logs). */
  readonly needs?: readonly FailureService[];
}

type Route = "igw" | "nat" | "none";

/** The route table of a subnet: its explicit association, else the VPC's main table. */
export const tableOf = (
  subnetId: string,
  vpcId: string | undefined,
  tables: readonly RouteTable[],
): RouteTable | undefined =>
  tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId)) ??
  tables.find((t) => (!vpcId || t.VpcId === vpcId) && t.Associations?.some((a) => a.Main));

/** The default route of a subnet: its explicit route table, else the VPC's main table. */
export const defaultRoute = (subnetId: string, vpcId: string | undefined, tables: readonly RouteTable[]): Route => {
  const table = tableOf(subnetId, vpcId, tables);
  const route = table?.Routes?.find((r) => r.DestinationCidrBlock === "0.0.0.0/0" && r.State !== "blackhole");
  if (route?.GatewayId?.startsWith("igw-")) return "igw";
  if (route?.NatGatewayId || route?.TransitGatewayId || route?.NetworkInterfaceId) return "nat";
  return "none";
};

const allowsPort = (p: IpPermission, port: number) =>
  p.IpProtocol === "-1" || (p.IpProtocol === "tcp" && (p.FromPort ?? 0) <= port && port <= (p.ToPort ?? 65535));

const hasEndpoints = (eps: readonly VpcEndpoint[]) => {
  const names = eps
    .filter((e) => !/^(deleted|deleting|failed|rejected|expired)$/i.test(String(e.State ?? "")))
    .map((e) => e.ServiceName ?? "");
  return ["ecr.dkr", "ecr.api", "s3"].every((s) => names.some((n) => n.endsWith(`.${s}`)));
};

/** Port findings: LB container port not mapped by the task, health check on another port. */
const portFindings = (f: NetworkFacts): Finding[] => {
  const out: Finding[] = [];
  const port = f.lbContainerPort;
  if (port === undefined) return out;
  if (f.containerPorts && f.containerPorts.length > 0 && !f.containerPorts.includes(port)) {
    out.push(
      finding({
        id: "port_mismatch",
        category: "network",
        title: `Load balancer sends traffic to port ${port}, which the container does not expose`,
        likelihood: 0.9,
        evidence: [
          {
            source: "network_rule",
            text: `service loadBalancers.containerPort ${port}; task definition portMappings ${f.containerPorts.join(", ")}`,
          },
        ],
        explanation:
          "The service registers the task with the target group on a port the container does not map, so every request and health check fails.",
        fix: `Use the same port in the service's loadBalancers.containerPort, the task definition's portMappings and the app's listen port.`,
      }),
    );
  }
  for (const tg of f.targetGroups ?? []) {
    const hc = tg.HealthCheckPort;
    if (hc && hc !== "traffic-port" && Number(hc) !== port) {
      out.push(
        finding({
          id: "health_check_port_mismatch",
          category: "network",
          title: `Health check probes port ${hc} but the container listens on ${port}`,
          likelihood: 0.88,
          evidence: [
            {
              source: "network_rule",
              ref: tg.TargetGroupName,
              text: `target group ${tg.TargetGroupName} HealthCheckPort ${hc}; containerPort ${port}`,
            },
          ],
          explanation:
            "The target group's health check targets a port nothing listens on, so every target turns unhealthy and ECS replaces the tasks.",
          fix: "Set the target group's HealthCheckPort to traffic-port (or the container port).",
        }),
      );
    }
  }
  return out;
};

/** Security group findings: LB cannot reach the task port; no egress. */
const sgFindings = (f: NetworkFacts): Finding[] => {
  const out: Finding[] = [];
  const sgs = f.taskSecurityGroups ?? [];
  if (sgs.length === 0) return out;
  const port = f.lbContainerPort;
  const lbSgs = new Set((f.loadBalancers ?? []).flatMap((lb) => lb.SecurityGroups ?? []));
  const lbSubnetCidrs = (f.loadBalancers ?? [])
    .flatMap((lb) => lb.AvailabilityZones?.map((z) => z.SubnetId) ?? [])
    .map((id) => f.subnets?.find((s) => s.SubnetId === id)?.CidrBlock)
    .filter((c): c is string => Boolean(c));
  if (port !== undefined && (f.loadBalancers ?? []).length > 0) {
    const open = sgs.some((sg) =>
      (sg.IpPermissions ?? []).some(
        (p) =>
          allowsPort(p, port) &&
          ((p.UserIdGroupPairs ?? []).some((g) => g.GroupId && (lbSgs.has(g.GroupId) || g.GroupId === sg.GroupId)) ||
            (p.IpRanges ?? []).some(
              (r) =>
                r.CidrIp === "0.0.0.0/0" ||
                (lbSubnetCidrs.length > 0 && lbSubnetCidrs.every((c) => cidrContains(r.CidrIp ?? "", c))),
            ) ||
            (p.PrefixListIds ?? []).length > 0),
      ),
    );
    if (!open) {
      out.push(
        finding({
          id: "sg_blocks_lb",
          category: "network",
          title: `Task security groups do not allow the load balancer on port ${port}`,
          likelihood: 0.9,
          evidence: sgs.map((sg) => ({
            source: "network_rule" as const,
            ref: sg.GroupId,
            text: `${sg.GroupId} (${sg.GroupName}) ingress: ${(sg.IpPermissions ?? []).map((p) => `${p.IpProtocol} ${p.FromPort ?? "*"}-${p.ToPort ?? "*"} from ${[...(p.UserIdGroupPairs ?? []).map((g) => g.GroupId), ...(p.IpRanges ?? []).map((r) => r.CidrIp)].join(",")}`).join("; ") || "none"}; load balancer groups: ${[...lbSgs].join(", ") || "none"}`,
          })),
          explanation:
            "The load balancer's health checks and requests to the task port are dropped by the task's security groups, so targets time out and tasks are replaced.",
          fix: `Add an ingress rule to the task security group: TCP ${port} from the load balancer's security group${lbSgs.size > 0 ? ` (${[...lbSgs].join(", ")})` : ""}.`,
        }),
      );
    }
  }
  const egress = sgs.some((sg) =>
    (sg.IpPermissionsEgress ?? []).some(
      (p) =>
        allowsPort(p, 443) &&
        ((p.IpRanges ?? []).some((r) => r.CidrIp === "0.0.0.0/0") ||
          (p.PrefixListIds ?? []).length > 0 ||
          (p.UserIdGroupPairs ?? []).length > 0),
    ),
  );
  // Rules to narrower CIDRs (e.g. the VPC, where interface endpoints live) are not "no egress": say what they allow.
  const narrow = sgs.flatMap((sg) =>
    (sg.IpPermissionsEgress ?? [])
      .filter((p) => allowsPort(p, 443))
      .flatMap((p) => [
        ...(p.IpRanges ?? []).map((r) => r.CidrIp ?? ""),
        ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6 ?? ""),
      ])
      .filter(Boolean),
  );
  if (!egress && !f.onEc2) {
    const needs = (f.needs && f.needs.length > 0 ? f.needs : (["ecr", "logs"] as FailureService[])).map(serviceLabel);
    out.push(
      finding({
        id: "sg_blocks_egress",
        category: "network",
        title:
          narrow.length > 0
            ? `Task security groups allow outbound HTTPS only to ${narrow.join(", ")}`
            : "Task security groups allow no outbound HTTPS",
        likelihood: narrow.length > 0 ? 0.6 : 0.9,
        evidence: sgs.map((sg) => ({
          source: "network_rule" as const,
          ref: sg.GroupId,
          text: `${sg.GroupId} egress rules: ${(sg.IpPermissionsEgress ?? []).length === 0 ? "none" : (sg.IpPermissionsEgress ?? []).map((p) => `${p.IpProtocol} ${p.FromPort ?? "*"}-${p.ToPort ?? "*"} to ${[...(p.IpRanges ?? []).map((r) => r.CidrIp), ...(p.PrefixListIds ?? []).map((l) => l.PrefixListId), ...(p.UserIdGroupPairs ?? []).map((g) => g.GroupId)].join(",") || "?"}`).join("; ")}`,
        })),
        explanation:
          narrow.length > 0
            ? `${sgs.map((sg) => sg.GroupId).join(", ")} allow outbound TCP 443 only to ${narrow.join(", ")}. At start the task must reach ${needs.join(", ")} over HTTPS: interface endpoints inside those ranges work, but anything reached through a NAT or internet gateway, or S3 through its gateway endpoint (public S3 addresses), is blocked.`
            : `${sgs.map((sg) => sg.GroupId).join(", ")} allow no outbound TCP 443, and at start the task must reach ${needs.join(", ")} over HTTPS (image, secrets, logs), so it fails before the app runs.`,
        fix: `Add an egress rule to ${sgs[0]?.GroupId ?? "the task security group"} allowing TCP 443 to 0.0.0.0/0 (or to the VPC endpoints' security group, or the S3 prefix list for the gateway endpoint).`,
      }),
    );
  }
  return out;
};

const routesOf = (t: RouteTable | undefined) =>
  (t?.Routes ?? [])
    .map(
      (r) =>
        `${r.DestinationCidrBlock ?? r.DestinationPrefixListId ?? r.DestinationIpv6CidrBlock} → ${r.GatewayId ?? r.NatGatewayId ?? r.TransitGatewayId ?? r.VpcPeeringConnectionId ?? r.NetworkInterfaceId ?? "?"}`,
    )
    .join(", ");

/** Explanation and fix of a broken route, from the tables, the services the tasks need and the region. */
const routeText = (
  f: NetworkFacts,
  broken: readonly { id: string; route: Route }[],
  igwNoIp: boolean,
): { explanation: string; fix: string } => {
  const vpcOf = (id: string) => f.subnets?.find((s) => s.SubnetId === id)?.VpcId;
  const tables = [...new Set(broken.map((b) => tableOf(b.id, vpcOf(b.id), f.routeTables ?? [])))];
  const shown = tables
    .map(
      (t) =>
        `${t?.RouteTableId ?? "no table"}${t?.Associations?.some((a) => a.Main) ? " (the VPC's main table)" : ""}: ${routesOf(t) || "no routes"}`,
    )
    .join("; ");
  const needs = f.needs && f.needs.length > 0 ? f.needs : (["ecr", "secretsmanager", "logs"] as FailureService[]);
  const labels = needs.map(serviceLabel).join(", ");
  const region = f.region ?? "<region>";
  const endpoints = [...new Set([...needs.flatMap((n) => endpointsFor(n, region)), ...endpointsFor("ecr", region)])];
  const subnets = broken.map((b) => b.id).join(", ");
  const names = (f.vpcEndpoints ?? []).map((e) => e.ServiceName).filter(Boolean);
  const eps =
    names.length > 0
      ? `the VPC's endpoints (${names.join(", ")}) do not cover them all`
      : "the VPC has no VPC endpoints";
  if (igwNoIp)
    return {
      explanation: `${subnets} route to an internet gateway (${shown}), which only works for tasks with a public IP; with assignPublicIp ${f.assignPublicIp ?? "DISABLED"} and ${eps}, the tasks cannot reach ${labels}.`,
      fix: `Set assignPublicIp=ENABLED in the service's awsvpcConfiguration, or move the tasks to private subnets with a 0.0.0.0/0 route to a NAT gateway, or add VPC endpoints ${endpoints.join(", ")}.`,
    };
  return {
    explanation: `${subnets} use ${shown}: no 0.0.0.0/0 route to a NAT or internet gateway, and ${eps}, so the tasks cannot reach ${labels} at start.`,
    fix: `Add a 0.0.0.0/0 route to a NAT gateway in ${
      tables
        .map((t) => t?.RouteTableId)
        .filter(Boolean)
        .join(", ") || "the subnets' route table"
    } (or use public subnets with assignPublicIp ENABLED), or create VPC endpoints ${endpoints.join(", ")}.`,
  };
};

/** Route findings: task subnets without internet/NAT when needed; internet-facing LB in private subnets. */
const routeFindings = (f: NetworkFacts): Finding[] => {
  const out: Finding[] = [];
  const tables = f.routeTables;
  if (!tables || !f.subnets) return out;
  const vpcOf = (id: string) => f.subnets?.find((s) => s.SubnetId === id)?.VpcId;
  const endpointsCover = Boolean(f.onlyEcrImages) && hasEndpoints(f.vpcEndpoints ?? []);
  const publicIp = f.assignPublicIp === "ENABLED";
  const broken = (f.taskSubnetIds ?? [])
    .map((id) => ({ id, route: defaultRoute(id, vpcOf(id), tables) }))
    .filter(({ route }) => route === "none" || (route === "igw" && !publicIp));
  if (broken.length > 0 && !endpointsCover && !f.onEc2) {
    const igwNoIp = broken.some((b) => b.route === "igw");
    out.push(
      finding({
        id: igwNoIp ? "public_subnet_without_public_ip" : "subnet_no_internet_route",
        category: "network",
        title: igwNoIp
          ? "Tasks in public subnets have no public IP, so they cannot reach the internet"
          : "Task subnets have no route to an internet or NAT gateway",
        likelihood: 0.92,
        evidence: broken.map((b) => ({
          source: "network_rule" as const,
          ref: b.id,
          text: `${b.id}: default route ${b.route === "igw" ? "internet gateway" : "missing"}; assignPublicIp ${f.assignPublicIp ?? "DISABLED"}; VPC endpoints for ECR/S3 ${hasEndpoints(f.vpcEndpoints ?? []) ? "present" : "absent"}`,
        })),
        ...routeText(f, broken, igwNoIp),
      }),
    );
  }
  for (const lb of f.loadBalancers ?? []) {
    if (lb.Scheme !== "internet-facing") continue;
    const privateSubnets = (lb.AvailabilityZones ?? [])
      .map((z) => z.SubnetId!)
      .filter((id) => id && defaultRoute(id, lb.VpcId, tables) !== "igw");
    if (privateSubnets.length > 0) {
      out.push(
        finding({
          id: "lb_scheme_subnet_mismatch",
          category: "network",
          title: `Internet-facing load balancer ${lb.LoadBalancerName} sits in subnets without an internet gateway route`,
          likelihood: 0.8,
          evidence: privateSubnets.map((id) => ({
            source: "network_rule" as const,
            ref: id,
            text: `${lb.LoadBalancerName} subnet ${id} has no 0.0.0.0/0 route to an internet gateway`,
          })),
          explanation:
            "An internet-facing load balancer needs public subnets; in private subnets it is unreachable from the internet.",
          fix: "Recreate the load balancer (or change its subnets) with public subnets routed to an internet gateway, one per AZ.",
        }),
      );
    }
  }
  return out;
};

/** Every network rule over the facts that could be fetched. */
export const networkFindings = (f: NetworkFacts): Finding[] => [
  ...portFindings(f),
  ...sgFindings(f),
  ...(sgFindings(f).some((x) => x.id === "sg_blocks_lb") ? [] : lbEgressFindings(f)),
  ...routeFindings(f),
];
