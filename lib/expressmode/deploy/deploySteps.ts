// The resumable steps of deploy_app: each one detects whether its work is already done and skips it.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { errAsync, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { namesFor } from "../appName.ts";
import { type BuildAndPushResult, buildAndPushImage } from "../build/buildAndPushImage.ts";
import { containerizeApp } from "../containerize/containerizeApp.ts";
import { ensureServiceLinkedRole } from "../prereq/ensureServiceLinkedRole.ts";
import { isMissingStack } from "../stack/waitForStack.ts";
import { retrySituations } from "../util/retrySituations.ts";
import { writeBudgets } from "../util/writeBudgets.ts";

/** One step's outcome in deploy_app's report. */
export interface StepRecord {
  readonly step: string;
  readonly status: "done" | "skipped";
  readonly detail: string;
}

/** Writes the proposed Dockerfile when the project has none. */
export const containerizeStep = (ctx: ToolContext, root: string, port: number): ResultAsync<StepRecord, EcsError> =>
  existsSync(join(root, "Dockerfile"))
    ? okAsync({ step: "containerize", status: "skipped", detail: "Dockerfile exists" })
    : containerizeApp({ app_path: root, port, write: true }, ctx).map((r) => ({
        step: "containerize",
        status: "done",
        detail: `wrote ${(r.written as string[]).join(", ")}`,
      }));

/** Builds and pushes unless the stack exists and already holds this tag (a re-run after a later failure). */
export const imageStep = (
  ctx: ToolContext,
  app: string,
  root: string,
  tag: string,
): ResultAsync<{ record: StepRecord; image: string; digest: string }, EcsError> => {
  const names = namesFor(app);
  return safeTry(async function* () {
    const stack = yield* ctx
      .aws("cloudformation", "DescribeStacks", { StackName: names.stack })
      .map((o) => o.Stacks?.[0])
      .orElse((e) => (isMissingStack(e) ? okAsync(undefined) : errAsync(e)));
    const uri = stack?.Outputs?.find((o) => o.OutputKey === "ECRRepositoryURI")?.OutputValue;
    const usable =
      uri && /_COMPLETE$/.test(stack?.StackStatus ?? "") && !/ROLLBACK|DELETE/.test(stack?.StackStatus ?? "");
    const found = usable
      ? yield* ctx
          .aws("ecr", "DescribeImages", { repositoryName: names.repository, imageIds: [{ imageTag: tag }] })
          .map((o) => {
            const digest = o.imageDetails?.[0]?.imageDigest;
            return digest ? { image: `${uri}:${tag}`, digest } : undefined;
          })
          .orElse(() => okAsync(undefined))
      : undefined;
    if (found)
      return ok({
        record: { step: "build_and_push", status: "skipped" as const, detail: `${found.image} already in ECR` },
        ...found,
      });
    const b = (yield* buildAndPushImage({ app_name: app, app_path: root, tag }, ctx)) as BuildAndPushResult;
    return ok({
      record: {
        step: "build_and_push",
        status: "done" as const,
        detail: `pushed ${b.full_image_uri} (${b.image_digest})`,
      },
      image: b.full_image_uri,
      digest: b.image_digest,
    });
  });
};

/**
 * Makes sure the ECS service-linked role exists (created on an account's first deployment), then creates the
 * cluster when missing (retried while IAM propagates that role) and applies Container Insights when asked.
 */
export const clusterStep = (ctx: ToolContext, cluster: string, insights?: boolean): ResultAsync<StepRecord, EcsError> =>
  ensureServiceLinkedRole(ctx).andThen((slr) =>
    clusterOnly(ctx, cluster, insights).map((r) =>
      slr === "created"
        ? { ...r, status: "done" as const, detail: `created the ECS service-linked role; ${r.detail}` }
        : r,
    ),
  );

const clusterOnly = (ctx: ToolContext, cluster: string, insights?: boolean): ResultAsync<StepRecord, EcsError> => {
  const settings =
    insights === undefined
      ? undefined
      : [{ name: "containerInsights" as const, value: insights ? "enabled" : "disabled" }];
  return ctx.aws("ecs", "DescribeClusters", { clusters: [cluster] }).andThen((o): ResultAsync<StepRecord, EcsError> => {
    const c = o.clusters?.find((x) => x.status === "ACTIVE");
    if (!c)
      return retrySituations(ctx, `Creating cluster ${cluster}`, writeBudgets(ctx), () =>
        ctx.aws("ecs", "CreateCluster", { clusterName: cluster, ...(settings ? { settings } : {}) }),
      ).map(() => ({ step: "cluster", status: "done", detail: `created cluster ${cluster}` }));
    if (!settings) return okAsync({ step: "cluster", status: "skipped", detail: `cluster ${cluster} exists` });
    return ctx.aws("ecs", "UpdateClusterSettings", { cluster, settings }).map(() => ({
      step: "cluster",
      status: "done",
      detail: `Container Insights ${settings[0]!.value} on ${cluster}`,
    }));
  });
};
