// The resumable steps of deploy_app: each one detects whether its work is already done and skips it.

import { existsSync } from "node:fs";
import { join } from "node:path";
import type { CreateExpressGatewayServiceRequest, ExpressGatewayServiceConfiguration } from "@aws-sdk/client-ecs";
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { namesFor } from "../appName.ts";
import { type BuildAndPushResult, buildAndPushImage } from "../build/buildAndPushImage.ts";
import { containerizeApp } from "../containerize/containerizeApp.ts";
import { isMissingStack } from "../stack/waitForStack.ts";
import { type ServiceOptions, serviceNameOf, serviceParams } from "./serviceParams.ts";

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
  const existing = ctx
    .aws("cloudformation", "DescribeStacks", { StackName: names.stack }, { signal: ctx.signal })
    .map((o) => o.Stacks?.[0])
    .orElse((e) => (isMissingStack(e) ? okAsync(undefined) : errAsync(e)))
    .andThen((stack) => {
      const uri = stack?.Outputs?.find((o) => o.OutputKey === "ECRRepositoryURI")?.OutputValue;
      if (!uri || !/_COMPLETE$/.test(stack?.StackStatus ?? "") || /ROLLBACK|DELETE/.test(stack?.StackStatus ?? ""))
        return okAsync(undefined);
      return ctx
        .aws(
          "ecr",
          "DescribeImages",
          { repositoryName: names.repository, imageIds: [{ imageTag: tag }] },
          { signal: ctx.signal },
        )
        .map((o) => {
          const digest = o.imageDetails?.[0]?.imageDigest;
          return digest ? { image: `${uri}:${tag}`, digest } : undefined;
        })
        .orElse(() => okAsync(undefined));
    });
  return existing.andThen((found) =>
    found
      ? okAsync({
          record: { step: "build_and_push", status: "skipped" as const, detail: `${found.image} already in ECR` },
          ...found,
        })
      : buildAndPushImage({ app_name: app, app_path: root, tag }, ctx).map((r) => {
          const b = r as BuildAndPushResult;
          return {
            record: {
              step: "build_and_push",
              status: "done" as const,
              detail: `pushed ${b.full_image_uri} (${b.image_digest})`,
            },
            image: b.full_image_uri,
            digest: b.image_digest,
          };
        }),
  );
};

/** Creates the cluster when missing; applies Container Insights when asked. */
export const clusterStep = (
  ctx: ToolContext,
  cluster: string,
  insights?: boolean,
): ResultAsync<StepRecord, EcsError> => {
  const settings =
    insights === undefined
      ? undefined
      : [{ name: "containerInsights" as const, value: insights ? "enabled" : "disabled" }];
  return ctx
    .aws("ecs", "DescribeClusters", { clusters: [cluster] }, { signal: ctx.signal })
    .andThen((o): ResultAsync<StepRecord, EcsError> => {
      const c = o.clusters?.find((x) => x.status === "ACTIVE");
      if (!c)
        return ctx
          .aws(
            "ecs",
            "CreateCluster",
            { clusterName: cluster, ...(settings ? { settings } : {}) },
            { signal: ctx.signal },
          )
          .map(() => ({ step: "cluster", status: "done", detail: `created cluster ${cluster}` }));
      if (!settings) return okAsync({ step: "cluster", status: "skipped", detail: `cluster ${cluster} exists` });
      return ctx.aws("ecs", "UpdateClusterSettings", { cluster, settings }, { signal: ctx.signal }).map(() => ({
        step: "cluster",
        status: "done",
        detail: `Container Insights ${settings[0]!.value} on ${cluster}`,
      }));
    });
};

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

/** Creates the Express service, or updates it when its image or a requested setting differs; returns the service ARN. */
export const serviceStep = (
  ctx: ToolContext,
  o: ServiceOptions,
  image: string,
  roles: { execution: string; infrastructure: string },
): ResultAsync<{ record: StepRecord; serviceArn: string }, EcsError> => {
  const cluster = o.cluster ?? "default";
  const name = serviceNameOf(o);
  const params = serviceParams(o, image, roles.execution, roles.infrastructure, ctx.express?.container?.platform);
  return ctx
    .aws("ecs", "DescribeServices", { cluster, services: [name] }, { signal: ctx.signal })
    .map((d) => d.services?.find((s) => s.status === "ACTIVE")?.serviceArn)
    .orElse((e) => (e.kind === "aws" && e.code === "ClusterNotFoundException" ? okAsync(undefined) : errAsync(e)))
    .andThen((arn) => {
      if (!arn)
        return ctx.aws("ecs", "CreateExpressGatewayService", params, { signal: ctx.signal }).map((r) => ({
          record: { step: "service", status: "done" as const, detail: `created Express service ${name}` },
          serviceArn: r.service?.serviceArn ?? "",
        }));
      return ctx
        .aws("ecs", "DescribeExpressGatewayService", { serviceArn: arn }, { signal: ctx.signal })
        .andThen((cur) => {
          if (sameConfig(cur.service?.activeConfigurations?.[0], params))
            return okAsync({
              record: { step: "service", status: "skipped" as const, detail: `${name} already runs ${image}` },
              serviceArn: arn,
            });
          const { serviceName: _n, cluster: _c, tags: _t, infrastructureRoleArn: _i, ...update } = params;
          return ctx
            .aws("ecs", "UpdateExpressGatewayService", { serviceArn: arn, ...update }, { signal: ctx.signal })
            .map(() => ({
              record: { step: "service", status: "done" as const, detail: `updated ${name} to ${image}` },
              serviceArn: arn,
            }));
        });
    });
};
