// ec2Query round trips: SDK-shaped handler output → EC2 wire names and <item> lists → the real EC2 client.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import {
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import { createClients, type FakeClients } from "./clients.ts";
import { EC2_FIXTURES } from "./ec2Fixtures.ts";
import { type FakeAws, startFakeAws } from "./fakeAws.ts";

let fake: FakeAws;
let aws: FakeClients;
beforeAll(async () => {
  fake = await startFakeAws();
  aws = createClients(fake, { maxAttempts: 1 });
});
afterAll(async () => {
  aws.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

const body = <T extends { $metadata: unknown }>({ $metadata: _, ...rest }: T) => rest;

describe("EC2 describe operations", () => {
  test("DescribeSecurityGroups: IpPermissions(Egress) with IpRanges and UserIdGroupPairs, Description", async () => {
    fake.on("ec2", "DescribeSecurityGroups", EC2_FIXTURES.DescribeSecurityGroups);
    const out = await aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ["sg-0123abcd", "sg-0456efgh"] }));
    expect(body(out)).toEqual(EC2_FIXTURES.DescribeSecurityGroups);
  });

  test("DescribeSubnets: booleans, numbers, tags", async () => {
    fake.on("ec2", "DescribeSubnets", EC2_FIXTURES.DescribeSubnets);
    const out = await aws.ec2.send(new DescribeSubnetsCommand({ SubnetIds: ["subnet-0a1b2c3d"] }));
    expect(body(out)).toEqual(EC2_FIXTURES.DescribeSubnets);
  });

  test("DescribeRouteTables: Routes, Associations, an empty PropagatingVgws list", async () => {
    fake.on("ec2", "DescribeRouteTables", EC2_FIXTURES.DescribeRouteTables);
    const out = await aws.ec2.send(new DescribeRouteTablesCommand({}));
    expect(body(out)).toEqual(EC2_FIXTURES.DescribeRouteTables);
  });

  const others = [
    ["DescribeVpcs", () => aws.ec2.send(new DescribeVpcsCommand({}))],
    ["DescribeNetworkInterfaces", () => aws.ec2.send(new DescribeNetworkInterfacesCommand({}))],
    ["DescribeNatGateways", () => aws.ec2.send(new DescribeNatGatewaysCommand({}))],
    ["DescribeInternetGateways", () => aws.ec2.send(new DescribeInternetGatewaysCommand({}))],
    ["DescribeVpcEndpoints", () => aws.ec2.send(new DescribeVpcEndpointsCommand({}))],
  ] as const;
  for (const [operation, send] of others) {
    test(`${operation} round-trips its fixture`, async () => {
      fake.onUntyped("ec2", operation, EC2_FIXTURES[operation]);
      const out: object = body(await send());
      expect(out).toEqual(EC2_FIXTURES[operation]);
    });
  }

  test("handlers may return wire names directly for operations the table does not know", async () => {
    fake.onUntyped("ec2", "DescribeSubnets", { subnetSet: [{ subnetId: "subnet-1", availableIpAddressCount: 3 }] });
    const out = await aws.ec2.send(new DescribeSubnetsCommand({}));
    expect(out.Subnets).toEqual([{ SubnetId: "subnet-1", AvailableIpAddressCount: 3 }]);
  });
});

describe("EC2 input", () => {
  test("flattened singular lists (GroupId.1, Filter.1.Value.1) are recorded under the SDK's plural names", async () => {
    fake.on("ec2", "DescribeSecurityGroups", { SecurityGroups: [] });
    await aws.ec2.send(
      new DescribeSecurityGroupsCommand({
        GroupIds: ["sg-1"],
        Filters: [{ Name: "vpc-id", Values: ["vpc-1", "vpc-2"] }],
        MaxResults: 5,
      }),
    );
    expect(fake.calls[0]?.input).toEqual({
      GroupIds: ["sg-1"],
      Filters: [{ Name: "vpc-id", Values: ["vpc-1", "vpc-2"] }],
      MaxResults: "5",
    });
  });

  test("DescribeNatGateways keeps its singular `Filter` member name", async () => {
    fake.on("ec2", "DescribeNatGateways", { NatGateways: [] });
    await aws.ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: "vpc-id", Values: ["vpc-1"] }] }));
    expect(fake.calls[0]?.input).toEqual({ Filter: [{ Name: "vpc-id", Values: ["vpc-1"] }] });
  });
});
