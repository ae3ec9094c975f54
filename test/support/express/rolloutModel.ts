// The state of a fake Express service's rollouts, shaped as AWS documents service deployments and revisions:
// biome-ignore-all lint/suspicious/noExplicitAny: revision configurations are loose JSON echoed from requests.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-deployment.html (states, rollback details),
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRevision.html (ecsManagedResources),
// circuit-breaker rollback: a new PRIMARY deployment of the previous revision whose rolloutStateReason names the
// deployment it rolls back to, the failed one ACTIVE + FAILED, events "deployment failed" / "rolling back".
import { ACCOUNT } from "./fakeExpress.ts";

/** How the next deployment ends. */
export type Outcome =
  | "success"
  | "rollback" // circuit breaker rolls back to the previous revision (ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL)
  | "rollback_as_new" // an endpoint that records the rollback as a new SUCCESSFUL deployment of the old revision
  | "rollback_failed"
  | "fail" // nothing to roll back to: the deployment stops, the PRIMARY is FAILED
  | "hang"; // never finishes

/** One scripted rollout (the next Create/Update uses `scripts.shift()`, else the default). */
export interface RolloutScript {
  readonly outcome: Outcome;
  /** Polls (DescribeServices calls) spent IN_PROGRESS before the outcome; default 2. */
  readonly steps?: number;
  /** Classic `deployments`/`events` with the rollback (PRIMARY) entry first; test both. */
  readonly rollbackFirst?: boolean;
  /** The rollback deployment's createdAt before the failed one's; test both. */
  readonly rollbackCreatedEarlier?: boolean;
  /** Report rolloutState on classic deployments (Express canaries may not). */
  readonly rolloutState?: boolean;
  /** Managed resources PROVISIONING for this many polls, then `resourcesEnd` (default ACTIVE). */
  readonly provisioningPolls?: number;
  readonly resourcesEnd?: "ACTIVE" | "FAILED";
  /** DescribeExpressGatewayService calls before the ingress endpoint appears. */
  readonly endpointAfter?: number;
  /** After the rollout, activeConfigurations still lists this deployment's revision first (order is undocumented). */
  readonly staleConfigs?: boolean;
  /** DescribeServices and DescribeExpressGatewayService name no current deployment (older or compatible endpoints). */
  readonly noCurrentDeployment?: boolean;
  /** UpdateExpressGatewayService answers without targetConfiguration.serviceRevisionArn. */
  readonly updateOmitsRevision?: boolean;
  /**
   * With "hang": after `after` polls the service events already say the deployment failed (and, with `rollingBack`,
   * that ECS rolls back to the previous one), while the deployment APIs still show it IN_PROGRESS and list no
   * rollback deployment (AWS documents no order between them).
   */
  readonly eventsAhead?: { readonly after: number; readonly rollingBack?: boolean };
}

export interface Revision {
  readonly arn: string;
  readonly config: Record<string, any>;
  readonly createdAt: Date;
}

export interface SD {
  readonly arn: string;
  readonly classicId: string;
  readonly target: string;
  readonly source?: string;
  readonly createdAt: Date;
  status: string;
  statusReason?: string;
  rollback?: { reason: string; startedAt: Date; serviceRevisionArn: string };
  polls: number;
  readonly script: RolloutScript;
  rollbackClassicId?: string;
}

/** The mutable world of one service. */
export interface RolloutState {
  readonly cluster: string;
  readonly name: string;
  readonly serviceArn: string;
  exists: boolean;
  revisions: Map<string, Revision>;
  deployments: SD[];
  current?: SD;
  running?: string;
  events: { id: string; createdAt: Date; message: string }[];
  expressCalls: number;
  desired: number;
  seq: number;
}

export const newState = (cluster: string, name: string): RolloutState => ({
  cluster,
  name,
  serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/${cluster}/${name}`,
  exists: false,
  revisions: new Map(),
  deployments: [],
  events: [],
  expressCalls: 0,
  desired: 2,
  seq: 0,
});

const at = (s: RolloutState) => new Date(Date.UTC(2026, 10, 30, 10, 0, s.seq++));

/** Starts a deployment of a new revision with `config`. */
export const startDeployment = (s: RolloutState, config: Record<string, any>, script: RolloutScript): SD => {
  const n = s.revisions.size + 1;
  const rev: Revision = {
    arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service-revision/${s.cluster}/${s.name}/${1000 + n}`,
    config,
    createdAt: at(s),
  };
  s.revisions.set(rev.arn, rev);
  const d: SD = {
    arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service-deployment/${s.cluster}/${s.name}/sd${n}`,
    classicId: `ecs-svc/51692805740938551${String(n).padStart(2, "0")}`,
    target: rev.arn,
    source: s.running,
    createdAt: at(s),
    status: "PENDING",
    polls: 0,
    script,
  };
  s.deployments.push(d);
  s.current = d;
  s.exists = true;
  return d;
};

/** One poll: the current deployment moves on along its script. */
export const advance = (s: RolloutState) => {
  const d = s.current;
  if (!d) return;
  d.polls += 1;
  if (/SUCCESSFUL|FAILED|STOPPED/.test(d.status)) return;
  const steps = d.script.steps ?? 2;
  if (d.polls <= steps || d.script.outcome === "hang") {
    d.status = "IN_PROGRESS";
    const early = d.script.eventsAhead;
    if (early && d.polls === early.after + 1) {
      s.events.unshift({
        id: `ev${s.seq}`,
        createdAt: at(s),
        message: `(service ${s.name}) (deployment ${d.classicId}) deployment failed: tasks failed to start.`,
      });
      if (early.rollingBack)
        s.events.unshift({
          id: `ev${s.seq}`,
          createdAt: at(s),
          message: `(service ${s.name}) rolling back to deployment ${previousClassicId(s, d)}.`,
        });
    }
    return;
  }
  const o = d.script.outcome;
  const failEvent = () =>
    s.events.unshift({
      id: `ev${s.seq}`,
      createdAt: at(s),
      message: `(service ${s.name}) (deployment ${d.classicId}) deployment failed: tasks failed to start.`,
    });
  if (o === "success") {
    d.status = "SUCCESSFUL";
    s.running = d.target;
    s.events.unshift({
      id: `ev${s.seq}`,
      createdAt: at(s),
      message: `(service ${s.name}) has reached a steady state.`,
    });
  } else if (o === "fail") {
    d.status = "STOPPED";
    d.statusReason = "Service deployment failed: the deployment circuit breaker threshold was exceeded.";
    failEvent();
  } else if (d.status === "IN_PROGRESS" && (o === "rollback" || o === "rollback_failed")) {
    d.status = "ROLLBACK_IN_PROGRESS";
    d.rollbackClassicId = `${d.classicId}9`;
    d.rollback = {
      reason: "ECS deployment circuit breaker: tasks failed to start.",
      startedAt: at(s),
      serviceRevisionArn: d.source ?? "",
    };
    failEvent();
    s.events.unshift({
      id: `ev${s.seq}`,
      createdAt: at(s),
      message: `(service ${s.name}) rolling back to deployment ${previousClassicId(s, d)}.`,
    });
  } else if (d.status === "ROLLBACK_IN_PROGRESS") {
    d.status = o === "rollback" ? "ROLLBACK_SUCCESSFUL" : "ROLLBACK_FAILED";
    d.statusReason = `Service deployment rolled back because the circuit breaker threshold was exceeded.`;
    s.running = o === "rollback" ? d.source : undefined;
  } else if (o === "rollback_as_new") {
    failEvent();
    const back = startDeployment(s, s.revisions.get(d.source ?? "")?.config ?? {}, { ...d.script, outcome: "success" });
    s.revisions.delete(back.target);
    (back as { target: string }).target = d.source ?? "";
    back.status = "SUCCESSFUL";
    back.rollbackClassicId = back.classicId;
    s.running = d.source;
  }
};

/** The classic id of the deployment before `d` (what a rollback returns to). */
export const previousClassicId = (s: RolloutState, d: SD) =>
  s.deployments.filter((x) => x !== d && x.target === d.source).pop()?.classicId ?? "ecs-svc/0";
