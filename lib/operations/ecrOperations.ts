// The ECR operations of ecs_resource_management (tool names carry the `ecr:` prefix).
import { type OperationSpec, ecrOp as op } from "./operationEntry.ts";

const P1000 = { maxPageSize: 1000 } as const;

/** ECR operations: repository and image reads, and the writes an assistant needs to manage repositories. */
export const ECR_OPERATIONS: readonly OperationSpec[] = [
  op("DescribeRepositories", "read", "Describe repositories (URI, tag mutability, scanning, encryption).", P1000),
  op("DescribeImages", "read", "Describe images in a repository (tags, digest, size, push time, scan status).", P1000),
  op("ListImages", "read", "List image tags and digests in a repository.", P1000),
  op("BatchGetImage", "read", "Get image manifests (metadata only; no layers are downloaded).", { sensitive: true }),
  op("DescribeImageScanFindings", "read", "Read the scan findings of an image.", P1000),
  op("GetLifecyclePolicy", "read", "Read a repository's lifecycle policy."),
  op("GetRepositoryPolicy", "read", "Read a repository's permissions policy."),
  op("DescribeRegistry", "read", "Describe the registry's replication configuration."),
  op("ListTagsForResource", "read", "List the tags of a repository."),
  op("CreateRepository", "write", "Create a repository."),
  op("PutLifecyclePolicy", "write", "Set a repository's lifecycle policy."),
  op("PutImageTagMutability", "write", "Set a repository's tag mutability (MUTABLE/IMMUTABLE)."),
  op("PutImageScanningConfiguration", "write", "Turn scan-on-push on or off for a repository."),
  op("StartImageScan", "write", "Start a basic scan of an image."),
  op("TagResource", "write", "Add tags to a repository."),
  op("UntagResource", "write", "Remove tags from a repository."),
  op("DeleteLifecyclePolicy", "destructive", "Delete a repository's lifecycle policy."),
  op("BatchDeleteImage", "destructive", "Delete images by tag or digest."),
  op("DeleteRepository", "destructive", "Delete a repository (force deletes its images too)."),
];
