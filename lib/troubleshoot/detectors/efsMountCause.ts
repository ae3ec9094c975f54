// An EFS volume that would not mount, by what the mount helper said: the name did not resolve (no mount target), the
// server refused (file system policy / IAM authorization / access point), the directory does not exist, or the
// connection was reset or timed out (NFS, TCP 2049, blocked by a security group). Facts come from the task definition
// (file system, root directory, access point, IAM authorization, task role) and the task's security groups.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
// https://repost.aws/knowledge-center/fargate-unable-to-mount-efs
import type { EFSVolumeConfiguration } from "@aws-sdk/client-ecs";
import type { FailureContext } from "./failureContext.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import type { TextCause } from "./pullErrors.ts";

type Kind = "resolve" | "denied" | "no_dir" | "network" | "other";

const kindOf = (raw: string): Kind =>
  /Failed to resolve|mount target/i.test(raw)
    ? "resolve"
    : /access denied by server|AccessDenied|not authorized/i.test(raw)
      ? "denied"
      : /No such file or directory/i.test(raw)
        ? "no_dir"
        : /Connection (reset|timed out|refused)|timed? ?out|Failed to initialize TLS tunnel/i.test(raw)
          ? "network"
          : "other";

/** The EFS volume the failure is about: the one whose file system the text names, else the definition's only one. */
const volumeOf = (raw: string, c: FailureContext): EFSVolumeConfiguration | undefined => {
  const efs = (c.taskDefinition?.volumes ?? []).flatMap((v) =>
    v.efsVolumeConfiguration ? [v.efsVolumeConfiguration] : [],
  );
  return efs.find((v) => v.fileSystemId && raw.includes(v.fileSystemId)) ?? efs[0];
};

/** The finding for a failed EFS mount. */
export const efsMountCause = (p: ParsedFailure, c: FailureContext, region: string): TextCause => {
  const v = volumeOf(p.raw, c);
  const fs = /\b(fs-[0-9a-f]+)/.exec(p.raw)?.[1] ?? v?.fileSystemId ?? "the EFS file system";
  const ap = v?.authorizationConfig?.accessPointId;
  const iam = v?.authorizationConfig?.iam === "ENABLED";
  const role = c.taskDefinition?.taskRoleArn;
  const sgs = c.path?.securityGroups?.length ? c.path.securityGroups.join(", ") : "the task's security group";
  const dir = /:(\/[^\s']*) failed/.exec(p.raw)?.[1] ?? v?.rootDirectory;
  const kind = kindOf(p.raw);
  const base = { id: "efs_mount_failed", likelihood: 0.9, title: `The task's EFS volume ${fs} could not be mounted` };
  const quoted = `(${p.causeText ?? p.raw})`;
  if (kind === "resolve")
    return {
      ...base,
      category: "network",
      explanation: `The file system's DNS name did not resolve from the task: ${fs} has no mount target in the task's VPC/Availability Zone (or it was just created and is not available yet), or the VPC has DNS resolution/hostnames disabled.`,
      fix: `Create a mount target for ${fs} in every subnet/AZ the service uses, wait until it is available, and enable DNS resolution and DNS hostnames on the VPC.`,
    };
  if (kind === "denied")
    return {
      ...base,
      category: "permissions",
      title: `EFS refused the mount of ${fs} (access denied by the server)`,
      explanation: `The NFS server answered access denied ${quoted}: the file system's policy did not allow this client. The task definition mounts ${fs}${ap ? ` through access point ${ap}` : ""} with IAM authorization ${iam ? "ENABLED, so the task role's identity is checked" : "DISABLED, so the mount is anonymous; a file system policy that requires IAM (or grants only named roles) refuses it"}.`,
      fix: iam
        ? `Allow ${role ?? "the task role"} elasticfilesystem:ClientMount (and ClientWrite for read-write; ClientRootAccess for root) on arn:aws:elasticfilesystem:${region}:${c.account ?? "<account>"}:file-system/${fs}, in its IAM policy and in the file system policy${ap ? `, with the access point ${ap} allowed` : ""}.`
        : `Set authorizationConfig.iam to ENABLED (with transitEncryption ENABLED) on the volume, and allow ${role ?? "the task role (set taskRoleArn)"} elasticfilesystem:ClientMount (and ClientWrite) on arn:aws:elasticfilesystem:${region}:${c.account ?? "<account>"}:file-system/${fs}; or relax the file system policy.`,
    };
  if (kind === "no_dir")
    return {
      ...base,
      category: "task",
      title: `The directory ${dir ?? "asked for"} does not exist on EFS file system ${fs}`,
      explanation: `The mount asked for ${dir ? `rootDirectory ${dir}` : "a sub-directory"} of ${fs} and the server answered No such file or directory: EFS does not create the directory a volume's rootDirectory names.`,
      fix: `Create ${dir ?? "the directory"} on ${fs} (mount the file system root once and mkdir it), or mount through an EFS access point whose root directory is ${dir ?? "that path"} with creationInfo (owner uid/gid and permissions) so EFS creates it, and set authorizationConfig.accessPointId instead of rootDirectory.`,
    };
  if (kind === "network")
    return {
      ...base,
      category: "network",
      title: `NFS to EFS file system ${fs} is blocked or unreachable`,
      explanation: `The NFS connection to ${fs}'s mount target failed ${quoted}: NFS (TCP 2049) from the task to the mount target in its Availability Zone was not allowed or not answered. The task uses ${sgs}.`,
      fix: `On the security group of ${fs}'s mount targets allow inbound TCP 2049 from ${sgs}, and let ${sgs} send TCP 2049 to the mount targets (every AZ's subnet); check the subnets' network ACLs allow 2049 both ways.`,
    };
  return {
    ...base,
    category: "task",
    explanation: `Mounting ${fs} failed ${quoted}.`,
    fix: `Check that ${fs} has an available mount target in each task AZ, that its security group admits TCP 2049 from ${sgs}, and that the file system policy admits the task${iam ? ` role ${role ?? ""}` : ""}.`,
  };
};
