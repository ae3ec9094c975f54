// awsJson1_1 round trips (ECS, ECR, CloudWatch Logs) through the real SDK clients and the loopback fake.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeImagesCommand } from "@aws-sdk/client-ecr";
import { DescribeClustersCommand, DescribeServicesCommand, ListClustersCommand } from "@aws-sdk/client-ecs";
import { createClients, type FakeClients } from "./clients.ts";
import { type FakeAws, startFakeAws } from "./fakeAws.ts";

const ACCOUNT = "123456789012";
const CLUSTER_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/web`;

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

/** The SDK output without `$metadata`, for whole-object comparison with the fixture. */
const body = <T extends { $metadata: unknown }>({ $metadata: _, ...rest }: T) => rest;

describe("ECS", () => {
  test("ListClusters passes the input through and returns the ARNs", async () => {
    fake.on("ecs", "ListClusters", (input) => ({
      clusterArns: [CLUSTER_ARN],
      nextToken: input.nextToken ? undefined : "t1",
    }));
    const out = await aws.ecs.send(new ListClustersCommand({ maxResults: 10 }));
    expect(body(out)).toEqual({ clusterArns: [CLUSTER_ARN], nextToken: "t1" });
    expect(fake.calls[0]?.input).toEqual({ maxResults: 10 });
  });

  test("DescribeClusters keeps nested lists, numbers and failures", async () => {
    const fixture = {
      clusters: [
        {
          clusterArn: CLUSTER_ARN,
          clusterName: "web",
          status: "ACTIVE",
          registeredContainerInstancesCount: 0,
          runningTasksCount: 2,
          pendingTasksCount: 0,
          activeServicesCount: 1,
          statistics: [],
          tags: [{ key: "env", value: "prod" }],
          settings: [{ name: "containerInsights" as const, value: "enabled" }],
          capacityProviders: ["FARGATE", "FARGATE_SPOT"],
          defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
        },
      ],
      failures: [{ arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/gone`, reason: "MISSING" }],
    };
    fake.on("ecs", "DescribeClusters", fixture);
    const out = await aws.ecs.send(
      new DescribeClustersCommand({ clusters: ["web", "gone"], include: ["TAGS", "SETTINGS"] }),
    );
    expect(body(out)).toEqual(fixture);
    expect(fake.calls[0]?.input).toEqual({ clusters: ["web", "gone"], include: ["TAGS", "SETTINGS"] });
  });

  test("DescribeServices turns Date fields into epoch seconds and back", async () => {
    const createdAt = new Date("2025-03-14T09:26:53.589Z");
    const fixture = {
      services: [
        {
          serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/web/api`,
          serviceName: "api",
          clusterArn: CLUSTER_ARN,
          status: "ACTIVE",
          desiredCount: 2,
          runningCount: 1,
          pendingCount: 1,
          launchType: "FARGATE" as const,
          taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/api:7`,
          loadBalancers: [
            {
              targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/api/73e2d6bc24d8a067`,
              containerName: "api",
              containerPort: 8080,
            },
          ],
          deployments: [
            {
              id: "ecs-svc/1234567890123456789",
              status: "PRIMARY",
              taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/api:7`,
              desiredCount: 2,
              runningCount: 1,
              failedTasks: 3,
              createdAt,
              updatedAt: new Date("2025-03-14T09:31:02Z"),
              rolloutState: "IN_PROGRESS" as const,
              rolloutStateReason: "ECS deployment ecs-svc/1234567890123456789 in progress.",
            },
          ],
          events: [
            {
              id: "7e1c2a40-6e1f-4d8b-9a55-1f0d2f1f3b11",
              createdAt: new Date("2025-03-14T09:30:00Z"),
              message: "(service api) has started 1 tasks: (task 0f9a6c1b2d3e4f5a6b7c8d9e0f1a2b3c).",
            },
          ],
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: ["subnet-0a1b2c3d"],
              securityGroups: ["sg-0123abcd"],
              assignPublicIp: "DISABLED" as const,
            },
          },
          createdAt,
          enableExecuteCommand: false,
        },
      ],
      failures: [],
    };
    fake.on("ecs", "DescribeServices", fixture);
    const out = await aws.ecs.send(new DescribeServicesCommand({ cluster: "web", services: ["api"] }));
    expect(body(out)).toEqual(fixture);
    expect(out.services?.[0]?.deployments?.[0]?.createdAt).toBeInstanceOf(Date);
  });
});

describe("ECR", () => {
  test("DescribeImages returns image details with push times", async () => {
    const fixture = {
      imageDetails: [
        {
          registryId: ACCOUNT,
          repositoryName: "api",
          imageDigest: "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef",
          imageTags: ["latest", "v7"],
          imageSizeInBytes: 52428800,
          imagePushedAt: new Date("2025-03-14T09:20:11Z"),
          imageManifestMediaType: "application/vnd.docker.distribution.manifest.v2+json",
          artifactMediaType: "application/vnd.docker.container.image.v1+json",
          imageScanStatus: { status: "COMPLETE" as const, description: "The scan was completed successfully." },
        },
      ],
    };
    fake.on("ecr", "DescribeImages", fixture);
    const out = await aws.ecr.send(
      new DescribeImagesCommand({ repositoryName: "api", imageIds: [{ imageTag: "latest" }] }),
    );
    expect(body(out)).toEqual(fixture);
    expect(fake.calls[0]).toMatchObject({ service: "ecr", operation: "DescribeImages" });
    expect(fake.calls[0]?.input).toEqual({ repositoryName: "api", imageIds: [{ imageTag: "latest" }] });
  });
});

describe("CloudWatch Logs", () => {
  test("FilterLogEvents keeps epoch-millisecond longs as numbers both ways", async () => {
    const fixture = {
      events: [
        {
          logStreamName: "ecs/api/0f9a6c1b2d3e4f5a6b7c8d9e0f1a2b3c",
          timestamp: 1741944600123,
          message: "Error: connect ECONNREFUSED 10.0.1.12:5432",
          ingestionTime: 1741944600456,
          eventId: "38126386912848921083459124853452843590234584829301760",
        },
      ],
      searchedLogStreams: [],
      nextToken: "f/38126386912848921083459124853452843590234584829301761",
    };
    fake.on("logs", "FilterLogEvents", fixture);
    const out = await aws.logs.send(
      new FilterLogEventsCommand({
        logGroupName: "/ecs/api",
        startTime: 1741944000000,
        filterPattern: "Error",
        limit: 50,
      }),
    );
    expect(body(out)).toEqual(fixture);
    expect(fake.calls[0]?.input).toEqual({
      logGroupName: "/ecs/api",
      startTime: 1741944000000,
      filterPattern: "Error",
      limit: 50,
    });
  });
});
