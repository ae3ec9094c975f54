// EFS mount failures read by what the mount helper said, with facts from the task definition and security groups.
import { expect, test } from "bun:test";
import { efsMountCause } from "./efsMountCause.ts";
import { parseFailure } from "./parseFailure.ts";

const PREFIX = "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: ";
const ctx = (efs: Record<string, unknown>) => ({
  account: "123456789012",
  path: { route: "nat" as const, subnets: ["subnet-1"], publicIp: false, securityGroups: ["sg-task"] },
  taskDefinition: {
    taskRoleArn: "arn:aws:iam::123456789012:role/app-task",
    volumes: [{ name: "data", efsVolumeConfiguration: { fileSystemId: "fs-0abc", ...efs } }],
  },
});
const cause = (text: string, efs: Record<string, unknown> = {}) =>
  efsMountCause(parseFailure(PREFIX + text), ctx(efs), "eu-west-1");

test("access denied by the server names IAM authorization, the task role and ClientMount on the file system", () => {
  const c = cause("b'mount.nfs4: access denied by server while mounting 127.0.0.1:/' : code: 32");
  expect(c.title).toContain("fs-0abc");
  expect(c.explanation).toContain("IAM authorization DISABLED");
  expect(c.fix).toContain("authorizationConfig.iam to ENABLED");
  expect(c.fix).toContain("arn:aws:iam::123456789012:role/app-task elasticfilesystem:ClientMount");
  expect(c.fix).toContain("arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0abc");
  const withIam = cause("b'mount.nfs4: access denied by server while mounting 127.0.0.1:/'", {
    authorizationConfig: { iam: "ENABLED", accessPointId: "fsap-1" },
  });
  expect(withIam.fix).not.toContain("authorizationConfig.iam to ENABLED");
  expect(withIam.explanation).toContain("fsap-1");
});

test("a missing directory names the path and an access point with creationInfo, not a network rule", () => {
  const c = cause(
    "b'mount.nfs4: mounting fs-0abc.efs.eu-west-1.amazonaws.com:/data/app failed, reason given by server: No such file or directory'",
    { rootDirectory: "/data/app" },
  );
  expect(c.title).toContain("/data/app");
  expect(c.fix).toContain("creationInfo");
  expect(`${c.explanation} ${c.fix}`).not.toContain("2049");
});

test("a reset or timed-out connection names TCP 2049 and the task's security groups; a resolve failure the mount target", () => {
  const reset = cause("b'mount.nfs4: Connection reset by peer' : unsuccessful EFS utils command execution; code: 32");
  expect(reset.fix).toContain("inbound TCP 2049 from sg-task");
  expect(reset.explanation).not.toContain("access denied");
  const resolve = cause(
    'Failed to resolve "fs-0abc.efs.eu-west-1.amazonaws.com" - check that your file system ID is correct',
  );
  expect(resolve.fix).toContain("mount target for fs-0abc");
});
