// Realistic ECS responses for the response-size benchmark (shapes and sizes as the ECS API returns them).
const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const arn = (kind: string, name: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:${kind}/${name}`;
const at = (minutesAgo: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, 0) - minutesAgo * 60_000);

const steady = (i: number) => ({
  id: `e${1000 + i}-6c1f-4c8e-9d1b-0a2f3b4c5d6e`,
  createdAt: at(i * 360),
  message: "(service web) has reached a steady state.",
});

/** DescribeServices for one service with the full 100-event history ECS keeps (mostly steady-state repeats). */
export const describeServices = () => ({
  services: [
    {
      serviceArn: arn("service", "default/web"),
      serviceName: "web",
      clusterArn: arn("cluster", "default"),
      loadBalancers: [
        {
          targetGroupArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web-tg/6d0ecf831eec9f09`,
          containerName: "web",
          containerPort: 8080,
        },
      ],
      serviceRegistries: [],
      status: "ACTIVE",
      desiredCount: 2,
      runningCount: 2,
      pendingCount: 0,
      launchType: "FARGATE",
      platformVersion: "LATEST",
      platformFamily: "Linux",
      taskDefinition: arn("task-definition", "web:42"),
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        maximumPercent: 200,
        minimumHealthyPercent: 100,
      },
      deployments: [
        {
          id: "ecs-svc/1234567890123456789",
          status: "PRIMARY",
          taskDefinition: arn("task-definition", "web:42"),
          desiredCount: 2,
          pendingCount: 0,
          runningCount: 2,
          failedTasks: 0,
          createdAt: at(4000),
          updatedAt: at(3990),
          launchType: "FARGATE",
          platformVersion: "1.4.0",
          platformFamily: "Linux",
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
              securityGroups: ["sg-0123456789abcdef0"],
              assignPublicIp: "DISABLED",
            },
          },
          rolloutState: "COMPLETED",
          rolloutStateReason: "ECS deployment ecs-svc/1234567890123456789 completed.",
        },
      ],
      roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
      events: [
        {
          id: "f1a2b3c4-0000-4c8e-9d1b-0a2f3b4c5d6e",
          createdAt: at(3990),
          message: "(service web) deployment ecs-svc/1234567890123456789 deployment completed.",
        },
        ...Array.from({ length: 99 }, (_, i) => steady(i)),
      ],
      createdAt: at(100000),
      placementConstraints: [],
      placementStrategy: [],
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
          securityGroups: ["sg-0123456789abcdef0"],
          assignPublicIp: "DISABLED",
        },
      },
      healthCheckGracePeriodSeconds: 60,
      schedulingStrategy: "REPLICA",
      deploymentController: { type: "ECS" },
      createdBy: `arn:aws:iam::${ACCOUNT}:role/admin`,
      enableECSManagedTags: true,
      propagateTags: "NONE",
      enableExecuteCommand: false,
      availabilityZoneRebalancing: "ENABLED",
    },
  ],
  failures: [],
});

/** DescribeTasks for `n` running tasks of one service. */
export const describeTasks = (n = 5) => ({
  tasks: Array.from({ length: n }, (_, i) => ({
    taskArn: arn("task", `default/0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c${10 + i}`),
    clusterArn: arn("cluster", "default"),
    taskDefinitionArn: arn("task-definition", "web:42"),
    group: "service:web",
    startedBy: "ecs-svc/1234567890123456789",
    lastStatus: "RUNNING",
    desiredStatus: "RUNNING",
    healthStatus: "HEALTHY",
    cpu: "512",
    memory: "1024",
    launchType: "FARGATE",
    platformVersion: "1.4.0",
    platformFamily: "Linux",
    availabilityZone: i % 2 ? "us-east-1b" : "us-east-1a",
    connectivity: "CONNECTED",
    connectivityAt: at(3995),
    pullStartedAt: at(3994),
    pullStoppedAt: at(3993),
    createdAt: at(3996),
    startedAt: at(3992),
    version: 4,
    attachments: [
      {
        id: `att-${i}`,
        type: "ElasticNetworkInterface",
        status: "ATTACHED",
        details: [
          { name: "subnetId", value: "subnet-0a1b2c3d4e5f60718" },
          { name: "networkInterfaceId", value: `eni-0123456789abcde${i}` },
          { name: "macAddress", value: `0a:1b:2c:3d:4e:${10 + i}` },
          { name: "privateDnsName", value: `ip-10-0-1-${20 + i}.ec2.internal` },
          { name: "privateIPv4Address", value: `10.0.1.${20 + i}` },
        ],
      },
    ],
    containers: [
      {
        containerArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:container/default/0a1b2c3d/${i}`,
        taskArn: arn("task", `default/0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c${10 + i}`),
        name: "web",
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web-repo:1732536000`,
        imageDigest: "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        runtimeId: `0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c${10 + i}-1234567890`,
        lastStatus: "RUNNING",
        networkBindings: [],
        networkInterfaces: [{ attachmentId: `att-${i}`, privateIpv4Address: `10.0.1.${20 + i}` }],
        healthStatus: "HEALTHY",
        cpu: "0",
      },
    ],
    overrides: { containerOverrides: [{ name: "web" }], inferenceAcceleratorOverrides: [] },
    tags: [],
    ephemeralStorage: { sizeInGiB: 20 },
    fargateEphemeralStorage: { sizeInGiB: 20 },
  })),
  failures: [],
});

/** DescribeTaskDefinition of a typical web task definition. */
export const describeTaskDefinition = () => ({
  taskDefinition: {
    taskDefinitionArn: arn("task-definition", "web:42"),
    containerDefinitions: [
      {
        name: "web",
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web-repo:1732536000`,
        cpu: 0,
        portMappings: [
          { containerPort: 8080, hostPort: 8080, protocol: "tcp", name: "web-8080-tcp", appProtocol: "http" },
        ],
        essential: true,
        environment: [
          { name: "NODE_ENV", value: "production" },
          { name: "PORT", value: "8080" },
        ],
        mountPoints: [],
        volumesFrom: [],
        secrets: [
          { name: "DATABASE_URL", valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-AbCdEf` },
        ],
        logConfiguration: {
          logDriver: "awslogs",
          options: { "awslogs-group": "/ecs/web", "awslogs-region": REGION, "awslogs-stream-prefix": "ecs" },
        },
        healthCheck: {
          command: ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
          interval: 30,
          timeout: 5,
          retries: 3,
          startPeriod: 10,
        },
        systemControls: [],
      },
    ],
    family: "web",
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-task-role`,
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    networkMode: "awsvpc",
    revision: 42,
    volumes: [],
    status: "ACTIVE",
    requiresAttributes: [
      { name: "com.amazonaws.ecs.capability.logging-driver.awslogs" },
      { name: "ecs.capability.execution-role-awslogs" },
      { name: "com.amazonaws.ecs.capability.ecr-auth" },
      { name: "com.amazonaws.ecs.capability.docker-remote-api.1.19" },
      { name: "ecs.capability.secrets.asm.environment-variables" },
      { name: "com.amazonaws.ecs.capability.task-iam-role" },
      { name: "ecs.capability.container-health-check" },
      { name: "ecs.capability.execution-role-ecr-pull" },
      { name: "com.amazonaws.ecs.capability.docker-remote-api.1.18" },
      { name: "ecs.capability.task-eni" },
      { name: "com.amazonaws.ecs.capability.docker-remote-api.1.29" },
    ],
    placementConstraints: [],
    compatibilities: ["EC2", "FARGATE"],
    requiresCompatibilities: ["FARGATE"],
    cpu: "512",
    memory: "1024",
    runtimePlatform: { cpuArchitecture: "X86_64", operatingSystemFamily: "LINUX" },
    registeredAt: at(5000),
    registeredBy: `arn:aws:iam::${ACCOUNT}:role/admin`,
  },
  tags: [],
});

/** ListTasks with `n` task ARNs. */
export const listTasks = (n = 50) => ({
  taskArns: Array.from({ length: n }, (_, i) => arn("task", `default/${(i + 1).toString(16).padStart(32, "0")}`)),
});
