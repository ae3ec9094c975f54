import { expect, test } from "bun:test";
import { arnPartitionProblem } from "./arnPartitionProblem.ts";

test("partitions match their regions", () => {
  expect(arnPartitionProblem("arn:aws:ecs:us-east-1:123456789012:service/web/api")).toBeUndefined();
  expect(arnPartitionProblem("arn:aws-cn:ecs:cn-north-1:123456789012:service/web/api")).toBeUndefined();
  expect(arnPartitionProblem("arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/db")).toBeUndefined();
  expect(arnPartitionProblem("arn:aws-iso-b:ecs:us-isob-east-1:123456789012:cluster/x")).toBeUndefined();
  expect(arnPartitionProblem("arn:aws-iso:ecs:us-iso-east-1:123456789012:cluster/x")).toBeUndefined();
});

test("a partition from another region's family is named with the one that fits", () => {
  expect(arnPartitionProblem("arn:aws-cn:ecs:us-east-1:123456789012:service/web/api")).toContain(
    'region "us-east-1" is in partition "aws"',
  );
  expect(arnPartitionProblem("arn:aws:ssm:cn-northwest-1:123456789012:parameter/db")).toContain('"aws-cn"');
  expect(arnPartitionProblem("arn:aws-us-gov:ecs:eu-west-1:123456789012:task-definition/web:1")).toContain('"aws"');
});

test("ARNs without a region (IAM) and other text are not judged when the client region is unknown", () => {
  expect(arnPartitionProblem("arn:aws-cn:iam::123456789012:role/x")).toBeUndefined();
  expect(arnPartitionProblem("web:3")).toBeUndefined();
});

test("ARNs without a region are judged against the region the calls go to", () => {
  expect(arnPartitionProblem("arn:aws-cn:iam::123456789012:role/x", "us-east-1")).toContain(
    'the calls go to region "us-east-1", in partition "aws"',
  );
  expect(arnPartitionProblem("arn:aws:iam::123456789012:role/x", "cn-north-1")).toContain('"aws-cn"');
  expect(arnPartitionProblem("arn:aws-cn:iam::123456789012:role/x", "cn-northwest-1")).toBeUndefined();
  expect(arnPartitionProblem("arn:aws:iam::123456789012:role/x", "eu-west-1")).toBeUndefined();
  // An ARN with its own region is judged by that region, whatever the client's.
  expect(arnPartitionProblem("arn:aws:ecs:eu-west-1:123456789012:cluster/x", "us-east-1")).toBeUndefined();
});
