// Image layer downloads from ECR's S3 bucket: ECR answers auth and the manifest, then the layers come from
// prod-<region>-starport-layer-bucket in S3, so a 403 or timeout there is an S3 path problem (endpoint policy, gateway
// route, security group egress to the S3 prefix list), not ECR permissions.
// https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-setting-up-s3-gateway
import type { FailureContext } from "./failureContext.ts";
import { pathExplanation, pathFix } from "./networkPath.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import type { TextCause } from "./pullErrors.ts";

type Statement = { Effect?: string; Resource?: string | string[] };

/** What an endpoint policy says about the bucket: allowed, or the resources it is limited to. */
const policyOn = (policy: string, bucket: string): { allows: boolean; resources: string[] } | undefined => {
  try {
    const doc = JSON.parse(policy) as { Statement?: Statement | Statement[] };
    const allow = [doc.Statement ?? []].flat().filter((s) => s.Effect === "Allow");
    const resources = allow.flatMap((s) => [s.Resource ?? []].flat());
    const allows = resources.some(
      (r) => r === "*" || r === "arn:aws:s3:::*" || r.includes(bucket) || /starport-layer-bucket/.test(r),
    );
    return { allows, resources };
  } catch {
    return undefined;
  }
};

const openTo = (dests: readonly string[], prefixList: string | undefined) =>
  dests.some((d) => d === "0.0.0.0/0" || (prefixList !== undefined && d === prefixList));

/** The finding for a failed layer download from ECR's S3 bucket. */
export const layerDownloadCause = (p: ParsedFailure, c: FailureContext, region: string): TextCause => {
  const bucket = /(prod-[a-z0-9-]+-starport-layer-bucket)/.exec(p.raw)?.[1] ?? `prod-${region}-starport-layer-bucket`;
  const gw = c.path?.s3Gateway;
  const head = `ECR served the auth token and the manifest; the image layers come from ECR's S3 bucket ${bucket}, and that download`;
  if (p.cause === "access_denied") {
    const pol = gw?.policy ? policyOn(gw.policy, bucket) : undefined;
    const polText = !pol
      ? ""
      : pol.allows
        ? `; its endpoint policy does allow that bucket, so look for a bucket-level deny (an SCP or a proxy) on the path`
        : `; its endpoint policy allows only ${pol.resources.slice(0, 4).join(", ") || "nothing"}, so it denies ECR's layer bucket`;
    return {
      id: "image_layer_download_denied",
      category: "network",
      title: `S3 refused the image layer download from ${bucket} (403)`,
      likelihood: 0.94,
      explanation: `${head} got 403 Forbidden. ${gw ? `The task subnets reach S3 through the gateway endpoint ${gw.id}${polText}.` : "That is the signature of an S3 VPC endpoint policy that does not allow ECR's layer bucket (the task's route to S3 was not shown to use a gateway endpoint here)."}`,
      fix: `Allow s3:GetObject on arn:aws:s3:::${bucket}/* in the endpoint policy of ${gw?.id ?? "the S3 VPC endpoint"} (next to your own buckets), then redeploy; the execution role's ECR permissions are not the problem.`,
    };
  }
  if (
    p.cause === "timeout" &&
    gw &&
    !c.path?.onEc2 &&
    c.path?.egress443To &&
    !openTo(c.path.egress443To, gw.prefixList)
  ) {
    const sgs = c.path.securityGroups?.join(", ") || "the task security groups";
    const pl = gw.prefixList ?? `the com.amazonaws.${region}.s3 prefix list`;
    return {
      id: "registry_unreachable",
      category: "network",
      title: "Task security groups block the image layer download from Amazon S3",
      likelihood: 0.92,
      explanation: `${head} timed out. The subnets route S3 through the gateway endpoint ${gw.id}, which sends traffic to Amazon S3's public addresses (prefix list ${pl}), but ${sgs} allow outbound TCP 443 only to ${c.path.egress443To.join(", ") || "nothing"}.`,
      fix: `Add an egress rule to ${c.path.securityGroups?.[0] ?? "the task security group"}: TCP 443 to the prefix list ${pl}, then redeploy.`,
    };
  }
  if (p.cause === "timeout" && !gw && c.path?.route === "none")
    return {
      id: "registry_unreachable",
      category: "network",
      title: "No path to ECR's image layers in Amazon S3",
      likelihood: 0.9,
      explanation: `${head} timed out: the task subnets have no NAT or internet route and no S3 gateway endpoint, and ECR's interface endpoints do not carry layer downloads.`,
      fix: `Create a gateway endpoint com.amazonaws.${region}.s3 on the task subnets' route tables (and allow TCP 443 to its prefix list in the task security group).`,
    };
  return {
    id: p.cause === "timeout" ? "registry_unreachable" : "image_pull_failed",
    category: p.cause === "timeout" ? "network" : "image",
    title:
      p.cause === "timeout"
        ? "No network path to ECR's image layers in Amazon S3"
        : "Image layer download from S3 failed",
    likelihood: p.cause === "timeout" ? 0.86 : 0.8,
    explanation: `${head} failed (${p.causeText ?? p.raw}). ${pathExplanation("s3", region, c.path)}`,
    fix: pathFix("s3", region, c.path),
  };
};
