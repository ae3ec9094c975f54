// Image reference parsing: registries with ports, digests, namespaced repositories, ECR hosts, Docker Hub.
import { expect, test } from "bun:test";
import { effectiveTag, parseImageUri } from "./parseImageUri.ts";

test("ECR with a namespaced repository and tag", () => {
  expect(parseImageUri("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:1.4.2")).toMatchObject({
    registry: "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
    repository: "team/api",
    tag: "1.4.2",
    kind: "ecr",
    ecr: { accountId: "123456789012", region: "eu-west-1" },
  });
});

test("registry with a port and a digest", () => {
  const d = `sha256:${"a".repeat(64)}`;
  const r = parseImageUri(`registry.local:5000/org/app@${d}`);
  expect(r).toMatchObject({ registry: "registry.local:5000", repository: "org/app", digest: d, kind: "other" });
  expect(r?.tag).toBeUndefined();
  expect(effectiveTag(r!)).toBeUndefined();
  expect(parseImageUri("localhost:5000/app:dev")).toMatchObject({
    registry: "localhost:5000",
    repository: "app",
    tag: "dev",
  });
});

test("Docker Hub official and user images, default tag latest", () => {
  const nginx = parseImageUri("nginx")!;
  expect(nginx).toMatchObject({ registry: "docker.io", repository: "library/nginx", kind: "docker-hub" });
  expect(effectiveTag(nginx)).toBe("latest");
  expect(parseImageUri("bitnami/redis:7.2")).toMatchObject({
    registry: "docker.io",
    repository: "bitnami/redis",
    tag: "7.2",
  });
  expect(parseImageUri("public.ecr.aws/nginx/nginx:1.27")?.kind).toBe("ecr-public");
});

test("rejects look-alike ECR hosts and invalid references", () => {
  expect(parseImageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.io/app:1")?.kind).toBe("other");
  expect(parseImageUri("12345.dkr.ecr.us-east-1.amazonaws.com/app")?.kind).toBe("other");
  expect(parseImageUri("")).toBeUndefined();
  expect(parseImageUri("Upper/Case:1")).toBeUndefined();
  expect(parseImageUri("app:bad tag")).toBeUndefined();
  expect(parseImageUri("app@sha256:short")).toBeUndefined();
});

test("ECR dual-stack hosts are ECR too", () => {
  expect(parseImageUri("123456789012.dkr-ecr.eu-west-1.on.aws/team/web:v1")).toMatchObject({
    kind: "ecr",
    repository: "team/web",
    tag: "v1",
    ecr: { accountId: "123456789012", region: "eu-west-1" },
  });
  expect(parseImageUri("123456789012.dkr-ecr.eu-west-1.on.aws.evil.com/web:v1")?.kind).toBe("other");
});

test("cases from the Express prerequisites check (the reference's §15 #18 bugs)", () => {
  const d = `sha256:${"a".repeat(64)}`;
  expect(parseImageUri(`127.0.0.1:5101/team/app@${d}`)).toMatchObject({
    registry: "127.0.0.1:5101",
    repository: "team/app",
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
    ecr: { accountId: "123456789012", region: "eu-west-1" },
  });
  expect(parseImageUri("nginx:1.27")).toMatchObject({ kind: "docker-hub", repository: "library/nginx", tag: "1.27" });
  expect(parseImageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.com/app:1")?.ecr).toBeUndefined();
  for (const bad of ["", "has space:1", "UPPER/app:1", "app:1@sha256:short", "a@b@c"])
    expect(parseImageUri(bad)).toBeUndefined();
});
