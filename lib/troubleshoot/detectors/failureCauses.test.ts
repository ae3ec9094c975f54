// Image timeouts through ECR interface endpoints without an S3 gateway: a stalled pull names the missing gateway
// endpoint; a timed-out auth call does not (layers are not involved yet).
import { expect, test } from "bun:test";
import { imageCause } from "./failureCauses.ts";
import { parseFailure } from "./parseFailure.ts";

const path = {
  route: "none" as const,
  subnets: ["subnet-1"],
  publicIp: false,
  endpoints: ["com.amazonaws.us-east-1.ecr.api", "com.amazonaws.us-east-1.ecr.dkr"],
};
const td = {
  containerDefinitions: [{ name: "api", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1" }],
};

test("a stalled pull names the missing S3 gateway endpoint; a timed-out auth call does not", () => {
  const pull = imageCause(
    parseFailure("CannotPullContainerError: context canceled"),
    { path, taskDefinition: td },
    "us-east-1",
  );
  expect(pull.title).toContain("no S3 gateway endpoint");
  expect(pull.fix).toContain("com.amazonaws.us-east-1.s3");
  const auth = imageCause(
    parseFailure(
      'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 10.0.11.9:443: i/o timeout',
    ),
    { path, taskDefinition: td },
    "us-east-1",
  );
  expect(auth.title).toBe("No network path to Amazon ECR");
  expect(auth.explanation).not.toContain("S3 gateway");
});
