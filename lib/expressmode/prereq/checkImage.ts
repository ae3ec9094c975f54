// Checks that an image exists: ECR images by tag or digest via DescribeImages; other registries are reported as not verifiable.
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { parseImageUri } from "../../util/parseImageUri.ts";

/** Outcome of the image check (the reference's statuses plus `not_verifiable` and `public` for ECR Public). */
export interface ImageCheck {
  readonly status:
    | "exists"
    | "not_found"
    | "image_not_found"
    | "repository_not_found"
    | "invalid_format"
    | "not_verifiable"
    | "public"
    | "error";
  readonly uri: string;
  readonly repository?: string;
  readonly tag?: string;
  readonly image_digest?: string;
  readonly image_pushed_at?: string;
  readonly message?: string;
  readonly error?: string;
  readonly fix?: string;
}

/**
 * Looks the image up. ECR hosts (`<account>.dkr.ecr.<region>.amazonaws.com`) are checked with DescribeImages
 * in that account; `treatAsEcr` makes another host count as ECR (the repository named by the stack outputs).
 */
export const checkImage = (ctx: ToolContext, uri: string, treatAsEcr = false): ResultAsync<ImageCheck, EcsError> => {
  const ref = parseImageUri(uri);
  if (!ref || (!ref.tag && !ref.digest))
    return okAsync({
      status: "invalid_format",
      uri,
      error: ref
        ? "Image URI must include a tag or a digest (format: repository:tag or repository@sha256:...)"
        : "Invalid image URI format",
      fix: "Pass the full_image_uri returned by build_and_push_image_to_ecr, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app-repo:1700000000.",
    });
  // ECR Public images are pulled anonymously: no private repository, registry credentials or ECR permission needed.
  // https://docs.aws.amazon.com/AmazonECR/latest/public/public-registries.html
  if (ref.kind === "ecr-public" && !treatAsEcr)
    return okAsync({
      status: "public",
      uri,
      repository: ref.repository,
      tag: ref.tag,
      message: `ECR Public image (public.ecr.aws): valid without a private ECR repository; Fargate pulls it anonymously. Its tag is not looked up here.`,
    });
  if (!ref.ecr && !treatAsEcr)
    return okAsync({
      status: "not_verifiable",
      uri,
      repository: ref.repository,
      tag: ref.tag,
      message: `${ref.kind === "docker-hub" ? "Docker Hub" : ref.registry} is not an ECR registry: the image cannot be verified here. Make sure it is public or that the execution role can pull it (repositoryCredentials).`,
    });
  const imageId = ref.digest ? { imageDigest: ref.digest } : { imageTag: ref.tag };
  const what = ref.digest ? `digest '${ref.digest}'` : `tag '${ref.tag}'`;
  return ctx
    .aws("ecr", "DescribeImages", {
      registryId: ref.ecr?.accountId,
      repositoryName: ref.repository,
      imageIds: [imageId],
    })
    .map((out): ImageCheck => {
      const d = out.imageDetails?.[0];
      if (!d)
        return {
          status: "not_found",
          uri,
          repository: ref.repository,
          tag: ref.tag,
          error: `Image with ${what} not found in repository '${ref.repository}'`,
          fix: "Build and push the image first (build_and_push_image_to_ecr), then use the full_image_uri it returns.",
        };
      return {
        status: "exists",
        uri,
        repository: ref.repository,
        tag: ref.tag,
        image_digest: d.imageDigest,
        image_pushed_at: d.imagePushedAt?.toISOString(),
        message: `Image found in ECR: ${uri}`,
      };
    })
    .orElse((e) =>
      okAsync<ImageCheck, EcsError>(
        e.kind === "aws" && e.code === "RepositoryNotFoundException"
          ? {
              status: "repository_not_found",
              uri,
              repository: ref.repository,
              error: `ECR repository not found: ${ref.repository}`,
              fix: "Create it and push the image with build_and_push_image_to_ecr (it creates <app_name>-repo), or check the region.",
            }
          : e.kind === "aws" && e.code === "ImageNotFoundException"
            ? {
                status: "image_not_found",
                uri,
                repository: ref.repository,
                tag: ref.tag,
                error: `Image with ${what} not found in repository '${ref.repository}'`,
                fix: "Push the image first (build_and_push_image_to_ecr) or correct the tag.",
              }
            : { status: "error", uri, error: `Error validating image in ECR: ${e.message}`, fix: e.hint },
      ),
    );
};
