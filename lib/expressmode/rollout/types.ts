// The shapes a rollout judgement works on: one poll's view of a service, and what the caller expects to see running.
import type { ECSExpressGatewayService, Service, ServiceDeployment, ServiceRevision } from "@aws-sdk/client-ecs";
import type { DeploymentOutcome } from "../../errors.ts";

/** What a deploy asked for; the running revision must have each given field (unset = not checked). */
export interface ExpectedConfig {
  readonly image?: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly containerPort?: number;
  readonly environment?: Readonly<Record<string, string>>;
}

/** Which deployment a wait judges: the one a deploy started (ARN or target revision), else the service's current one. */
export interface RolloutTarget {
  /** Service deployment ARN (CreateExpressGatewayService `currentDeployment`, or found by revision). */
  deploymentArn?: string;
  /** Service revision the deploy created (UpdateExpressGatewayService `targetConfiguration.serviceRevisionArn`). */
  readonly revisionArn?: string;
  readonly expected?: ExpectedConfig;
  /**
   * Judge only readiness and the running configuration, not how the current deployment ended: a re-run that found
   * the service already running what it asks for (even after a rollback to exactly that) started nothing to judge.
   */
  readonly settled?: boolean;
  /** The deployment that was current before this call's update: the judged one must be another (a newer) one. */
  readonly after?: { readonly deploymentArn?: string; readonly primaryId?: string };
}

/** One poll: DescribeServices plus, when readable, the service deployment, its revision and the Express view. */
export interface RolloutSnapshot {
  readonly service?: Service;
  readonly deployment?: ServiceDeployment;
  readonly revision?: ServiceRevision;
  readonly express?: ECSExpressGatewayService;
  /** True when the service deployment APIs answered (not denied or unknown to the endpoint). */
  readonly deploymentApi: boolean;
  /** Reads that failed and were left out (e.g. `ecs:DescribeServiceDeployments denied`). */
  readonly notes: readonly string[];
}

/** The judgement of one poll. */
export type RolloutVerdict =
  | { readonly done: false; readonly waiting: string }
  | { readonly done: true; readonly status: "success"; readonly message: string }
  | { readonly done: true; readonly status: "failed"; readonly outcome: DeploymentOutcome; readonly message: string };
