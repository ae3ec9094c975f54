// The structured parser on stop reasons as ECS writes them: stage from the structure, cause from the innermost error.
import { expect, test } from "bun:test";
import { parseFailure } from "./parseFailure.ts";

test("an env-file AccessDenied is an S3 env-file permission failure, not a registry error", () => {
  const p = parseFailure(
    "ResourceInitializationError: failed to download env files: file download command: non-empty error stream: failed to download file app.env: failed to write to a temporary file: AccessDenied: Access Denied",
  );
  expect(p).toMatchObject({
    errorType: "ResourceInitializationError",
    stage: "env_file",
    service: "s3",
    cause: "access_denied",
    resource: "app.env",
  });
});

test("secrets: SSM invalid name, Secrets Manager bad JSON, KMS denial and timeouts are told apart", () => {
  const pre =
    "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ";
  expect(
    parseFailure(
      `${pre}unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: /api//key`,
    ),
  ).toMatchObject({ stage: "secrets_fetch", service: "ssm", cause: "invalid_name", resource: "/api//key" });
  expect(
    parseFailure(
      `${pre}unable to retrieve secret from asm: service call has been retried 1 time(s): invalid character '\\'' looking for beginning of value`,
    ),
  ).toMatchObject({ stage: "secrets_fetch", service: "secretsmanager", cause: "invalid_value" });
  expect(
    parseFailure(
      `${pre}unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf from secrets manager: AccessDeniedException: Access to KMS is not allowed status code: 400`,
    ),
  ).toMatchObject({
    service: "secretsmanager",
    cause: "kms_denied",
    resource: "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf",
  });
  expect(
    parseFailure(
      `${pre}unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded. Please check your task network configuration.`,
    ),
  ).toMatchObject({ service: "ssm", cause: "timeout" });
  expect(
    parseFailure(
      `${pre}The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 52.46.146.83:443: i/o timeout`,
    ),
  ).toMatchObject({
    stage: "registry_auth",
    service: "ecr",
    cause: "timeout",
    endpoint: "api.ecr.us-east-1.amazonaws.com",
  });
});

test("a pull error wrapped in a placement event is the pull error", () => {
  const p = parseFailure(
    "(service api) was unable to place a task. Reason: CannotPullContainerError: pull image manifest has been retried 7 time(s): image Manifest does not contain descriptor matching platform 'linux/amd64'.",
  );
  expect(p).toMatchObject({
    stage: "image_pull",
    cause: "platform_mismatch",
    viaPlacement: true,
    errorType: "CannotPullContainerError",
  });
  expect(
    parseFailure(
      "(service api) was unable to place a task. Reason: You've reached the limit on the number of tasks you can run concurrently.",
    ),
  ).toMatchObject({ stage: "placement", cause: "quota" });
});

test("log driver, rate limit and 403 pulls", () => {
  expect(
    parseFailure(
      "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. status code: 400",
    ),
  ).toMatchObject({ stage: "log_driver", service: "logs", cause: "not_found" });
  expect(
    parseFailure(
      "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nginx:1.25: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.",
    ),
  ).toMatchObject({ stage: "image_pull", service: "registry", cause: "rate_limited" });
  expect(
    parseFailure(
      'CannotPullContainerError: inspect image has been retried 1 time(s): failed to resolve ref "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.4.3": unexpected status code [manifests 1.4.3]: 403 Forbidden',
    ),
  ).toMatchObject({
    service: "ecr",
    cause: "access_denied",
    resource: "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.4.3",
  });
});

test("text with no known stage or cause is unknown, not a guess", () => {
  expect(parseFailure("Something odd happened")).toMatchObject({ stage: "unknown", cause: "unknown" });
});

test("a layer download from ECR's S3 bucket is an S3 failure; an unparsable 403 body is a denial; a full disk is its own cause", () => {
  const host = "https://prod-eu-west-1-starport-layer-bucket.s3.eu-west-1.amazonaws.com/a1/b2?X-Amz-Algorithm=x";
  expect(
    parseFailure(
      `CannotPullContainerError: ref pull has been retried 5 time(s): failed to copy: httpReadSeeker: failed open: unexpected status code ${host}: 403 Forbidden`,
    ),
  ).toMatchObject({ stage: "image_pull", service: "s3", cause: "access_denied" });
  expect(
    parseFailure(
      `CannotPullContainerError: ref pull has been retried 5 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get "${host}": dial tcp 52.218.1.9:443: i/o timeout`,
    ),
  ).toMatchObject({ stage: "image_pull", service: "s3", cause: "timeout" });
  expect(
    parseFailure(
      'CannotPullContainerError: error pulling image configuration: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<?xml version=\\"1.0\\"?><Error><Code>AccessDenied</Code>',
    ),
  ).toMatchObject({ stage: "image_pull", service: "s3", cause: "access_denied" });
  expect(
    parseFailure("CannotPullContainerError: write /var/lib/docker/tmp/GetImageBlob418293075: no space left on device"),
  ).toMatchObject({ stage: "image_pull", cause: "disk_full" });
  // A pull cancelled for taking too long is a timeout.
  expect(parseFailure("CannotPullContainerError: context canceled")).toMatchObject({
    stage: "image_pull",
    cause: "timeout",
  });
  // A pull from ECR itself stays an ECR failure.
  expect(
    parseFailure(
      "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.4.3: 403 Forbidden",
    ),
  ).toMatchObject({ stage: "image_pull", service: "ecr", cause: "access_denied" });
});

test("a secret that exists without a value (no AWSCURRENT version) is not read as a missing secret", () => {
  const p = parseFailure(
    "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret value for staging label: AWSCURRENT status code: 400",
  );
  expect(p.cause).toBe("no_value");
  expect(p.resource).toBe("arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf");
  expect(parseFailure("ResourceNotFoundException: Secrets Manager can't find the specified secret.").cause).toBe(
    "not_found",
  );
});
