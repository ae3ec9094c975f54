// Fake ECR backed by the loopback basic-auth registry: auth tokens for it, and DescribeImages answered from its manifests.
import { Buffer } from "node:buffer";
import { awsError, type FakeAws } from "../fakeAws.ts";
import { getManifestDigest, type RegistryEnv } from "../registry/registry.ts";

/** ECR GetAuthorizationToken/DescribeImages on `fake` that speak for the loopback registry `reg`. */
export const fakeEcrOnRegistry = (fake: FakeAws, reg: RegistryEnv) => {
  fake.on("ecr", "GetAuthorizationToken", {
    authorizationData: [
      {
        authorizationToken: Buffer.from(`${reg.username}:${reg.password}`).toString("base64"),
        proxyEndpoint: `http://${reg.ecrHost}`,
        expiresAt: new Date(Date.now() + 12 * 3600_000),
      },
    ],
  });
  fake.on("ecr", "DescribeImages", async (input) => {
    const tag = input.imageIds?.[0]?.imageTag as string;
    try {
      const digest = await getManifestDigest(reg.ecrHost, input.repositoryName ?? "", tag, reg);
      return {
        imageDetails: [
          { repositoryName: input.repositoryName, imageDigest: digest, imageTags: [tag], imagePushedAt: new Date() },
        ],
      };
    } catch {
      throw awsError(
        "ImageNotFoundException",
        `The image with imageId {imageTag:'${tag}'} does not exist within the repository`,
      );
    }
  });
};
