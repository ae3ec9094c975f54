// The waitForServiceReadyTool declaration (one tool, one file; lib/expressmode/tools/index.ts lists it).
import { defineTool } from "../../defineTool.ts";
import { importLazily } from "../../util/importLazily.ts";
import { runLazily } from "../../util/runLazily.ts";
import { WAIT_IAM } from "../iamActions.ts";
import { pollingOf } from "../options.ts";
import { WaitForServiceReadyOutput } from "../outputs.ts";
import { WaitForServiceReadyInput } from "../schemas.ts";

/** `wait_for_service_ready`. */
export const waitForServiceReadyTool = defineTool({
  name: "wait_for_service_ready",
  title: "Wait for a service to be ready",
  description: `Poll an ECS service until its current deployment finished or timeout_seconds (default 300, max 3600) passes. Ready = the service deployment completed (not just running == desired: canaries keep old tasks running), the load balancer/target group/certificate ECS manages are provisioned, and every desired task runs. A circuit-breaker or alarm rollback is a failure, also when it already finished and the service is stable on the old revision. Sends a progress notification each poll.
Returns status (success/timeout/failed), message, outcome on failure (rolled_back, rollback_failed, stopped, failed, resources_failed, service_gone), the deployment's status and reason, counts, the public URL for Express services, on timeout what it was still waiting for, and on failure the last service events and stopped-task reasons.`,
  input: WaitForServiceReadyInput,
  output: WaitForServiceReadyOutput,
  access: "read",
  iamActions: WAIT_IAM,
  run: runLazily(() => import("../service/waitForServiceReady.ts").then((m) => m.waitForServiceReady)),
  // A task's status from AWS: one poll judged as the wait judges it, timed from when the wait began.
  status: (i, ctx, startedAt) =>
    importLazily(() => import("../service/checkServiceReady.ts"))
      .andThen(({ checkServiceReady, freshWaitState }) =>
        checkServiceReady(i, ctx, {}, freshWaitState(startedAt, pollingOf(ctx.express).serviceIntervalMs)),
      )
      .map((c) => (c.done ? { done: true as const, value: c.result } : { done: false as const, ...c.progress })),
});
