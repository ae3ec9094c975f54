// Reads the provisioning state of the resources ECS manages for an Express revision (load balancer, listener, rule,
// target groups, certificate, security groups, log groups, alarms) from DescribeServiceRevisions.ecsManagedResources.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ECSManagedResources.html
import type { ECSManagedResources } from "@aws-sdk/client-ecs";

/** Resources still provisioning and those that failed, each as `<kind>: <reason or arn>`. */
export interface ResourceStates {
  readonly provisioning: string[];
  readonly failed: string[];
}

type Managed = { status?: string; statusReason?: string; arn?: string } | undefined;

/** Sorts each managed resource by status; ACTIVE, DELETED and DEPROVISIONING (old revisions' leftovers) pass. */
export const managedResourceStates = (r: ECSManagedResources | undefined): ResourceStates => {
  const out: ResourceStates = { provisioning: [], failed: [] };
  const add = (kind: string, m: Managed) => {
    if (!m?.status) return;
    const label = `${kind}${m.statusReason ? `: ${m.statusReason}` : m.arn ? ` ${m.arn}` : ""}`;
    if (m.status === "PROVISIONING") out.provisioning.push(label);
    else if (m.status === "FAILED") out.failed.push(label);
  };
  for (const p of r?.ingressPaths ?? []) {
    add("load balancer", p.loadBalancer);
    add("certificate", p.certificate);
    add("listener", p.listener);
    add("listener rule", p.rule);
    for (const t of p.targetGroups ?? []) add("target group", t);
    for (const g of p.loadBalancerSecurityGroups ?? []) add("load balancer security group", g);
  }
  for (const g of r?.serviceSecurityGroups ?? []) add("service security group", g);
  for (const l of r?.logGroups ?? []) add("log group", l);
  for (const a of r?.metricAlarms ?? []) add("metric alarm", a);
  return out;
};
