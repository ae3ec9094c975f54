// Checks that an ARN's partition is the one its region belongs to (arn:aws-cn:…:us-east-1 names nothing anywhere).

/**
 * Region prefixes of the partitions other than `aws`
 * (https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html); every other
 * region is in `aws`.
 */
const PARTITION_OF_PREFIX: readonly (readonly [RegExp, string])[] = [
  [/^cn-/, "aws-cn"],
  [/^us-gov-/, "aws-us-gov"],
  [/^us-isob-/, "aws-iso-b"],
  [/^us-isof-/, "aws-iso-f"],
  [/^eu-isoe-/, "aws-iso-e"],
  [/^us-iso-/, "aws-iso"],
  [/^eusc-/, "aws-eusc"],
];

/** The partition of a region name (`cn-north-1` → `aws-cn`, `us-east-1` → `aws`). */
const partitionOf = (region: string): string =>
  PARTITION_OF_PREFIX.find(([prefix]) => prefix.test(region))?.[1] ?? "aws";

/**
 * Why `arn`'s partition does not match its region, or undefined when it does. An ARN without a region (IAM's,
 * S3's) is judged against `clientRegion`, the region the calls go to, when it is known: partitions are isolated,
 * so an `arn:aws-cn:iam::…` role cannot be used from us-east-1. Such an ARN is usually a template filled for another
 * partition: AWS answers it with a not-found or invalid error.
 */
export const arnPartitionProblem = (arn: string, clientRegion?: string): string | undefined => {
  const [prefix, partition, , region] = arn.split(":", 4);
  if (prefix !== "arn" || !partition) return undefined;
  if (!region) {
    if (!clientRegion) return undefined;
    const expected = partitionOf(clientRegion);
    return partition === expected
      ? undefined
      : `has partition "${partition}" but the calls go to region "${clientRegion}", in partition "${expected}" (arn:${expected}:…)`;
  }
  const expected = partitionOf(region);
  return partition === expected
    ? undefined
    : `has partition "${partition}" but region "${region}" is in partition "${expected}" (arn:${expected}:…:${region}:…)`;
};
