// Checks every container image of some task definitions: ECR repository/tag existence, credentials, execution role.

import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { ResultAsync } from "neverthrow";
import type { EcsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { effectiveTag, parseImageUri } from "../util/parseImageUri.ts";
import { familyRevision } from "./describeTaskDefinitions.ts";
import { type Finding, finding } from "./finding.ts";

/** The verdict on one container image. */
export interface ImageCheck {
  readonly image: string;
  readonly container_name?: string;
  readonly task_definition: string;
  readonly repository_type: "ecr" | "ecr-public" | "docker-hub" | "other" | "invalid";
  readonly exists: "true" | "false" | "unknown";
  readonly error?: string;
  readonly pushed_at?: string;
}

const checkOne = (
  ctx: ToolContext,
  td: TaskDefinition,
  name: string | undefined,
  image: string,
): ResultAsync<ImageCheck, never> => {
  const base = { image, container_name: name, task_definition: familyRevision(td.taskDefinitionArn) };
  const ref = parseImageUri(image);
  if (!ref) {
    return ResultAsync.fromSafePromise(
      Promise.resolve({
        ...base,
        repository_type: "invalid" as const,
        exists: "false" as const,
        error: "Not a valid image reference",
      }),
    );
  }
  if (ref.kind !== "ecr") {
    return ResultAsync.fromSafePromise(
      Promise.resolve({
        ...base,
        repository_type: ref.kind,
        exists: "unknown" as const,
        error: `Not in private ECR (${ref.registry}); existence not verified`,
      }),
    );
  }
  const tag = effectiveTag(ref);
  return ctx
    .aws("ecr", "DescribeImages", {
      registryId: ref.ecr!.accountId,
      repositoryName: ref.repository,
      imageIds: [tag ? { imageTag: tag } : { imageDigest: ref.digest! }],
    })
    .map(
      (o): ImageCheck => ({
        ...base,
        repository_type: "ecr",
        exists: "true",
        pushed_at: o.imageDetails?.[0]?.imagePushedAt?.toISOString(),
      }),
    )
    .orElse((e: EcsError) => {
      const code = e.kind === "aws" ? e.code : e.kind;
      const missing =
        code === "RepositoryNotFoundException"
          ? `Repository ${ref.repository} not found in registry ${ref.ecr!.accountId}`
          : code === "ImageNotFoundException"
            ? `Image ${tag ? `with tag ${tag}` : ref.digest} not found in repository ${ref.repository}`
            : undefined;
      return ResultAsync.fromSafePromise<ImageCheck, never>(
        Promise.resolve({
          ...base,
          repository_type: "ecr" as const,
          exists: missing ? ("false" as const) : ("unknown" as const),
          error: missing ?? `Could not check: ${code}: ${e.message}`,
        }),
      );
    });
};

/** Checks all images in parallel; never fails (per-image errors land in the image's entry). */
export const checkImages = (ctx: ToolContext, tds: readonly TaskDefinition[]): ResultAsync<ImageCheck[], never> =>
  ResultAsync.combine(
    tds.flatMap((td) =>
      (td.containerDefinitions ?? []).filter((c) => c.image).map((c) => checkOne(ctx, td, c.name, c.image!)),
    ),
  );

/**
 * Findings from image checks and task definitions (missing images, ECR without execution role, private registry
 * without credentials). `onEc2`: tasks on EC2 capacity pull with the container instance role, no execution role needed.
 */
export const imageFindings = (
  checks: readonly ImageCheck[],
  tds: readonly TaskDefinition[],
  onEc2 = false,
): Finding[] => {
  const out: Finding[] = [];
  const invalid = checks.filter((c) => c.repository_type === "invalid");
  if (invalid.length > 0) {
    out.push(
      finding({
        id: "image_reference_invalid",
        category: "image",
        title: `Image reference ${invalid.map((c) => `'${c.image}'`).join(", ")} is not a valid image name`,
        likelihood: 0.96,
        evidence: invalid.map((c) => ({
          source: "task_definition" as const,
          ref: c.container_name,
          text: `image ${c.image}: ${c.error}`,
        })),
        explanation:
          "The task definition's image is not a registry/repository[:tag] reference (e.g. a file name or a value with upper-case letters or spaces), so ECS cannot even resolve it and every task fails to start.",
        fix: "Put the full image URI in the task definition (e.g. <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>), register a new revision and redeploy.",
      }),
    );
  }
  const missing = checks.filter((c) => c.exists === "false" && c.repository_type !== "invalid");
  if (missing.length > 0) {
    out.push(
      finding({
        id: "image_not_found",
        category: "image",
        title: "Image or tag does not exist",
        likelihood: 0.95,
        evidence: missing.map((c) => ({
          source: "ecr" as const,
          ref: c.container_name,
          text: `${c.image}: ${c.error}`,
        })),
        explanation:
          "The task definition points at an image that is not in the registry, so every task fails with CannotPullContainerError.",
        fix: "Push the image with that tag (build_and_push_image_to_ecr), or register a task definition revision with the right URI, then redeploy.",
      }),
    );
  }
  for (const td of tds) {
    const containers = td.containerDefinitions ?? [];
    const fargateCapable =
      (td.requiresCompatibilities ?? []).length === 0 || td.requiresCompatibilities?.includes("FARGATE");
    if (
      !onEc2 &&
      fargateCapable &&
      !td.executionRoleArn &&
      containers.some((c) => parseImageUri(c.image ?? "")?.kind === "ecr")
    ) {
      out.push(
        finding({
          id: "no_execution_role",
          category: "permissions",
          title: `Task definition ${familyRevision(td.taskDefinitionArn)} pulls from ECR without an execution role`,
          likelihood: 0.9,
          evidence: [
            {
              source: "task_definition",
              ref: td.taskDefinitionArn,
              text: "executionRoleArn is not set; images are in ECR",
            },
          ],
          explanation:
            "ECS needs the task execution role to get an ECR auth token and pull private images (and to write awslogs).",
          fix: "Set executionRoleArn to a role with the AmazonECSTaskExecutionRolePolicy managed policy and register a new revision.",
        }),
      );
    }
    for (const c of containers) {
      const ref = parseImageUri(c.image ?? "");
      if (ref?.kind === "other" && !c.repositoryCredentials?.credentialsParameter) {
        out.push(
          finding({
            id: "private_registry_no_credentials",
            category: "image",
            title: `${c.name} pulls from ${ref.registry} without repositoryCredentials`,
            likelihood: 0.4,
            evidence: [{ source: "task_definition", ref: c.name, text: `image ${c.image}; no repositoryCredentials` }],
            explanation:
              "If this registry is private, ECS cannot authenticate and the pull fails with an authorization error.",
            fix: "Store the registry credentials in Secrets Manager and set repositoryCredentials.credentialsParameter (the execution role must read the secret), or mirror the image to ECR.",
          }),
        );
      }
    }
  }
  return out;
};
