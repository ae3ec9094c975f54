// deploy_app with secrets: the execution role's reads of them are simulated before the service is created. A Parameter
// Store parameter it cannot read stops the deploy at prerequisites; a Secrets Manager secret warns (a resource policy
// may grant it); a simulation that cannot run warns and never blocks.
// biome-ignore-all lint/suspicious/noExplicitAny: tool results are read as loose JSON in assertions.
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import { deployWorld, shopApp } from "../../../test/support/express/deployWorld.ts";
import { ACCOUNT, expressAssistant } from "../../../test/support/express/fakeExpress.ts";
import { fakeService } from "../../../test/support/express/fakeService.ts";
import { awsError, type FakeAws, startFakeAws } from "../../../test/support/fakeAws.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  deployWorld(fake);
  fakeService(fake, "web", "shop", [{ outcome: "success" }]);
});

const SSM = `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/prod/api/DB_PASSWORD`;
const SM = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/stripe-AbCdEf`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
const dir = shopApp();

/** IAM's current answer shape: one EvaluationResult per action, decisions per resource in ResourceSpecificResults. */
const simulate = (allowed: readonly string[]) =>
  fake.on("iam", "SimulatePrincipalPolicy", (i) => ({
    EvaluationResults: [i.ActionNames ?? []].flat().map((a: string) => {
      const per = [i.ResourceArns ?? []].flat().map((r: string) => ({
        EvalResourceName: r,
        EvalResourceDecision: allowed.includes(r) ? "allowed" : "implicitDeny",
      }));
      return {
        EvalActionName: a,
        EvalResourceName: "*",
        EvalDecision: per.every((p) => p.EvalResourceDecision === "allowed") ? "allowed" : "implicitDeny",
        ResourceSpecificResults: per,
      };
    }),
    IsTruncated: false,
  }));

const deploy = async (secrets: Record<string, string>) =>
  (
    await expressAssistant(fake, { allowWrite: true }).deployApp({
      app_name: "shop",
      app_path: dir,
      port: 8080,
      tag: "v1",
      cluster: "web",
      timeout_seconds: 5,
      secrets,
    })
  )._unsafeUnwrap() as Record<string, any>;
const created = () => fake.calls.some((c) => c.operation === "CreateExpressGatewayService");

test("a Parameter Store secret the execution role cannot read stops the deploy before the service is created", async () => {
  simulate([SM]);
  const r = await deploy({ DB_PASSWORD: SSM, STRIPE_KEY: SM });
  expect(r).toMatchObject({ status: "failed", failed_step: "prerequisites" });
  expect(r.error.message).toContain(`${ROLE} is not allowed ssm:GetParameters on ${SSM} (secrets DB_PASSWORD)`);
  expect(created()).toBe(false);
  const sims = fake.calls.filter((c) => c.operation === "SimulatePrincipalPolicy").map((c) => c.input);
  expect(sims).toContainEqual(expect.objectContaining({ PolicySourceArn: ROLE, ResourceArns: [SSM] }));
});

test("a Secrets Manager secret it cannot read is a warning (its resource policy may grant it); the version suffix is dropped", async () => {
  simulate([SSM]);
  const r = await deploy({ DB_PASSWORD: SSM, STRIPE_KEY: `${SM}:api_key::` });
  expect(r.status).toBe("success");
  const pre = r.steps.find((s: { step: string }) => s.step === "prerequisites");
  expect(pre.detail).toContain(`not allowed secretsmanager:GetSecretValue on ${SM} (secrets STRIPE_KEY)`);
  expect(pre.detail).toContain("resource policy");
});

test("readable secrets pass; a refused simulation warns and does not block", async () => {
  simulate([SSM, SM]);
  expect((await deploy({ DB_PASSWORD: SSM, STRIPE_KEY: SM })).steps[2].detail).toBe("roles and image valid");
  fake.on("iam", "SimulatePrincipalPolicy", () => {
    throw awsError("AccessDenied", "not authorized to perform: iam:SimulatePrincipalPolicy", 403);
  });
  const r = await deploy({ DB_PASSWORD: SSM });
  expect(r.status).toBe("success");
  expect(r.steps[2].detail).toContain(
    "Could not check that the execution role may read the secrets (iam:SimulatePrincipalPolicy: AccessDenied)",
  );
});
