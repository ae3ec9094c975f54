// The ECR stack's names (issue 14 items 1 and 3): a repository or role that already exists outside the stack is named
// before CreateStack (nothing created, nothing deleted); a stack that still fails on AlreadyExists says which resource
// and offers to use it or pick another app_name.
import { expect, test } from "bun:test";
import { ensureEcrStack } from "../../lib/expressmode/stack/ensureEcrStack.ts";
import { silentLogger, type ToolContext } from "../../lib/index.ts";
import { ACCOUNT, expressAssistant, fakeStack, role } from "../support/express/fakeExpress.ts";
import { awsError } from "../support/fakeAws.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();
const ctx = (): ToolContext => {
  const a = expressAssistant(fake, { allowWrite: true });
  return {
    aws: a.aws,
    policy: a.policy,
    log: silentLogger,
    progress: () => {},
    express: { polling: { stackIntervalMs: 2, stackMaxIntervalMs: 5, stackTimeoutMs: 5000 } },
  };
};
const ops = () => fake.calls.map((c) => c.operation);
const noRepo = () =>
  fake.on("ecr", "DescribeRepositories", () => {
    throw awsError(
      "RepositoryNotFoundException",
      `The repository with name 'shop-repo' does not exist in the registry with id '${ACCOUNT}'`,
    );
  });
const noRole = () =>
  fake.on("iam", "GetRole", (i) => {
    throw awsError("NoSuchEntity", `The role with name ${i.RoleName} cannot be found.`, 404);
  });

test("a repository of that name outside the stack is named before CreateStack; nothing is created or deleted", async () => {
  fakeStack(fake, "shop", { create: ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"] });
  fake.on("ecr", "DescribeRepositories", {
    repositories: [
      {
        repositoryName: "shop-repo",
        repositoryArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/shop-repo`,
        repositoryUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop-repo`,
      },
    ],
  });
  noRole();
  const e = (await ensureEcrStack(ctx(), "shop"))._unsafeUnwrapErr();
  expect(e).toMatchObject({ kind: "conflict", resource: "ECR repository shop-repo" });
  expect(e.hint).toContain("another app_name");
  expect(e.hint).toContain("push your image to shop-repo");
  expect(e.hint).toContain("does not delete");
  expect(ops()).not.toContain("CreateStack");
  expect(ops().filter((o) => /^Delete/.test(o))).toEqual([]);
});

test("a role of that name outside the stack is named too", async () => {
  fakeStack(fake, "shop", { create: ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"] });
  noRepo();
  fake.on("iam", "GetRole", (i) => role(i.RoleName, "ecs-tasks.amazonaws.com"));
  const e = (await ensureEcrStack(ctx(), "shop"))._unsafeUnwrapErr();
  expect(e).toMatchObject({ kind: "conflict", resource: "IAM role shop-ecr-role" });
  expect(ops()).not.toContain("CreateStack");
});

test("names free: the stack is created as before", async () => {
  fakeStack(fake, "shop", { create: ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"] });
  noRepo();
  noRole();
  const s = (await ensureEcrStack(ctx(), "shop"))._unsafeUnwrap();
  expect(s.operation).toBe("create");
  expect(ops()).toContain("CreateStack");
});

test("a create that still fails on AlreadyExists names the resource and the choices", async () => {
  fakeStack(fake, "shop", {
    create: ["CREATE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE"],
    failedEvents: [
      {
        LogicalResourceId: "ECRRepository",
        ResourceType: "AWS::ECR::Repository",
        ResourceStatus: "CREATE_FAILED",
        ResourceStatusReason:
          "Resource handler returned message: \"Resource of type 'AWS::ECR::Repository' with identifier 'shop-repo' already exists.\" (RequestToken: 0f8fad5b-d9cb-469f-a165-70867728950e, HandlerErrorCode: AlreadyExists)",
      },
    ],
  });
  // The read before the create was refused (no ecr:DescribeRepositories): the create decides, and its failure is hinted.
  fake.fail("ecr", "DescribeRepositories", { kind: "aws", code: "AccessDeniedException", message: "denied" });
  noRole();
  const e = (await ensureEcrStack(ctx(), "shop"))._unsafeUnwrapErr();
  expect(e.message).toContain("shop-repo");
  expect(e.hint).toContain('AWS::ECR::Repository "shop-repo" already exists outside of this stack');
  expect(e.hint).toContain("another app_name");
});
