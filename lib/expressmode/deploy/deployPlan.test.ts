// deploy_app's dry run shows what a real run does: for an app inside a monorepo, the Dockerfile containerize_app
// would write (with its build-context line) and a build from the workspace root with -f, as build_and_push runs it.
// biome-ignore-all lint/suspicious/noExplicitAny: tool results are read as loose JSON in assertions.
import { expect, test } from "bun:test";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEcsAssistant } from "../../index.ts";

const REPO = join(import.meta.dir, "../../../test/fixtures/apps/mono-pnpm-two-apps");

const buildCommand = (plan: { plan: { step: string; command?: string[] }[] }) =>
  plan.plan.find((s) => s.step === "build")?.command ?? [];

test("a monorepo app's dry run: the proposed Dockerfile names its build context and the build runs from the root", async () => {
  const repo = join(mkdtempSync(join(tmpdir(), "deploy-plan-")), "repo");
  cpSync(REPO, repo, { recursive: true });
  const app = join(repo, "apps/storefront");
  const r = (
    await createEcsAssistant().callTool("deploy_app", { app_name: "shop", app_path: app, port: 3000, dry_run: true })
  )._unsafeUnwrap().value as { steps: Record<string, any>[] };
  const containerize = r.steps.find((s) => s.step === "containerize")!;
  expect(containerize.dockerfile).toContain("# build-context: ../..\n");
  expect(buildCommand(r.steps.find((s) => s.step === "build_and_push") as never).slice(-3)).toEqual([
    "-f",
    "apps/storefront/Dockerfile",
    repo,
  ]);

  // The same through build_and_push_image_to_ecr's own dry run once that Dockerfile is written.
  writeFileSync(join(app, "Dockerfile"), containerize.dockerfile);
  const b = (
    await createEcsAssistant().callTool("build_and_push_image_to_ecr", {
      app_name: "shop",
      app_path: app,
      dry_run: true,
    })
  )._unsafeUnwrap().value as never;
  expect(buildCommand(b).slice(-3)).toEqual(["-f", "apps/storefront/Dockerfile", repo]);
});
