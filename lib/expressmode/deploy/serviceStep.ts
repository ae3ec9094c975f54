// deploy_app's service step: create the Express service, or update it when the revision it actually runs differs
// from the request; never start a second rollout while one is in progress.
import type { CreateExpressGatewayServiceRequest, ExpressGatewayServiceConfiguration } from "@aws-sdk/client-ecs";
import { err, errAsync, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { pollingOf } from "../options.ts";
import { classicSignals } from "../rollout/classicSignals.ts";
import { readRollout } from "../rollout/readRollout.ts";
import { runningConfiguration, runningRevisionArn } from "../rollout/runningConfiguration.ts";
import type { ExpectedConfig, RolloutSnapshot, RolloutTarget } from "../rollout/types.ts";
import { awaitNameFree } from "../service/awaitNameFree.ts";
import { retrySituations } from "../util/retrySituations.ts";
import { writeBudgets } from "../util/writeBudgets.ts";
import type { StepRecord } from "./deploySteps.ts";
import { type ServiceOptions, serviceNameOf, serviceParams } from "./serviceParams.ts";

/** Pairs sorted by name, for an order-insensitive comparison. */
const pairs = (l?: readonly { name?: string; value?: string; valueFrom?: string }[]) =>
  JSON.stringify([...(l ?? [])].map((e) => [e.name, e.value ?? e.valueFrom]).sort());

/** A requested scalar setting differs from one the service reports (unreported = unknown, not a change). */
const differs = (want: unknown, have: unknown) => want !== undefined && have !== undefined && want !== have;

/** The running configuration already has the image and every setting this call asks for (unset = keep). */
const sameConfig = (cur: ExpressGatewayServiceConfiguration | undefined, p: CreateExpressGatewayServiceRequest) => {
  const c = cur?.primaryContainer;
  const want = p.primaryContainer;
  return (
    c?.image === want?.image &&
    !differs(want?.containerPort, c?.containerPort) &&
    (want?.environment === undefined || pairs(c?.environment) === pairs(want.environment)) &&
    (want?.secrets === undefined || pairs(c?.secrets) === pairs(want.secrets)) &&
    !differs(p.cpu, cur?.cpu) &&
    !differs(p.memory, cur?.memory) &&
    !differs(p.healthCheckPath, cur?.healthCheckPath) &&
    !differs(p.cpuArchitecture, cur?.cpuArchitecture ?? "X86_64") &&
    Object.entries(p.scalingTarget ?? {}).every(
      ([k, v]) => !differs(v, cur?.scalingTarget?.[k as keyof typeof cur.scalingTarget]),
    )
  );
};

/** What the wait must find running: the requested image, cpu, memory, port and environment. */
export const expectedOf = (p: CreateExpressGatewayServiceRequest): ExpectedConfig => ({
  image: p.primaryContainer?.image,
  containerPort: p.primaryContainer?.containerPort,
  ...(p.cpu ? { cpu: p.cpu } : {}),
  ...(p.memory ? { memory: p.memory } : {}),
  ...(p.primaryContainer?.environment
    ? { environment: Object.fromEntries(p.primaryContainer.environment.map((e) => [e.name ?? "", e.value ?? ""])) }
    : {}),
});

/** Why the service's current rollout is not finished, if it is not (service deployment API, else DescribeServices). */
const rolloutInProgress = (snap: RolloutSnapshot): string | undefined => {
  const d = snap.deployment;
  if (d && /^(PENDING|IN_PROGRESS|ROLLBACK_REQUESTED|ROLLBACK_IN_PROGRESS|STOP_REQUESTED)$/.test(d.status ?? ""))
    return `deployment ${d.serviceDeploymentArn?.split("/").pop()} is ${d.status}${d.lifecycleStage ? ` (${d.lifecycleStage})` : ""}`;
  if (!d && snap.service) return classicSignals(snap.service).inProgress;
  return undefined;
};

/** The step's result: the record, the service ARN, and which deployment the wait must judge. */
export interface ServiceStepResult {
  readonly record: StepRecord;
  readonly serviceArn: string;
  readonly target: RolloutTarget;
}

/** Creates the Express service, or updates it when the revision it runs differs; see the file comment. */
export const serviceStep = (
  ctx: ToolContext,
  o: ServiceOptions,
  image: string,
  roles: { execution: string; infrastructure: string },
): ResultAsync<ServiceStepResult, EcsError> => {
  const cluster = o.cluster;
  const name = serviceNameOf(o);
  const params = serviceParams(o, image, roles.execution, roles.infrastructure, ctx.express?.container?.platform);
  const expected = expectedOf(params);
  return safeTry(async function* () {
    const snap = yield* readRollout(ctx, cluster, name, {}).orElse((e) =>
      e.kind === "aws" && e.code === "ClusterNotFoundException"
        ? okAsync<RolloutSnapshot, EcsError>({ deploymentApi: false, notes: [] })
        : errAsync(e),
    );
    const arn = snap.service?.status === "ACTIVE" ? snap.service.serviceArn : undefined;
    // A just-deleted same-name service must reach INACTIVE first (shared case 15); IAM may still be propagating the
    // roles or the service-linked role: both are waited out within their budgets, with progress.
    const polling = pollingOf(ctx.express);
    const budgets = {
      ...writeBudgets(ctx),
      service_draining: { timeoutMs: polling.drainTimeoutMs, intervalMs: polling.serviceIntervalMs },
    };
    if (!arn) {
      if (snap.service?.status === "DRAINING") yield* awaitNameFree(ctx, cluster, name);
      const r = yield* retrySituations(ctx, `Creating ${name}`, budgets, () =>
        ctx.aws("ecs", "CreateExpressGatewayService", params),
      );
      return ok({
        record: { step: "service", status: "done" as const, detail: `created Express service ${name}` },
        serviceArn: r.service?.serviceArn ?? "",
        target: {
          deploymentArn: r.service?.currentDeployment,
          revisionArn: r.service?.activeConfigurations?.[0]?.serviceRevisionArn,
          expected,
        },
      });
    }
    const busy = rolloutInProgress(snap);
    if (busy)
      return err(
        ecsError("conflict", {
          resource: arn,
          message: `A rollout of ${name} is in progress (${busy}); not starting another one.`,
          hint: `Call wait_for_service_ready(cluster="${cluster}", service_name="${name}") until it finishes, then run deploy_app again.`,
        }),
      );
    const current = snap.service?.currentServiceRevisions;
    const revision = runningRevisionArn(snap.deployment) ?? (current?.length === 1 ? current[0]?.arn : undefined);
    if (sameConfig(runningConfiguration(snap.express, revision), params))
      return ok({
        record: { step: "service", status: "skipped" as const, detail: `${name} already runs ${image}` },
        serviceArn: arn,
        target: { expected, settled: true },
      });
    const { serviceName: _n, cluster: _c, tags: _t, infrastructureRoleArn: _i, ...update } = params;
    const r = yield* retrySituations(ctx, `Updating ${name}`, writeBudgets(ctx), () =>
      ctx.aws("ecs", "UpdateExpressGatewayService", { serviceArn: arn, ...update }),
    );
    return ok({
      record: { step: "service", status: "done" as const, detail: `updated ${name} to ${image}` },
      serviceArn: arn,
      target: {
        revisionArn: r.service?.targetConfiguration?.serviceRevisionArn,
        expected,
        after: {
          deploymentArn: snap.deployment?.serviceDeploymentArn ?? snap.service?.currentServiceDeployment,
          primaryId: snap.service?.deployments?.find((x) => x.status === "PRIMARY")?.id,
        },
      },
    });
  });
};
