// The deleteAppTool declaration (one tool, one file; lib/expressmode/tools/index.ts lists it).
import { defineTool } from "../../defineTool.ts";
import { importLazily } from "../../util/importLazily.ts";
import { runLazily } from "../../util/runLazily.ts";
import { DELETE_IAM } from "../iamActions.ts";
import { DeleteAppOutput } from "../outputs.ts";
import { DeleteAppInput } from "../schemas.ts";

/** `delete_app`. */
export const deleteAppTool = defineTool({
  name: "delete_app",
  title: "Delete an Express Mode app",
  description: `Delete an Express Mode deployment: the Express Gateway Service (waits until it has drained), then the ECR stack <app_name>-ecr-infrastructure (repository <app_name>-repo, role <app_name>-ecr-role, KMS key).
Already-deleted resources count as done. A repository that still holds images is kept unless force: true.
Returns service_deletion, ecr_deletion, summary, errors. Destructive: requires policy.allowWrite.`,
  input: DeleteAppInput,
  output: DeleteAppOutput,
  access: "destructive",
  dryRun: true,
  iamActions: DELETE_IAM,
  run: runLazily(() => import("../delete/deleteApp.ts").then((m) => m.deleteApp)),
  // A task's status from AWS: where the service and the ECR stack stand (the deletion runs in the calling process).
  status: (i, ctx) =>
    importLazily(() => import("../delete/checkAppDeletion.ts"))
      .andThen(({ checkAppDeletion }) => checkAppDeletion(i, ctx))
      .map((c) =>
        c.done
          ? { done: true as const, value: c.result }
          : { done: false as const, message: c.message, progress: c.progress, total: 2 },
      ),
});
