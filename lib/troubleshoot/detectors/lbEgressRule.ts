// The other half of "the load balancer reaches the task port": the load balancer's own security groups must allow
// outbound traffic to the tasks (health checks and requests leave the load balancer through them). A group whose
// egress was narrowed to its listener port (443) or removed times every target out although the task groups admit it.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html
import type { IpPermission, SecurityGroup } from "@aws-sdk/client-ec2";
import { type Finding, finding } from "../finding.ts";
import { cidrContains } from "./cidr.ts";
import type { NetworkFacts } from "./networkRules.ts";

const allows = (p: IpPermission, port: number) =>
  p.IpProtocol === "-1" || (p.IpProtocol === "tcp" && (p.FromPort ?? 0) <= port && port <= (p.ToPort ?? 65535));

const describe = (g: SecurityGroup) =>
  (g.IpPermissionsEgress ?? [])
    .map(
      (p) =>
        `${p.IpProtocol === "-1" ? "all" : `${p.IpProtocol} ${p.FromPort ?? "*"}-${p.ToPort ?? "*"}`} to ${[...(p.UserIdGroupPairs ?? []).map((x) => x.GroupId), ...(p.IpRanges ?? []).map((r) => r.CidrIp), ...(p.PrefixListIds ?? []).map((x) => x.PrefixListId)].join(",")}`,
    )
    .join("; ") || "none";

/** A finding when no security group of the load balancer lets traffic out to the task port. */
export const lbEgressFindings = (f: NetworkFacts): Finding[] => {
  const port = f.lbContainerPort;
  const lbSgs = f.lbSecurityGroups ?? [];
  if (port === undefined || lbSgs.length === 0) return [];
  const taskSgIds = (f.taskSecurityGroups ?? []).map((g) => g.GroupId ?? "");
  const taskCidrs = (f.taskSubnetIds ?? [])
    .map((id) => f.subnets?.find((s) => s.SubnetId === id)?.CidrBlock)
    .filter((c): c is string => Boolean(c));
  const reaches = (p: IpPermission) =>
    allows(p, port) &&
    ((p.UserIdGroupPairs ?? []).some((g) => taskSgIds.includes(g.GroupId ?? "")) ||
      (p.IpRanges ?? []).some(
        (r) =>
          r.CidrIp === "0.0.0.0/0" || (taskCidrs.length > 0 && taskCidrs.every((c) => cidrContains(r.CidrIp ?? "", c))),
      ) ||
      (p.PrefixListIds ?? []).length > 0);
  if (lbSgs.some((g) => (g.IpPermissionsEgress ?? []).some(reaches))) return [];
  const ids = lbSgs.map((g) => g.GroupId).join(", ");
  const to = taskSgIds.length ? taskSgIds.join(", ") : "the task subnets";
  return [
    finding({
      id: "sg_blocks_lb",
      category: "network",
      title: `The load balancer's security group ${ids} allows no outbound traffic to the tasks on port ${port}`,
      likelihood: 0.9,
      evidence: lbSgs.map((g) => ({
        source: "network_rule" as const,
        ref: g.GroupId,
        text: `${g.GroupId} (${g.GroupName}) egress: ${describe(g)}`,
      })),
      explanation: `Health checks and requests leave the load balancer through its security group ${ids}, whose outbound rules (${lbSgs.map(describe).join(" | ")}) do not reach port ${port} of the tasks (${to}); the task groups admit the load balancer, so the targets time out on the load balancer's side.`,
      fix: `Add an outbound rule to ${lbSgs[0]?.GroupId}: TCP ${port} to ${taskSgIds[0] ?? "the task subnets' CIDRs"} (the tasks' security group), or restore the default allow-all egress.`,
    }),
  ];
};
