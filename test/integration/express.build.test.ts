// Real builds with podman against the loopback registries: generated Dockerfiles build; build_and_push pushes a verified digest.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Progress } from "../../lib/index.ts";
import { fakeEcrOnRegistry } from "../support/express/fakeEcrRegistry.ts";
import { expressAssistant, fakeStack } from "../support/express/fakeExpress.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";
import { ensureRegistry, getManifestDigest, type RegistryEnv } from "../support/registry/registry.ts";

let fake: FakeAws;
let reg: RegistryEnv | null = null;
const FIXTURES = join(import.meta.dir, "../fixtures/apps");

beforeAll(async () => {
  fake = await startFakeAws();
  reg = await ensureRegistry();
}, 15 * 60_000);
afterAll(() => fake.close());

const copyApp = (app: string) => {
  const dir = join(mkdtempSync(join(tmpdir(), "express-build-")), app);
  cpSync(join(FIXTURES, app), dir, { recursive: true });
  return dir;
};
const childEnv = () => ({
  PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  HOME: "/root",
  ...reg!.env,
});
const assistant = () =>
  expressAssistant(
    fake,
    { allowWrite: true },
    { container: { runtime: "podman", env: childEnv(), commandTimeoutMs: 300_000 } },
  );

describe("podman builds and pushes (skipped when podman or the registries are unavailable)", () => {
  for (const app of ["node-http", "python-http", "static-site"])
    test(`${app}: the generated Dockerfile builds and is pushed with a digest ECR confirms`, async () => {
      if (!reg) return;
      fake.reset();
      const name = app.replace(/-/g, "").slice(0, 12);
      fakeStack(fake, name, { repositoryUri: `${reg.ecrHost}/${name}-repo` });
      fakeEcrOnRegistry(fake, reg);
      const dir = copyApp(app);
      const a = assistant();
      (await a.containerizeApp({ app_path: dir, port: 8080, write: true }))._unsafeUnwrap();
      const progress: Progress[] = [];
      const tag = `t${Date.now()}`;
      const r = (
        await a.buildAndPushImageToEcr({ app_name: name, app_path: dir, tag }, { onProgress: (p) => progress.push(p) })
      )._unsafeUnwrap();
      expect(r).toMatchObject({
        repository_uri: `${reg.ecrHost}/${name}-repo`,
        image_tag: tag,
        full_image_uri: `${reg.ecrHost}/${name}-repo:${tag}`,
        stack_name: `${name}-ecr-infrastructure`,
        container_runtime: "podman",
        platform: "linux/amd64",
      });
      expect((r as { image_digest: string }).image_digest).toBe(
        await getManifestDigest(reg.ecrHost, `${name}-repo`, tag, reg),
      );
      expect(progress.some((p) => /^build: (\[\d+\/\d+\] )?STEP \d+\/\d+: FROM /.test(p.message))).toBe(true);
      expect(JSON.stringify(progress)).not.toContain(reg.password);
      // Immutable tags: pushing the same tag again is refused before any build.
      const again = (await a.buildAndPushImageToEcr({ app_name: name, app_path: dir, tag }))._unsafeUnwrapErr();
      expect(again).toMatchObject({ kind: "validation", issues: [{ path: "tag" }] });
    }, 180_000);

  test("a failing build reports the failing step and a bounded log tail", async () => {
    if (!reg) return;
    fake.reset();
    fakeStack(fake, "broken", { repositoryUri: `${reg.ecrHost}/broken-repo` });
    fakeEcrOnRegistry(fake, reg);
    const dir = copyApp("static-site");
    writeFileSync(
      join(dir, "Dockerfile"),
      "FROM public.ecr.aws/docker/library/nginx:1.27-alpine\nRUN echo about to fail && exit 3\n",
    );
    const e = (
      await assistant().buildAndPushImageToEcr({ app_name: "broken", app_path: dir, tag: `t${Date.now()}` })
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "container_runtime", command: "podman build" });
    expect(e.message).toContain("STEP 2/2: RUN echo about to fail && exit 3");
    expect((e as { outputTail: string }).outputTail.split("\n").length).toBeLessThanOrEqual(40);
  }, 120_000);
});
