// The checked network path of a service's tasks (route, public IP, endpoints, egress), for failure explanations.
import type { PathFacts } from "./failureContext.ts";
import { defaultRoute, type NetworkFacts } from "./networkRules.ts";

const allows443 = (f: NetworkFacts): boolean | undefined => {
  if (!f.taskSecurityGroups || f.taskSecurityGroups.length === 0) return undefined;
  return f.taskSecurityGroups.some((sg) =>
    (sg.IpPermissionsEgress ?? []).some(
      (p) =>
        p.IpProtocol === "-1" || (p.IpProtocol === "tcp" && (p.FromPort ?? 0) <= 443 && 443 <= (p.ToPort ?? 65535)),
    ),
  );
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
