// ListExpressGatewayServices, which the AWS API lacks: ECS-managed (Express Mode) services of one or all clusters.
import { ok, okAsync, ResultAsync, safeTry } from "neverthrow";
import * as v from "valibot";
import type { EcsError } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { compactObject } from "../util/compact.ts";
import { collectPages } from "./collectPages.ts";

type Out = Record<string, unknown>;

/** api_params of ListExpressGatewayServices (camelCase like the AWS operations). */
export const ListExpressGatewayServicesParams = v.strictObject({
  cluster: v.optional(v.pipe(v.string(), v.minLength(1))),
  includeDetails: v.optional(v.boolean(), true),
});
export type ListExpressGatewayServicesParams = v.InferOutput<typeof ListExpressGatewayServicesParams>;

const LIST = { inputToken: "nextToken", outputToken: "nextToken", limitKey: "maxResults", maxPageSize: 100 };
/** DescribeServices accepts at most 10 services per call. */
const DESCRIBE_BATCH = 10;

const chunks = <T>(xs: readonly T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Lists services whose `resourceManagementType` is `ECS` (Express Mode) in `cluster`, or in every cluster, bounded by
 * `maxItems`: ListClusters → ListServices (filtered by resourceManagementType) → DescribeServices in batches of 10 →
 * DescribeExpressGatewayService for each (unless includeDetails is false). Independent calls run in parallel.
 */
export const listExpressGatewayServices = (
  params: ListExpressGatewayServicesParams,
  maxItems: number,
  ctx: ToolContext,
): ResultAsync<Out, EcsError> =>
  safeTry(async function* () {
    const ecs = ecsOf(ctx);
    const { items, truncated: moreClusters } = params.cluster
      ? { items: [params.cluster], truncated: false }
      : yield* collectPages({ ...LIST, items: "clusterArns" }, {}, 1000, (p) => ecs("ListClusters", p));
    const names = items as string[];
    const found = yield* ResultAsync.combine(names.map((cluster) => servicesIn(ecs, cluster, maxItems)));
    const all = found.flatMap((f) => f.services).filter((s) => s.resourceManagementType === "ECS");
    const kept = all.slice(0, maxItems);
    const truncated = all.length > maxItems || found.some((f) => f.truncated) || moreClusters;
    const services = yield* ResultAsync.combine(
      kept.map((s) =>
        params.includeDetails
          ? ecs("DescribeExpressGatewayService", { serviceArn: s.serviceArn })
              .map((d) => ({ ...summary(s), express: compactObject(d.service) }))
              .orElse((e) => okAsync({ ...summary(s), express_error: e.message }))
          : okAsync(summary(s)),
      ),
    );
    return ok({
      services,
      clusters_scanned: names.length,
      ...(truncated
        ? {
            truncated: true,
            continue_with: `More Express Mode services exist than max_items (${maxItems}): raise max_items or pass api_params.cluster to narrow the search.`,
          }
        : {}),
    });
  });

type Ecs = (op: string, input: Out) => ResultAsync<Out, EcsError>;

/** The ECS operations of this listing, loosely typed: their inputs and outputs are passed through as data. */
const ecsOf =
  (ctx: ToolContext): Ecs =>
  (op, input) =>
    ctx.aws("ecs", op as "ListServices", input as never) as unknown as ResultAsync<Out, EcsError>;

/** Services of one cluster whose resourceManagementType is ECS, described in batches of 10. */
const servicesIn = (
  ecs: Ecs,
  cluster: string,
  maxItems: number,
): ResultAsync<{ services: Out[]; truncated: boolean }, EcsError> =>
  safeTry(async function* () {
    const { items, truncated } = yield* collectPages(
      { ...LIST, items: "serviceArns" },
      { cluster, resourceManagementType: "ECS" },
      maxItems,
      (p) => ecs("ListServices", p),
    );
    const described = yield* ResultAsync.combine(
      chunks(items as string[], DESCRIBE_BATCH).map((services) => ecs("DescribeServices", { cluster, services })),
    );
    return ok({ services: described.flatMap((o) => (o.services as Out[] | undefined) ?? []), truncated });
  });

const summary = (s: Out): Out =>
  compactObject({
    serviceName: s.serviceName,
    serviceArn: s.serviceArn,
    clusterArn: s.clusterArn,
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: s.runningCount,
    pendingCount: s.pendingCount,
    createdAt: s.createdAt,
  });
