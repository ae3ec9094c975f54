// Reads one poll of a rollout: DescribeServices, the judged service deployment, its revision, the Express view.
// The service deployment APIs are read as documented in
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-deployment.html; when an endpoint or policy does
// not allow them, the snapshot says so and the judgement falls back to DescribeServices.
import type { ServiceDeployment, ServiceRevision } from "@aws-sdk/client-ecs";
import { errAsync, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, isTransient } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import type { RolloutSnapshot, RolloutTarget } from "./types.ts";

/** Service deployment states of a deployment still under way (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-deployment.html). */
const UNFINISHED = ["PENDING", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "STOP_REQUESTED"] as const;

/** Optional reads: a transient fault fails the poll (it is retried); a refusal becomes a note. */
const optional = <T>(r: ResultAsync<T, EcsError>, notes: string[], what: string) =>
  r
    .map((v): T | undefined => v)
    .orElse((e) => {
      if (isTransient(e)) return errAsync(e);
      notes.push(`${what}: ${e.kind === "aws" ? e.code : e.kind}`);
      return okAsync(undefined);
    });

/** One snapshot; `target.deploymentArn` is filled in once the deployment of `target.revisionArn` is found. */
export const readRollout = (
  ctx: ToolContext,
  cluster: string,
  serviceName: string,
  target: RolloutTarget,
): ResultAsync<RolloutSnapshot, EcsError> =>
  safeTry(async function* () {
    const notes: string[] = [];
    const described = yield* ctx.aws("ecs", "DescribeServices", { cluster, services: [serviceName] });
    const service = described.services?.[0];
    if (!service?.serviceArn) return okAsync({ service, deploymentApi: false, notes });
    const express = (yield* ctx
      .aws("ecs", "DescribeExpressGatewayService", { serviceArn: service.serviceArn })
      .map((o) => o.service)
      .orElse((e) => (isTransient(e) ? errAsync(e) : okAsync(undefined)))) as RolloutSnapshot["express"];
    let api = true;
    if (!target.deploymentArn && target.revisionArn) {
      const list = yield* optional(
        ctx.aws("ecs", "ListServiceDeployments", { cluster, service: serviceName }),
        notes,
        "ecs:ListServiceDeployments",
      );
      if (!list) api = false;
      target.deploymentArn = list?.serviceDeployments?.find(
        (b) => b.targetServiceRevisionArn === target.revisionArn,
      )?.serviceDeploymentArn;
    }
    let arn = target.deploymentArn ?? (target.revisionArn ? undefined : current(service, express));
    if (!arn && !target.revisionArn) {
      // No current deployment named: an unfinished one, if any, is the one to judge (the list's order is not relied on).
      const list = yield* optional(
        ctx.aws("ecs", "ListServiceDeployments", { cluster, service: serviceName, status: [...UNFINISHED] }),
        notes,
        "ecs:ListServiceDeployments",
      );
      arn = list?.serviceDeployments?.find((b) => UNFINISHED.includes(b.status as never))?.serviceDeploymentArn;
    }
    let deployment: ServiceDeployment | undefined;
    if (arn && api) {
      const out = yield* optional(
        ctx.aws("ecs", "DescribeServiceDeployments", { serviceDeploymentArns: [arn] }),
        notes,
        "ecs:DescribeServiceDeployments",
      );
      if (!out) api = false;
      deployment = out?.serviceDeployments?.find((x) => x.serviceDeploymentArn === arn) ?? out?.serviceDeployments?.[0];
    } else if (!target.revisionArn) api = false;
    const revisionArn = deployment?.targetServiceRevision?.arn ?? target.revisionArn;
    let revision: ServiceRevision | undefined;
    if (revisionArn && api) {
      const out = yield* optional(
        ctx.aws("ecs", "DescribeServiceRevisions", { serviceRevisionArns: [revisionArn] }),
        notes,
        "ecs:DescribeServiceRevisions",
      );
      revision = out?.serviceRevisions?.[0];
    }
    return okAsync({ service, deployment, revision, express, deploymentApi: api, notes });
  });

/** The service's current deployment ARN (DescribeServices, else the Express view). */
const current = (s: { currentServiceDeployment?: string }, e: { currentDeployment?: string } | undefined) =>
  s.currentServiceDeployment ?? e?.currentDeployment;
