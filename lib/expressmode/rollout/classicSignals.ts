// What DescribeServices alone says about a rollout: its `deployments` (PRIMARY/ACTIVE, rolloutState) and events.
// Neither the order of `deployments` and `events` nor their createdAt order is documented, so nothing here depends on
// them: events count only when they name a deployment by id. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Deployment.html
import type { Deployment, Service } from "@aws-sdk/client-ecs";
import { FAILURE_TEXT, idsIn, ROLLBACK_TEXT, rollbackTargetIn } from "./patterns.ts";

/** Signals read from one DescribeServices answer. */
export interface ClassicSignals {
  readonly primary?: Deployment;
  /** The PRIMARY deployment is a rollback (its reason says so, or an event rolls back to it). */
  readonly rollback?: string;
  /** The PRIMARY deployment itself failed (FAILED rollout, or a failure event naming it). */
  readonly primaryFailed?: string;
  /** Another (ACTIVE) deployment failed: the rollback shape when the PRIMARY replaced it, or a leftover. */
  readonly otherFailed?: string;
  /** Without rolloutState: a listed deployment failed and an event rolls back to another one. */
  readonly rollbackByEvents?: string;
  /** The PRIMARY failed (by its events) and an event rolls back to another deployment: ECS is reverting it. */
  readonly primaryRollingBack?: string;
  /** Why the rollout is not finished (PRIMARY IN_PROGRESS, or old deployments still active: a canary). */
  readonly inProgress?: string;
  /** The PRIMARY finished: COMPLETED, or without rolloutState alone with every desired task running. */
  readonly complete: boolean;
}

const failureOf = (d: Deployment, s: Service): string | undefined => {
  if (d.rolloutState === "FAILED") return d.rolloutStateReason ?? `deployment ${d.id} FAILED`;
  return s.events?.find((e) => FAILURE_TEXT.test(e.message ?? "") && d.id && idsIn(e.message).includes(d.id))?.message;
};

/** Reads the rollout signals of a service; see the file comment for what is relied on. */
export const classicSignals = (s: Service): ClassicSignals => {
  const all = s.deployments ?? [];
  const primary = all.find((d) => d.status === "PRIMARY");
  const others = all.filter((d) => d !== primary && d.status !== "INACTIVE");
  if (!primary) return { complete: false, inProgress: all.length ? "no PRIMARY deployment yet" : undefined };
  const rollbackEvent = s.events?.find(
    (e) => ROLLBACK_TEXT.test(e.message ?? "") && primary.id && rollbackTargetIn(e.message) === primary.id,
  );
  const rollback = ROLLBACK_TEXT.test(primary.rolloutStateReason ?? "")
    ? primary.rolloutStateReason
    : rollbackEvent?.message;
  const failedOthers = others.filter((d) => failureOf(d, s));
  const otherFailed = failedOthers.map((d) => failureOf(d, s)).find((m) => m);
  const rollbackByEvents = failedOthers.length
    ? s.events?.find((e) => {
        const to = rollbackTargetIn(e.message);
        return to !== undefined && !failedOthers.some((d) => d.id === to);
      })?.message
    : undefined;
  const primaryFailed = failureOf(primary, s);
  const primaryRollingBack = primaryFailed
    ? s.events?.find((e) => {
        const to = rollbackTargetIn(e.message);
        return to !== undefined && to !== primary.id;
      })?.message
    : undefined;
  const running = primary.runningCount ?? s.runningCount ?? 0;
  const desired = primary.desiredCount ?? s.desiredCount ?? 0;
  const inProgress =
    primary.rolloutState === "IN_PROGRESS"
      ? `deployment ${primary.id ?? ""} IN_PROGRESS`.replace("  ", " ")
      : others.length > 0
        ? `${others.length + 1} deployments active (old tasks not yet replaced)`
        : undefined;
  const complete = primary.rolloutState
    ? primary.rolloutState === "COMPLETED"
    : others.length === 0 && running === desired && (primary.pendingCount ?? 0) === 0;
  return {
    primary,
    rollback,
    rollbackByEvents,
    primaryFailed,
    primaryRollingBack,
    otherFailed,
    inProgress,
    complete,
  };
};
