// The deployAppTool declaration (one tool, one file; lib/expressmode/tools/index.ts lists it).
import { defineTool } from "../../defineTool.ts";
import { importLazily } from "../../util/importLazily.ts";
import { DEPLOY_IAM } from "../iamActions.ts";
import { DeployAppOutput } from "../outputs.ts";
import { DeployAppInput } from "../schemas.ts";

/** `deploy_app` (new). */
export const deployAppTool = defineTool({
  name: "deploy_app",
  title: "Deploy an app to ECS Express Mode",
  description: `The whole path in one call: write a Dockerfile if missing → build and push to ECR → validate roles and image → create the cluster if missing (Container Insights optional) → CreateExpressGatewayService (or update it) → wait until ready → the public URL.
Options: cpu, memory, min/max task count, scaling metric and target, health check path, environment, secrets (ARNs), cluster, roles.
Success = the deployment this call started completed and the running revision has the requested image, cpu, memory, port and environment. A rollback is a failure (error kind deployment_failed, outcome rolled_back: the OLD version runs) with stopped-task reasons and a diagnosis; error kind timeout only when the wait ran out of time. A re-run compares with the revision the service actually runs and refuses (kind conflict) while a rollout is in progress.
Progress per step. Re-running after a failure resumes (finished steps are skipped). On failure: the failed step, the error and a diagnosis. Requires policy.allowWrite; dry_run: true returns the full plan without changes.`,
  input: DeployAppInput,
  output: DeployAppOutput,
  access: "write",
  dryRun: true,
  iamActions: DEPLOY_IAM,
  run: (i, ctx) => importLazily(() => import("../deploy/deployApp.ts")).andThen((m) => m.deployApp(i, ctx)),
});
