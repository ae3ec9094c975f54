// awsQuery round trips (CloudFormation, IAM, ELBv2, STS) through the real SDK clients and the loopback fake.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { CreateStackCommand, DescribeStackEventsCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { GetRoleCommand, ListAttachedRolePoliciesCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { createClients, type FakeClients } from "./clients.ts";
import { type FakeAws, startFakeAws } from "./fakeAws.ts";
import { parseQueryParams } from "./protocols/queryParams.ts";

const ACCOUNT = "123456789012";
const STACK_ID = `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/web-app/5b7f2c10-0a3e-11f0-9b6e-0e1f2a3b4c5d`;
const TG_ARN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/api/73e2d6bc24d8a067`;

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

describe("CloudFormation", () => {
  test("DescribeStacks: Outputs and Parameters lists, one-element lists, ISO timestamps", async () => {
    const fixture = {
      Stacks: [
        {
          StackId: STACK_ID,
          StackName: "web-app",
          CreationTime: new Date("2025-03-14T09:00:12.345Z"),
          LastUpdatedTime: new Date("2025-03-14T09:12:40Z"),
          StackStatus: "UPDATE_COMPLETE" as const,
          DisableRollback: false,
          Parameters: [{ ParameterKey: "AppName", ParameterValue: "api" }],
          Outputs: [
            { OutputKey: "ServiceUrl", OutputValue: "https://api.example.com", Description: "Public URL" },
            { OutputKey: "ClusterName", OutputValue: "web", ExportName: "web-app-ClusterName" },
          ],
          Capabilities: ["CAPABILITY_IAM" as const],
          Tags: [],
          EnableTerminationProtection: false,
          DriftInformation: { StackDriftStatus: "NOT_CHECKED" as const },
        },
      ],
    };
    fake.on("cloudformation", "DescribeStacks", fixture);
    const out = await aws.cloudformation.send(new DescribeStacksCommand({ StackName: "web-app" }));
    expect(body(out)).toEqual(fixture);
    expect(fake.calls[0]?.input).toEqual({ StackName: "web-app" });
  });

  test("DescribeStackEvents returns events with reasons and timestamps", async () => {
    const fixture = {
      StackEvents: [
        {
          StackId: STACK_ID,
          EventId: "Service-CREATE_FAILED-2025-03-14T09:05:01.123Z",
          StackName: "web-app",
          LogicalResourceId: "Service",
          PhysicalResourceId: "",
          ResourceType: "AWS::ECS::Service",
          Timestamp: new Date("2025-03-14T09:05:01.123Z"),
          ResourceStatus: "CREATE_FAILED" as const,
          ResourceStatusReason: "Resource handler returned message: \"Invalid request provided: <subnet> & 'sg'\"",
        },
      ],
    };
    fake.on("cloudformation", "DescribeStackEvents", fixture);
    const out = await aws.cloudformation.send(new DescribeStackEventsCommand({ StackName: "web-app" }));
    expect(body(out)).toEqual(fixture);
  });

  test("CreateStack input: Parameters, Capabilities and Tags lists come back as arrays", async () => {
    fake.on("cloudformation", "CreateStack", { StackId: STACK_ID });
    const input = {
      StackName: "web-app",
      TemplateBody: '{"Resources":{"Cluster":{"Type":"AWS::ECS::Cluster"}}}',
      Parameters: [
        { ParameterKey: "AppName", ParameterValue: "api" },
        { ParameterKey: "Image", ParameterValue: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/api:v7` },
      ],
      Capabilities: ["CAPABILITY_IAM" as const, "CAPABILITY_NAMED_IAM" as const],
      Tags: [{ Key: "created-by", Value: "ecs-assistant" }],
    };
    const out = await aws.cloudformation.send(new CreateStackCommand(input));
    expect(out.StackId).toBe(STACK_ID);
    expect(fake.calls[0]?.input).toEqual(input);
  });
});

describe("IAM", () => {
  test("GetRole returns the trust policy URL-encoded, as IAM does", async () => {
    const trust = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
    };
    const fixture = {
      Role: {
        Path: "/",
        RoleName: "ecsTaskExecutionRole",
        RoleId: "AROA3XFRBF535PLBIFPI4",
        Arn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
        CreateDate: new Date("2024-11-02T17:45:09Z"),
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
        MaxSessionDuration: 3600,
        RoleLastUsed: { LastUsedDate: new Date("2025-03-14T08:59:59Z"), Region: "us-east-1" },
      },
    };
    fake.on("iam", "GetRole", fixture);
    const out = await aws.iam.send(new GetRoleCommand({ RoleName: "ecsTaskExecutionRole" }));
    expect(body(out)).toEqual(fixture);
    expect(JSON.parse(decodeURIComponent(out.Role?.AssumeRolePolicyDocument ?? ""))).toEqual(trust);
  });

  test("ListAttachedRolePolicies returns the member list and IsTruncated", async () => {
    const fixture = {
      AttachedPolicies: [
        {
          PolicyName: "AmazonECSTaskExecutionRolePolicy",
          PolicyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        },
      ],
      IsTruncated: false,
    };
    fake.on("iam", "ListAttachedRolePolicies", fixture);
    const out = await aws.iam.send(
      new ListAttachedRolePoliciesCommand({ RoleName: "ecsTaskExecutionRole", MaxItems: 100 }),
    );
    expect(body(out)).toEqual(fixture);
    // Query inputs carry no types: numbers arrive as strings.
    expect(fake.calls[0]?.input).toEqual({ RoleName: "ecsTaskExecutionRole", MaxItems: "100" });
  });
});

describe("ELBv2", () => {
  test("DescribeTargetGroups: Names.member.N in, nested Matcher and ARN lists out", async () => {
    const fixture = {
      TargetGroups: [
        {
          TargetGroupArn: TG_ARN,
          TargetGroupName: "api",
          Protocol: "HTTP" as const,
          Port: 8080,
          VpcId: "vpc-0a1b2c3d4e5f67890",
          HealthCheckProtocol: "HTTP" as const,
          HealthCheckPort: "traffic-port",
          HealthCheckEnabled: true,
          HealthCheckIntervalSeconds: 30,
          HealthCheckTimeoutSeconds: 5,
          HealthyThresholdCount: 5,
          UnhealthyThresholdCount: 2,
          HealthCheckPath: "/health",
          Matcher: { HttpCode: "200" },
          LoadBalancerArns: [`arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188`],
          TargetType: "ip" as const,
          IpAddressType: "ipv4" as const,
        },
      ],
    };
    fake.on("elbv2", "DescribeTargetGroups", fixture);
    const out = await aws.elbv2.send(new DescribeTargetGroupsCommand({ Names: ["api", "worker"] }));
    expect(body(out)).toEqual(fixture);
    expect(fake.calls[0]?.input).toEqual({ Names: ["api", "worker"] });
  });

  test("DescribeTargetHealth returns targets with health reasons", async () => {
    const fixture = {
      TargetHealthDescriptions: [
        {
          Target: { Id: "10.0.1.12", Port: 8080, AvailabilityZone: "us-east-1a" },
          HealthCheckPort: "8080",
          TargetHealth: {
            State: "unhealthy" as const,
            Reason: "Target.ResponseCodeMismatch" as const,
            Description: "Health checks failed with these codes: [404]",
          },
        },
        {
          Target: { Id: "10.0.2.7", Port: 8080, AvailabilityZone: "us-east-1b" },
          HealthCheckPort: "8080",
          TargetHealth: { State: "healthy" as const },
        },
      ],
    };
    fake.on("elbv2", "DescribeTargetHealth", fixture);
    const out = await aws.elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: TG_ARN }));
    expect(body(out)).toEqual(fixture);
  });
});

describe("STS", () => {
  test("GetCallerIdentity", async () => {
    const fixture = { UserId: "AIDASAMPLEUSERID", Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/dev` };
    fake.on("sts", "GetCallerIdentity", fixture);
    const out = await aws.sts.send(new GetCallerIdentityCommand({}));
    expect(body(out)).toEqual(fixture);
    expect(fake.calls[0]).toMatchObject({ service: "sts", operation: "GetCallerIdentity", input: {} });
  });
});

describe("parseQueryParams", () => {
  test("rebuilds lists, maps and nested structures; an empty list reads back as an empty string", () => {
    const params = new URLSearchParams(
      "Action=X&Version=1&A.member.2=b&A.member.1=a&M.entry.1.key=k&M.entry.1.value=v&S.Inner.member.1.Name=n&E=",
    );
    expect(parseQueryParams(params)).toEqual({
      A: ["a", "b"],
      M: { k: "v" },
      S: { Inner: [{ Name: "n" }] },
      E: "",
    });
  });
});
