// containerize_app on a monorepo: the root lists the apps; one app is containerized from the workspace root.
import { expect, test } from "bun:test";
import { join } from "node:path";
import { createEcsAssistant } from "../../index.ts";

const REPO = join(import.meta.dir, "../../../test/fixtures/apps/mono-pnpm-two-apps");
const call = async (app_path: string) =>
  (await createEcsAssistant().callTool("containerize_app", { app_path, port: 3000 }))._unsafeUnwrap().value as {
    detection: { candidates?: string[]; app_dir?: string };
    dockerfile?: { content: string };
    build_context?: string;
    warnings: string[];
    guidance: { next_steps: { steps: string[] }; dockerfile_guidance: { description: string } };
  };

test("at the root of a monorepo with two apps: no Dockerfile, the candidates are listed", async () => {
  const r = await call(REPO);
  expect(r.dockerfile).toBeUndefined();
  expect(r.detection.candidates).toEqual(["apps/admin", "apps/storefront"]);
  expect(r.warnings.join("\n")).toContain("call again with app_path at one of them");
  // Nothing claims what was not looked at or not produced: no health-route verdict, no "proposed Dockerfile".
  expect(r.warnings.join("\n")).not.toContain("No health route");
  expect(r.guidance.next_steps.steps[0]).toContain("No Dockerfile was proposed");
  expect(JSON.stringify(r.guidance)).not.toContain("Review the proposed Dockerfile");
  expect(r.guidance.dockerfile_guidance.description).not.toContain("Use the proposed Dockerfile");
});

test("at one app: built from the workspace root with the root lockfile, the line names the context", async () => {
  const r = await call(join(REPO, "apps/storefront"));
  expect(r.build_context).toBe(REPO);
  expect(r.detection.app_dir).toBe("apps/storefront");
  expect(r.dockerfile!.content).toContain("# build-context: ../..\n");
  expect(r.dockerfile!.content).toContain("COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./");
  expect(r.dockerfile!.content).toContain('pnpm install --frozen-lockfile --prod --offline --filter "storefront..."');
  expect(r.dockerfile!.content).not.toContain("COPY apps/admin/package.json"); // the other app is not installed
});
