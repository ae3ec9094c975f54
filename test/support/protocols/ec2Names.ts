// EC2 wire names (`locationName`s) that are not simply the SDK member name with a lower-case first letter.
// Taken from the EC2 model as shipped in @aws-sdk/client-ec2 (the output schemas' xmlName traits).

/**
 * SDK member name → EC2 element name, for the describe operations used in ECS network troubleshooting:
 * DescribeVpcs, DescribeSubnets, DescribeSecurityGroups, DescribeRouteTables, DescribeNetworkInterfaces,
 * DescribeNatGateways, DescribeInternetGateways, DescribeVpcEndpoints, DescribeNetworkAcls,
 * DescribeAvailabilityZones. Every list is `<xSet><item>…` unless named here otherwise.
 */
export const EC2_ELEMENT_NAMES: Readonly<Record<string, string>> = {
  // top-level result lists
  Vpcs: "vpcSet",
  Subnets: "subnetSet",
  SecurityGroups: "securityGroupInfo",
  RouteTables: "routeTableSet",
  NetworkInterfaces: "networkInterfaceSet",
  NatGateways: "natGatewaySet",
  InternetGateways: "internetGatewaySet",
  VpcEndpoints: "vpcEndpointSet",
  NetworkAcls: "networkAclSet",
  AvailabilityZones: "availabilityZoneInfo",
  // nested lists
  Tags: "tagSet",
  UserIdGroupPairs: "groups",
  Routes: "routeSet",
  Associations: "associationSet",
  PropagatingVgws: "propagatingVgwSet",
  Attachments: "attachmentSet",
  Groups: "groupSet",
  Ipv6Addresses: "ipv6AddressesSet",
  PrivateIpAddresses: "privateIpAddressesSet",
  Ipv4Prefixes: "ipv4PrefixSet",
  Ipv6Prefixes: "ipv6PrefixSet",
  AssociatedSubnets: "associatedSubnetSet",
  NatGatewayAddresses: "natGatewayAddressSet",
  RouteTableIds: "routeTableIdSet",
  SubnetIds: "subnetIdSet",
  NetworkInterfaceIds: "networkInterfaceIdSet",
  DnsEntries: "dnsEntrySet",
  Entries: "entrySet",
  Messages: "messageSet",
};

/** Names that differ only inside one parent member (key: the parent's SDK name). */
export const EC2_SCOPED_ELEMENT_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  SecurityGroups: { Description: "groupDescription" },
  NetworkAcls: { IsDefault: "default" },
  AvailabilityZones: { State: "zoneState" },
};

/** Input lists whose SDK member name is singular, per operation (left as sent instead of pluralised). */
export const EC2_INPUT_SINGULAR_LISTS: Readonly<Record<string, readonly string[]>> = {
  DescribeNatGateways: ["Filter"],
};
