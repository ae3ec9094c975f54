// One "universal" AWS output carrying the redaction corpus in every place secrets hide (env, secrets, commands,
// log events, stack events and outputs, task reasons, tokens). The SDK keeps the members each operation defines.
import { CORPUS } from "./corpus.ts";

const texts = CORPUS.map((c) => c.text);
const env = texts.map((t, i) => ({ name: `VAR_${i}`, value: t }));
const container = {
  name: "web",
  image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest",
  essential: true,
  environment: env,
  secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" }],
  command: texts,
  entryPoint: ["sh", "-c", texts.join(" && ")],
  dockerLabels: Object.fromEntries(texts.map((t, i) => [`label${i}`, t])),
  logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web", token: texts[10]! } },
  healthCheck: { command: ["CMD-SHELL", texts[16]!] },
};
const when = new Date("2026-11-25T10:00:00Z");

/** SDK-shaped output with the corpus everywhere; use with `fake.on(service, "*", POISONED)`. */
export const POISONED: Record<string, unknown> = {
  taskDefinition: {
    taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
    family: "web",
    containerDefinitions: [container],
  },
  taskDefinitionArns: ["arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"],
  clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/default"],
  clusters: [{ clusterName: "default", status: "ACTIVE" }],
  tasks: texts.map((t) => ({
    taskArn: "arn:aws:ecs:us-east-1:123456789012:task/default/0123456789abcdef0123456789abcdef",
    lastStatus: "STOPPED",
    stoppedReason: t,
    containers: [{ name: "web", reason: t, exitCode: 1 }],
    overrides: { containerOverrides: [{ name: "web", environment: env, command: [t] }] },
  })),
  services: [
    {
      serviceName: "web",
      status: "ACTIVE",
      events: texts.map((message, i) => ({ id: `e${i}`, createdAt: when, message })),
      deployments: [{ id: "ecs-svc/1", status: "PRIMARY", rolloutStateReason: texts[0]! }],
    },
  ],
  failures: texts.map((reason) => ({ arn: "arn:aws:ecs:us-east-1:123456789012:service/default/web", reason })),
  events: texts.map((message) => ({ timestamp: when.getTime(), message, ingestionTime: when.getTime() })),
  authorizationData: [
    {
      authorizationToken: "QVdTOmV5SnpaV055WlhRaU9pSm1ZV3RsSW4w",
      proxyEndpoint: "https://123456789012.dkr.ecr.us-east-1.amazonaws.com",
    },
  ],
  StackEvents: texts.map((ResourceStatusReason, i) => ({
    StackName: "web",
    EventId: `ev${i}`,
    LogicalResourceId: "Service",
    ResourceStatus: "CREATE_FAILED",
    ResourceStatusReason,
    Timestamp: when,
  })),
  Stacks: [
    {
      StackName: "web",
      StackStatus: "CREATE_FAILED",
      StackStatusReason: texts[7]!,
      CreationTime: when,
      Parameters: [{ ParameterKey: "DbPassword", ParameterValue: "hunter2hunter2" }],
      Outputs: texts.map((OutputValue, i) => ({ OutputKey: `Out${i}`, OutputValue })),
    },
  ],
  TemplateBody: texts.join("\n"),
  Credentials: {
    AccessKeyId: "ASIAY34FZKBOKMUTVV7A",
    SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
    SessionToken: texts[6]!,
    Expiration: when,
  },
};
