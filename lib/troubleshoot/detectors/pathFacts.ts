// The checked network path of a service's tasks (route, public IP, endpoints, egress), for failure explanations.
import type { PathFacts } from "./failureContext.ts";
import { defaultRoute, type NetworkFacts, tableOf } from "./networkRules.ts";

const allows443 = (f: NetworkFacts): boolean | undefined => {
  if (!f.taskSecurityGroups || f.taskSecurityGroups.length === 0) return undefined;
  return f.taskSecurityGroups.some((sg) =>
    (sg.IpPermissionsEgress ?? []).some(
      (p) =>
        p.IpProtocol === "-1" || (p.IpProtocol === "tcp" && (p.FromPort ?? 0) <= 443 && 443 <= (p.ToPort ?? 65535)),
    ),
  );
};

/** Where the task security groups let TCP 443 out to. */
const egressDestinations = (f: NetworkFacts): string[] =>
  (f.taskSecurityGroups ?? []).flatMap((sg) =>
    (sg.IpPermissionsEgress ?? [])
      .filter(
        (p) =>
          p.IpProtocol === "-1" || (p.IpProtocol === "tcp" && (p.FromPort ?? 0) <= 443 && 443 <= (p.ToPort ?? 65535)),
      )
      .flatMap((p) => [
        ...(p.IpRanges ?? []).map((r) => r.CidrIp ?? ""),
        ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6 ?? ""),
        ...(p.PrefixListIds ?? []).map((l) => l.PrefixListId ?? ""),
        ...(p.UserIdGroupPairs ?? []).map((g) => g.GroupId ?? ""),
      ])
      .filter(Boolean),
  );

/** The S3 gateway endpoint routed from the task subnets, with the prefix list its routes use. */
const s3GatewayOf = (f: NetworkFacts): PathFacts["s3Gateway"] => {
  const gw = (f.vpcEndpoints ?? []).find(
    (e) =>
      e.VpcEndpointType === "Gateway" &&
      /\.s3$/.test(e.ServiceName ?? "") &&
      !/^(deleted|deleting|failed|rejected|expired)$/i.test(String(e.State ?? "")),
  );
  if (!gw?.VpcEndpointId) return undefined;
  const vpcOf = (id: string) => f.subnets?.find((s) => s.SubnetId === id)?.VpcId;
  const route = (f.taskSubnetIds ?? [])
    .flatMap((id) => tableOf(id, vpcOf(id), f.routeTables ?? [])?.Routes ?? [])
    .find((r) => r.GatewayId === gw.VpcEndpointId && r.DestinationPrefixListId);
  return {
    id: gw.VpcEndpointId,
    ...(gw.PolicyDocument ? { policy: gw.PolicyDocument } : {}),
    ...(route?.DestinationPrefixListId ? { prefixList: route.DestinationPrefixListId } : {}),
  };
};

/** Free addresses of each task subnet DescribeSubnets answered for. */
const freeIpsOf = (f: NetworkFacts): PathFacts["freeIps"] => {
  const known = (f.subnets ?? []).filter(
    (s) => s.SubnetId && (f.taskSubnetIds ?? []).includes(s.SubnetId) && s.AvailableIpAddressCount !== undefined,
  );
  return known.length ? Object.fromEntries(known.map((s) => [s.SubnetId!, s.AvailableIpAddressCount!])) : undefined;
};

/** Path facts from whatever network calls succeeded; route "unknown" when routes or subnets were not read. */
export const pathFactsOf = (f: NetworkFacts): PathFacts => {
  const subnets = [...(f.taskSubnetIds ?? [])];
  const egress443 = allows443(f);
  const base = {
    subnets,
    publicIp: f.assignPublicIp === "ENABLED",
    ...(f.onEc2 ? { onEc2: true } : {}),
    ...(egress443 !== undefined ? { egress443 } : {}),
    ...(f.taskSecurityGroups?.length
      ? {
          egress443To: egressDestinations(f),
          securityGroups: f.taskSecurityGroups.map((sg) => sg.GroupId ?? "").filter(Boolean),
        }
      : {}),
    ...(s3GatewayOf(f) ? { s3Gateway: s3GatewayOf(f) } : {}),
    ...(freeIpsOf(f) ? { freeIps: freeIpsOf(f) } : {}),
    ...(f.vpcEndpoints
      ? {
          endpoints: f.vpcEndpoints
            .filter((e) => !/^(deleted|deleting|failed|rejected|expired)$/i.test(String(e.State ?? "")))
            .map((e) => e.ServiceName ?? ""),
        }
      : {}),
  };
  if (!f.routeTables || subnets.length === 0) return { route: "unknown", ...base };
  const vpcOf = (id: string) => f.subnets?.find((s) => s.SubnetId === id)?.VpcId;
  const routes = subnets.map((id) => defaultRoute(id, vpcOf(id), f.routeTables ?? []));
  // The weakest subnet decides: a task placed there fails.
  const route = routes.includes("none") ? "none" : routes.includes("igw") ? "igw" : "nat";
  return { route, ...base };
};
