// A denial that names the refusing policy (SCP, VPC endpoint policy, resource policy, boundary) is fixed there, not by
// granting the role more permissions.
import { expect, test } from "bun:test";
import { failureCause } from "./failureFinding.ts";
import { parseFailure } from "./parseFailure.ts";

const ctx = {
  region: "us-east-1",
  account: "123456789012",
  taskDefinition: { executionRoleArn: "arn:aws:iam::123456789012:role/api-execution" },
};
const secrets = (tail: string) =>
  `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/api-execution/1a2b is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf ${tail}`;

test("the policy type is read from the denial", () => {
  expect(
    parseFailure(secrets("because no VPC endpoint policy allows the secretsmanager:GetSecretValue action")).deniedBy,
  ).toBe("vpc_endpoint_policy");
  expect(parseFailure(secrets("with an explicit deny in a service control policy")).deniedBy).toBe(
    "service_control_policy",
  );
  expect(
    parseFailure(secrets("because no identity-based policy allows the secretsmanager:GetSecretValue action")).deniedBy,
  ).toBe("identity_based_policy");
  expect(parseFailure(secrets("")).deniedBy).toBeUndefined();
});

test("an endpoint-policy denial names the endpoint, an SCP denial the organization; neither asks to grant the role", () => {
  const vpce = failureCause(
    parseFailure(secrets("because no VPC endpoint policy allows the secretsmanager:GetSecretValue action")),
    ctx,
  );
  expect(vpce?.fix).toContain("endpoint policy of the com.amazonaws.us-east-1.secretsmanager endpoint");
  expect(vpce?.fix).not.toMatch(/^Grant/);
  const scp = failureCause(parseFailure(secrets("with an explicit deny in a service control policy")), ctx);
  expect(scp?.title).toContain("service control policy");
  expect(scp?.fix).toContain("organization's administrators");
  // No policy named, or the role's own policy named: the usual grant.
  for (const tail of ["", "because no identity-based policy allows the secretsmanager:GetSecretValue action"])
    expect(failureCause(parseFailure(secrets(tail)), ctx)?.fix).toStartWith(
      "Grant arn:aws:iam::123456789012:role/api-execution secretsmanager:GetSecretValue",
    );
});
