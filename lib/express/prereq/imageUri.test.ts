// Image reference parsing: registry ports, namespaced repositories, digests, ECR hosts (the reference's §15 #18 bugs).
import { describe, expect, test } from "bun:test";
import { parseImageUri } from "./imageUri.ts";

describe("parseImageUri", () => {
  test("ECR URI with tag", () => {
    expect(parseImageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app-repo:1700000000")).toEqual({
      registry: "123456789012.dkr.ecr.us-east-1.amazonaws.com",
      repository: "my-app-repo",
      tag: "1700000000",
      digest: undefined,
      ecr: { registryId: "123456789012", region: "us-east-1" },
    });
  });
  test("registry with port, namespaced repository, digest", () => {
    const d = `sha256:${"a".repeat(64)}`;
    expect(parseImageUri(`127.0.0.1:5101/team/app@${d}`)).toMatchObject({
      registry: "127.0.0.1:5101",
      repository: "team/app",
      tag: undefined,
      digest: d,
    });
    expect(parseImageUri("localhost:5000/app:v1")).toMatchObject({
      registry: "localhost:5000",
      repository: "app",
      tag: "v1",
    });
    expect(parseImageUri(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1@${d}`)).toMatchObject({
      repository: "team/app",
      tag: "1",
      digest: d,
      ecr: { region: "eu-west-1" },
    });
  });
  test("Docker Hub short names and spoofed ECR hosts are not ECR", () => {
    expect(parseImageUri("nginx:1.27")).toMatchObject({ registry: undefined, repository: "nginx", tag: "1.27" });
    expect(parseImageUri("library/nginx")).toMatchObject({ repository: "library/nginx", tag: undefined });
    expect(parseImageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.com/app:1")?.ecr).toBeUndefined();
  });
  test("garbage is rejected", () => {
    for (const bad of ["", "has space:1", "UPPER/app:1", "app:1@sha256:short", "a@b@c"])
      expect(parseImageUri(bad)).toBeUndefined();
  });
});
