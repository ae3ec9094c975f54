// Partial Secrets Manager ARNs whose name ends in a hyphen and six letters are named as the cause (not found or
// denied); complete ARNs with a random suffix are left to the usual findings.
import { expect, test } from "bun:test";
import { failureCause } from "./failureFinding.ts";
import { parseFailure } from "./parseFailure.ts";
import { looksPartial } from "./partialSecretArn.ts";

const base = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

test("a six-lower-case-letter tail reads as part of the name; a random mixed-case suffix does not", () => {
  expect(looksPartial(`${base}db-master`)).toBe(true);
  expect(looksPartial(`${base}db-master:password::`)).toBe(true);
  expect(looksPartial(`${base}db-master-Ab12Cd`)).toBe(false);
  expect(looksPartial(`${base}api/key-AbCdEf`)).toBe(false);
  expect(looksPartial(`${base}dbmaster`)).toBe(false);
});

test("'can't find the specified secret' for db-master names the partial ARN, not a missing secret", () => {
  const p = parseFailure(
    `Fetching secret data from AWS Secrets Manager in region us-east-1: secret ${base}db-master: ResourceNotFoundException: Secrets Manager can't find the specified secret.`,
  );
  const c = failureCause(p, { region: "us-east-1" });
  expect(c).toMatchObject({ id: "secret_reference_invalid" });
  expect(c?.explanation).toContain("for a secret that exists");
  expect(c?.fix).toContain("complete ARN");
});
