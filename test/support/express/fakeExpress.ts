// Fake-AWS scenarios for the Express pipeline: a CloudFormation stack state machine, roles, images, services.
import { createEcsAssistant, type EcsAssistantOptions } from "../../../lib/index.ts";
import { fakeAwsOptions } from "../clients.ts";
import { awsError, type FakeAws } from "../fakeAws.ts";

export const ACCOUNT = "123456789012";
export const ECR_HOST = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;

/** An assistant on the fake with tiny poll intervals. */
export const expressAssistant = (
  fake: FakeAws,
  policy: EcsAssistantOptions["policy"] = {},
  extra: Partial<EcsAssistantOptions> = {},
) =>
  createEcsAssistant({
    policy,
    aws: {
      ...fakeAwsOptions(fake),
      maxAttempts: 1,
    },
    polling: {
      serviceIntervalMs: 5,
      stackIntervalMs: 2,
      stackMaxIntervalMs: 5,
      drainTimeoutMs: 2000,
      stackTimeoutMs: 5000,
      endpointTimeoutMs: 200,
    },
    ...extra,
  });

export interface StackScript {
  /** Status sequence a create/update/delete walks through (last one sticks). */
  create?: string[];
  update?: string[];
  delete?: string[];
  /** Initial status (undefined = no stack). */
  initial?: string;
  noUpdates?: boolean;
  repositoryUri?: string;
  /** Called when CreateStack arrives (e.g. to inject faults into the following polls). */
  onCreate?: () => void;
  failedEvents?: {
    LogicalResourceId: string;
    ResourceType: string;
    ResourceStatus: string;
    ResourceStatusReason: string;
  }[];
}

/** Installs a stack state machine for `<app>-ecr-infrastructure` on the fake. */
export const fakeStack = (fake: FakeAws, app: string, script: StackScript) => {
  const name = `${app}-ecr-infrastructure`;
  let status = script.initial;
  let queue: string[] = [];
  const uri = script.repositoryUri ?? `${ECR_HOST}/${app}-repo`;
  const start = (seq: string[] | undefined, fallback: string[]) => {
    queue = [...(seq ?? fallback)];
    status = queue.shift();
  };
  fake.on("cloudformation", "DescribeStacks", () => {
    if (!status || status === "GONE") throw awsError("ValidationError", `Stack with id ${name} does not exist`);
    const out = {
      Stacks: [
        {
          StackName: name,
          StackId: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/${name}/1`,
          StackStatus: status,
          CreationTime: new Date(),
          Outputs:
            status.includes("COMPLETE") && !status.includes("ROLLBACK")
              ? [
                  { OutputKey: "ECRRepositoryURI", OutputValue: uri },
                  { OutputKey: "ECRPushPullRoleArn", OutputValue: `arn:aws:iam::${ACCOUNT}:role/${app}-ecr-role` },
                  { OutputKey: "ECRRepositoryName", OutputValue: `${app}-repo` },
                ]
              : [],
        },
      ],
    };
    if (queue.length > 0) status = queue.shift();
    return out;
  });
  fake.on("cloudformation", "CreateStack", () => {
    start(script.create, ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"]);
    script.onCreate?.();
    return { StackId: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/${name}/1` };
  });
  fake.on("cloudformation", "UpdateStack", () => {
    if (script.noUpdates) throw awsError("ValidationError", "No updates are to be performed.");
    start(script.update, ["UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"]);
    return { StackId: name };
  });
  fake.on("cloudformation", "DeleteStack", () => {
    start(script.delete, ["DELETE_IN_PROGRESS", "GONE"]);
    return {};
  });
  fake.on("cloudformation", "DescribeStackEvents", () => ({
    StackEvents: (script.failedEvents ?? []).map((e, i) => ({
      ...e,
      StackName: name,
      EventId: String(i),
      Timestamp: new Date(),
    })),
  }));
  return { status: () => status };
};

/** A role's GetRole answer with a URL-encoded trust policy, like IAM sends it. */
export const role = (name: string, principal: string) => ({
  Role: {
    RoleName: name,
    RoleId: "AROAFAKE",
    Path: "/",
    Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
    CreateDate: new Date(),
    AssumeRolePolicyDocument: encodeURIComponent(
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: principal }, Action: "sts:AssumeRole" }],
      }),
    ),
  },
});

/** Both default roles valid, with their managed policies, and the ECS service-linked role; STS answers with the fake account. */
export const goodRoles = (fake: FakeAws) => {
  fake.on("sts", "GetCallerIdentity", {
    Account: ACCOUNT,
    Arn: `arn:aws:iam::${ACCOUNT}:user/dev`,
    UserId: "AIDAFAKE",
  });
  fake.on("iam", "GetRole", (i) =>
    i.RoleName === "ecsTaskExecutionRole"
      ? role(i.RoleName, "ecs-tasks.amazonaws.com")
      : i.RoleName === "ecsInfrastructureRoleForExpressServices" || i.RoleName === "AWSServiceRoleForECS"
        ? role(i.RoleName, "ecs.amazonaws.com")
        : (() => {
            throw awsError("NoSuchEntity", `The role with name ${i.RoleName} cannot be found.`, 404);
          })(),
  );
  fake.on("iam", "ListAttachedRolePolicies", (i) => ({
    AttachedPolicies: [
      i.RoleName === "ecsTaskExecutionRole"
        ? {
            PolicyName: "AmazonECSTaskExecutionRolePolicy",
            PolicyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
          }
        : {
            PolicyName: "AmazonECSInfrastructureRoleforExpressGatewayServices",
            PolicyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices",
          },
    ],
  }));
};
