// An account ready for deploy_app over the fake: ECR stack and images, valid roles, an ACTIVE cluster, a fixture app.
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeAws } from "../fakeAws.ts";
import { fakeStack, goodRoles } from "./fakeExpress.ts";

/** Stack `shop-ecr-infrastructure` complete, every tag in ECR, default roles valid, cluster `web` ACTIVE. */
export const deployWorld = (fake: FakeAws) => {
  fakeStack(fake, "shop", { initial: "CREATE_COMPLETE" });
  goodRoles(fake);
  fake.on("ecr", "DescribeImages", { imageDetails: [{ imageDigest: `sha256:${"a".repeat(64)}` }] });
  fake.on("ecs", "DescribeClusters", { clusters: [{ clusterName: "web", status: "ACTIVE" }] });
};

/** A copy of the node-http fixture with a Dockerfile (so containerize is skipped). */
export const shopApp = (): string => {
  const dir = join(mkdtempSync(join(tmpdir(), "deploy-rollout-")), "shop");
  cpSync(join(import.meta.dir, "../../fixtures/apps/node-http"), dir, { recursive: true });
  writeFileSync(join(dir, "Dockerfile"), 'FROM public.ecr.aws/docker/library/node:20-slim\nCMD ["node","index.js"]\n');
  return dir;
};
