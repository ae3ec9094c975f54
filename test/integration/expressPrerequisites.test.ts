// biome-ignore-all lint/suspicious/noExplicitAny: tool results are read as loose JSON in assertions.
// validate_ecs_express_mode_prerequisites (issue 14 item 7): ECR Public images are valid without a private repository;
// a role without the AWS managed policy is judged by IAM's policy simulation of its own policies before it is called
// valid or invalid; the managed policy attached needs no simulation.
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import { ACCOUNT, ECR_HOST, expressAssistant, goodRoles } from "../support/express/fakeExpress.ts";
import { awsError, type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  goodRoles(fake);
  fake.on("ecr", "DescribeImages", { imageDetails: [{ imageDigest: `sha256:${"a".repeat(64)}`, imageTags: ["v1"] }] });
});

const INFRA = "ecsInfrastructureRoleForExpressServices";
const validate = (image_uri = `${ECR_HOST}/shop-repo:v1`) =>
  expressAssistant(fake).callTool("validate_ecs_express_mode_prerequisites", { image_uri });
/** The infrastructure role has only a customer-managed policy instead of the AWS managed one. */
const customerPolicyOnInfra = () =>
  fake.on("iam", "ListAttachedRolePolicies", (i) => ({
    AttachedPolicies:
      i.RoleName === INFRA
        ? [{ PolicyName: "team-express-infra", PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/team-express-infra` }]
        : [
            {
              PolicyName: "AmazonECSTaskExecutionRolePolicy",
              PolicyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
            },
          ],
  }));
/** SimulatePrincipalPolicy as IAM answers: one EvaluationResult per action. */
const simulate = (deny: readonly string[] = []) =>
  fake.on("iam", "SimulatePrincipalPolicy", (i) => ({
    EvaluationResults: [i.ActionNames ?? []].flat().map((a: string) => ({
      EvalActionName: a,
      EvalResourceName: "*",
      EvalDecision: deny.includes(a) ? "implicitDeny" : "allowed",
    })),
    IsTruncated: false,
  }));
const value = async (r: Awaited<ReturnType<typeof validate>>) =>
  r._unsafeUnwrap().value as { valid: boolean; errors: string[]; warnings: string[]; details: any };

test("a public.ecr.aws image is valid without a private repository and is not looked up in ECR", async () => {
  const r = await value(await validate("public.ecr.aws/nginx/nginx:1.27"));
  expect(r.valid).toBe(true);
  expect(r.details.image.status).toBe("public");
  expect(r.warnings.join(" ")).not.toContain("not an ECR registry");
  expect(fake.calls.map((c) => c.operation)).not.toContain("DescribeImages");
});

test("with the managed policies attached, no simulation is run", async () => {
  const r = await value(await validate());
  expect(r.valid).toBe(true);
  expect(fake.calls.map((c) => c.operation)).not.toContain("SimulatePrincipalPolicy");
});

test("an infrastructure role with equivalent customer-managed permissions is valid (simulated)", async () => {
  customerPolicyOnInfra();
  simulate();
  const r = await value(await validate());
  expect(r.valid).toBe(true);
  expect(r.details.infrastructure_role.message).toContain("equivalent permissions");
  const sim = fake.calls.find((c) => c.operation === "SimulatePrincipalPolicy")!.input;
  expect(sim.PolicySourceArn).toBe(`arn:aws:iam::${ACCOUNT}:role/${INFRA}`);
  expect([sim.ActionNames].flat()).toContain("elasticloadbalancing:CreateLoadBalancer");
});

test("an infrastructure role whose own policies lack actions is invalid, naming them", async () => {
  customerPolicyOnInfra();
  simulate(["acm:RequestCertificate", "ec2:CreateSecurityGroup"]);
  const r = await value(await validate());
  expect(r.valid).toBe(false);
  expect(r.details.infrastructure_role.status).toBe("missing_permissions");
  expect(r.errors.join(" ")).toContain("lacks ec2:CreateSecurityGroup, acm:RequestCertificate");
  expect(r.errors.join(" ")).toContain("attach-role-policy");
});

test("when the simulation is refused, the role is not judged invalid; a warning says it is unverified", async () => {
  customerPolicyOnInfra();
  fake.on("iam", "SimulatePrincipalPolicy", () => {
    throw awsError(
      "AccessDenied",
      `User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: iam:SimulatePrincipalPolicy on resource: role ${INFRA}`,
      403,
    );
  });
  const r = await value(await validate());
  expect(r.valid).toBe(true);
  expect(r.warnings.join(" ")).toContain("could not check its own policies (AccessDenied)");
});

test("a role ARN of another account or partition is not judged by the caller's same-name role", async () => {
  const check = async (execution_role_arn: string) =>
    (
      await expressAssistant(fake).callTool("validate_ecs_express_mode_prerequisites", {
        image_uri: `${ECR_HOST}/shop-repo:v1`,
        execution_role_arn,
      })
    )._unsafeUnwrap().value as { valid: boolean; errors: string[]; details: any };
  const other = await check("arn:aws:iam::111122223333:role/ecsTaskExecutionRole");
  expect(other.valid).toBe(false);
  expect(other.details.execution_role.status).toBe("invalid_arn");
  expect(other.errors.join(" ")).toContain(`account 111122223333 instead of ${ACCOUNT}`);
  const china = await check(`arn:aws-cn:iam::${ACCOUNT}:role/ecsTaskExecutionRole`);
  expect(china.errors.join(" ")).toContain("partition aws-cn instead of aws");
  const own = await check(`arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`);
  expect(own.valid).toBe(true);
});
