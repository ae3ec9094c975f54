// SDK-shaped EC2 describe results for a small VPC behind an ECS service (checked against the SDK types).
import type {
  AttachmentStatus,
  DescribeInternetGatewaysResult,
  DescribeNatGatewaysResult,
  DescribeNetworkInterfacesResult,
  DescribeRouteTablesResult,
  DescribeSecurityGroupsResult,
  DescribeSubnetsResult,
  DescribeVpcEndpointsResult,
  DescribeVpcsResult,
  State,
} from "@aws-sdk/client-ec2";

const ACCOUNT = "123456789012";
const VPC = "vpc-0a1b2c3d4e5f67890";
const tags = (name: string) => [{ Key: "Name", Value: name }];

export const EC2_FIXTURES = {
  DescribeVpcs: {
    Vpcs: [
      {
        VpcId: VPC,
        CidrBlock: "10.0.0.0/16",
        State: "available",
        DhcpOptionsId: "dopt-0f1e2d3c",
        InstanceTenancy: "default",
        IsDefault: false,
        OwnerId: ACCOUNT,
        CidrBlockAssociationSet: [
          { AssociationId: "vpc-cidr-assoc-0a1b", CidrBlock: "10.0.0.0/16", CidrBlockState: { State: "associated" } },
        ],
        Tags: tags("web-vpc"),
      },
    ],
  } satisfies DescribeVpcsResult,

  DescribeSubnets: {
    Subnets: [
      {
        SubnetId: "subnet-0a1b2c3d",
        SubnetArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-0a1b2c3d`,
        VpcId: VPC,
        CidrBlock: "10.0.1.0/24",
        AvailabilityZone: "us-east-1a",
        AvailabilityZoneId: "use1-az1",
        AvailableIpAddressCount: 248,
        DefaultForAz: false,
        MapPublicIpOnLaunch: false,
        State: "available",
        OwnerId: ACCOUNT,
        Ipv6CidrBlockAssociationSet: [],
        Tags: [...tags("private-a"), { Key: "tier", Value: "private" }],
      },
    ],
  } satisfies DescribeSubnetsResult,

  DescribeSecurityGroups: {
    SecurityGroups: [
      {
        GroupId: "sg-0123abcd",
        GroupName: "api-tasks",
        Description: "ECS tasks for api",
        OwnerId: ACCOUNT,
        VpcId: VPC,
        SecurityGroupArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-0123abcd`,
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: 8080,
            ToPort: 8080,
            IpRanges: [],
            Ipv6Ranges: [],
            PrefixListIds: [],
            UserIdGroupPairs: [{ GroupId: "sg-0456efgh", UserId: ACCOUNT, Description: "from the ALB" }],
          },
        ],
        IpPermissionsEgress: [
          {
            IpProtocol: "-1",
            IpRanges: [{ CidrIp: "0.0.0.0/0" }],
            Ipv6Ranges: [],
            PrefixListIds: [],
            UserIdGroupPairs: [],
          },
        ],
        Tags: tags("api-tasks"),
      },
      {
        GroupId: "sg-0456efgh",
        GroupName: "web-alb",
        Description: "Public ALB",
        OwnerId: ACCOUNT,
        VpcId: VPC,
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: 443,
            ToPort: 443,
            IpRanges: [
              { CidrIp: "0.0.0.0/0", Description: "HTTPS from anywhere" },
              { CidrIp: "192.0.2.0/24", Description: "office" },
            ],
            Ipv6Ranges: [{ CidrIpv6: "::/0" }],
            PrefixListIds: [],
            UserIdGroupPairs: [],
          },
        ],
        IpPermissionsEgress: [],
      },
    ],
  } satisfies DescribeSecurityGroupsResult,

  DescribeRouteTables: {
    RouteTables: [
      {
        RouteTableId: "rtb-0aa11bb22",
        VpcId: VPC,
        OwnerId: ACCOUNT,
        Routes: [
          { DestinationCidrBlock: "10.0.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" },
          {
            DestinationCidrBlock: "0.0.0.0/0",
            NatGatewayId: "nat-0cc33dd44",
            Origin: "CreateRoute",
            State: "blackhole",
          },
        ],
        Associations: [
          {
            Main: false,
            RouteTableAssociationId: "rtbassoc-0ee55ff66",
            RouteTableId: "rtb-0aa11bb22",
            SubnetId: "subnet-0a1b2c3d",
            AssociationState: { State: "associated" },
          },
        ],
        PropagatingVgws: [],
        Tags: tags("private-routes"),
      },
    ],
  } satisfies DescribeRouteTablesResult,

  DescribeNetworkInterfaces: {
    NetworkInterfaces: [
      {
        NetworkInterfaceId: "eni-0123456789abcdef0",
        InterfaceType: "interface",
        Description: `arn:aws:ecs:us-east-1:${ACCOUNT}:attachment/6f1c9a4e-3b2d-4c1e-9f8a-7b6c5d4e3f2a`,
        Status: "in-use",
        SubnetId: "subnet-0a1b2c3d",
        VpcId: VPC,
        AvailabilityZone: "us-east-1a",
        PrivateIpAddress: "10.0.1.12",
        MacAddress: "0e:12:34:56:78:9a",
        RequesterManaged: true,
        SourceDestCheck: true,
        Groups: [{ GroupId: "sg-0123abcd", GroupName: "api-tasks" }],
        Attachment: { AttachmentId: "ela-attach-0a1b2c3d", Status: "attached", DeviceIndex: 1 },
        PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: "10.0.1.12" }],
        Ipv6Addresses: [],
        TagSet: [],
      },
    ],
  } satisfies DescribeNetworkInterfacesResult,

  DescribeNatGateways: {
    NatGateways: [
      {
        NatGatewayId: "nat-0cc33dd44",
        VpcId: VPC,
        SubnetId: "subnet-0pub1111",
        State: "failed",
        FailureCode: "Gateway.NotAttached",
        FailureMessage: "Network vpc-0a1b2c3d4e5f67890 has no Internet gateway attached",
        ConnectivityType: "public",
        CreateTime: new Date("2025-03-10T12:00:00Z"),
        DeleteTime: new Date("2025-03-10T12:05:00Z"),
        NatGatewayAddresses: [{ AllocationId: "eipalloc-0a1b2c3d", IsPrimary: true, Status: "failed" }],
        Tags: tags("web-nat"),
      },
    ],
  } satisfies DescribeNatGatewaysResult,

  DescribeInternetGateways: {
    InternetGateways: [
      {
        InternetGatewayId: "igw-0a1b2c3d",
        OwnerId: ACCOUNT,
        // EC2 really answers "available" for an attached internet gateway, outside the SDK's AttachmentStatus enum.
        Attachments: [{ VpcId: VPC, State: "available" as AttachmentStatus }],
        Tags: tags("web-igw"),
      },
    ],
  } satisfies DescribeInternetGatewaysResult,

  DescribeVpcEndpoints: {
    VpcEndpoints: [
      {
        VpcEndpointId: "vpce-0a1b2c3d4e5f",
        VpcEndpointType: "Interface",
        VpcId: VPC,
        ServiceName: "com.amazonaws.us-east-1.ecr.dkr",
        // Lower-case on the wire; the SDK's State enum spells it "Available".
        State: "available" as State,
        PrivateDnsEnabled: true,
        RequesterManaged: false,
        OwnerId: ACCOUNT,
        CreationTimestamp: new Date("2025-01-05T10:00:00Z"),
        RouteTableIds: [],
        SubnetIds: ["subnet-0a1b2c3d", "subnet-0b2c3d4e"],
        Groups: [{ GroupId: "sg-0789ijkl", GroupName: "vpce" }],
        NetworkInterfaceIds: ["eni-0fedcba987654321"],
        DnsEntries: [
          { DnsName: "vpce-0a1b2c3d4e5f-abcd.dkr.ecr.us-east-1.vpce.amazonaws.com", HostedZoneId: "Z7HUB22UULQXV" },
        ],
        Tags: [],
      },
    ],
  } satisfies DescribeVpcEndpointsResult,
};
