// secretRefProblem: well-formed SSM/Secrets Manager references pass; empty segments and bad fields are named.
import { expect, test } from "bun:test";
import { secretRefProblem } from "./secretRefProblem.ts";

test("well-formed references pass", () => {
  for (const ok of [
    "arn:aws:ssm:us-east-1:123456789012:parameter/api/new-relic-license-key",
    "arn:aws:ssm:eu-west-2:123456789012:parameter/db_password",
    "arn:aws-cn:ssm:cn-north-1:123456789012:parameter/x",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:game/server-pass-AbCdEf",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:game/server-pass-AbCdEf:SERVER_PASS::",
    "db_password",
    "/prod/db/password",
  ])
    expect(secretRefProblem(ok)).toBeUndefined();
});

test("an empty path segment is named (shared case 02)", () => {
  expect(secretRefProblem("arn:aws:ssm:us-east-1:123456789012:parameter/api//new-relic-license-key")).toContain(
    "empty path segment",
  );
  expect(secretRefProblem("arn:aws:ssm:us-east-1:123456789012:parameter/api/")).toContain("empty path segment");
  expect(secretRefProblem("/api//key")).toContain("empty path segment");
});

test("missing or malformed region, account, service and resource are named", () => {
  expect(secretRefProblem("arn:aws:ssm::123456789012:parameter/x")).toBe("has no region");
  expect(secretRefProblem("arn:aws:ssm:us-east-1::parameter/x")).toBe("has no account id");
  expect(secretRefProblem("arn:aws:ssm:us-east-1:12345:parameter/x")).toContain('invalid account id "12345"');
  expect(secretRefProblem("arn:aws:ssm:useast1:123456789012:parameter/x")).toContain('invalid region "useast1"');
  expect(secretRefProblem("arn:aws:s3:::bucket/key")).toContain("is a s3 ARN");
  expect(secretRefProblem("arn:aws:ssm:us-east-1:123456789012:parameter/")).toContain("names no parameter");
  expect(secretRefProblem("arn:aws:secretsmanager:us-east-1:123456789012:game/pass")).toContain("without secret:");
  expect(secretRefProblem("")).toBe("is empty");
});
