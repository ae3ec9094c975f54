// The load balancer's own security group must let traffic out to the task port.
import { expect, test } from "bun:test";
import { lbEgressFindings } from "./lbEgressRule.ts";

const taskSg = {
  GroupId: "sg-task",
  IpPermissions: [{ IpProtocol: "tcp", FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: "sg-lb" }] }],
};
const lb = (egress: object[]) => ({ GroupId: "sg-lb", GroupName: "lb", IpPermissionsEgress: egress });
const facts = (egress: object[]) => ({
  lbContainerPort: 8080,
  taskSecurityGroups: [taskSg],
  lbSecurityGroups: [lb(egress)],
  taskSubnetIds: ["subnet-a"],
  subnets: [{ SubnetId: "subnet-a", CidrBlock: "10.0.1.0/24" }],
});

test("egress narrowed to the listener port names the group, the port and the rule to add", () => {
  const [f] = lbEgressFindings(
    facts([{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }]),
  );
  expect(f?.id).toBe("sg_blocks_lb");
  expect(f?.fix).toContain("TCP 8080 to sg-task");
  expect(f?.explanation).toContain("tcp 443-443 to 0.0.0.0/0");
});

test("allow-all, the task group or a CIDR covering the task subnets is enough; unknown groups say nothing", () => {
  expect(lbEgressFindings(facts([{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }]))).toEqual([]);
  expect(
    lbEgressFindings(
      facts([{ IpProtocol: "tcp", FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: "sg-task" }] }]),
    ),
  ).toEqual([]);
  expect(
    lbEgressFindings(facts([{ IpProtocol: "tcp", FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: "10.0.0.0/16" }] }])),
  ).toEqual([]);
  expect(lbEgressFindings({ ...facts([]), lbSecurityGroups: [] })).toEqual([]);
});
