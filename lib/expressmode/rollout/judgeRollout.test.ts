// The rollout verdict of one snapshot: rollbacks fail in every order, canaries are never ready early, the running
// revision must be the one asked for.
import { describe, expect, test } from "bun:test";
import type { Deployment, Service, ServiceDeployment } from "@aws-sdk/client-ecs";
import { judgeRollout } from "./judgeRollout.ts";
import type { RolloutSnapshot } from "./types.ts";

const REV_OLD = "arn:aws:ecs:us-east-1:123456789012:service-revision/default/shop/1";
const REV_NEW = "arn:aws:ecs:us-east-1:123456789012:service-revision/default/shop/2";
const t0 = new Date("2026-11-30T10:00:00Z");
const t1 = new Date("2026-11-30T10:05:00Z");

const svc = (deployments: Deployment[], extra: Partial<Service> = {}): Service => ({
  serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/default/shop",
  status: "ACTIVE",
  desiredCount: 2,
  runningCount: 2,
  pendingCount: 0,
  deployments,
  events: [],
  ...extra,
});
const snap = (service: Service, deployment?: ServiceDeployment, more: Partial<RolloutSnapshot> = {}) =>
  ({ service, deployment, deploymentApi: deployment !== undefined, notes: [], ...more }) as RolloutSnapshot;
const sd = (status: string, extra: Partial<ServiceDeployment> = {}): ServiceDeployment =>
  ({ serviceDeploymentArn: "sd/2", status, targetServiceRevision: { arn: REV_NEW }, ...extra }) as ServiceDeployment;

/** The documented circuit-breaker rollback shape: new PRIMARY of the old revision, failed one ACTIVE + FAILED. */
const rollbackShape = (rollbackFirst: boolean, rollbackCreatedLater: boolean): Service => {
  const rollback: Deployment = {
    id: "ecs-svc/1111",
    status: "PRIMARY",
    rolloutState: "IN_PROGRESS",
    rolloutStateReason: "ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1111.",
    createdAt: rollbackCreatedLater ? t1 : t0,
  };
  const failed: Deployment = {
    id: "ecs-svc/2222",
    status: "ACTIVE",
    rolloutState: "FAILED",
    rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.",
    createdAt: rollbackCreatedLater ? t0 : t1,
  };
  const events = [
    {
      id: "e1",
      createdAt: t1,
      message: "(service shop) (deployment ecs-svc/2222) deployment failed: tasks failed to start.",
    },
    { id: "e2", createdAt: t1, message: "(service shop) rolling back to deployment ecs-svc/1111." },
  ];
  return svc(rollbackFirst ? [rollback, failed] : [failed, rollback], {
    events: rollbackFirst ? events.reverse() : events,
  });
};

describe("rollbacks are failures", () => {
  for (const rollbackFirst of [true, false])
    for (const later of [true, false])
      test(`DescribeServices only: deployments ${rollbackFirst ? "rollback first" : "failed first"}, rollback created ${later ? "after" : "before"}`, () => {
        expect(judgeRollout(snap(rollbackShape(rollbackFirst, later)), {})).toMatchObject({
          status: "failed",
          outcome: "rolled_back",
        });
      });

  test("finished rollback: only the PRIMARY of the old revision is left, COMPLETED, all tasks running", () => {
    const s = svc([
      {
        id: "ecs-svc/1111",
        status: "PRIMARY",
        rolloutState: "COMPLETED",
        rolloutStateReason: "ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1111.",
      },
    ]);
    expect(judgeRollout(snap(s), {})).toMatchObject({ outcome: "rolled_back" });
  });

  test("without rolloutState, an event rolling back to the PRIMARY's id is enough", () => {
    const s = svc([{ id: "ecs-svc/1111", status: "PRIMARY" }], {
      events: [{ message: "(service shop) rolling back to deployment ecs-svc/1111." }],
    });
    expect(judgeRollout(snap(s), {})).toMatchObject({ outcome: "rolled_back" });
  });

  test("service deployment API: ROLLBACK_SUCCESSFUL with a healthy, stable service", () => {
    const d = sd("ROLLBACK_SUCCESSFUL", {
      statusReason: "Service deployment rolled back because the circuit breaker threshold was exceeded.",
      rollback: { reason: "circuit breaker", startedAt: t1, serviceRevisionArn: REV_OLD },
    });
    const v = judgeRollout(snap(svc([{ id: "ecs-svc/1111", status: "PRIMARY" }]), d), {});
    expect(v).toMatchObject({ status: "failed", outcome: "rolled_back" });
    expect((v as { message: string }).message).toContain("circuit breaker");
    const alarm = judgeRollout(
      snap(svc([]), sd("ROLLBACK_IN_PROGRESS", { alarms: { status: "TRIGGERED", triggeredAlarmNames: ["shop-5xx"] } })),
      {},
    );
    expect(alarm).toMatchObject({ outcome: "rolled_back" });
    expect((alarm as { message: string }).message).toContain("alarms in ALARM: shop-5xx");
    expect(judgeRollout(snap(svc([]), sd("ROLLBACK_FAILED")), {})).toMatchObject({ outcome: "rollback_failed" });
    expect(judgeRollout(snap(svc([]), sd("STOPPED")), {})).toMatchObject({ outcome: "stopped" });
  });

  test("a rollback reported as a new SUCCESSFUL deployment is still a rollback", () => {
    const s = rollbackShape(true, true);
    s.deployments = s.deployments
      ?.filter((d) => d.status === "PRIMARY")
      .map((d) => ({ ...d, rolloutState: "COMPLETED" }));
    expect(judgeRollout(snap(s, sd("SUCCESSFUL", { targetServiceRevision: { arn: REV_OLD } })), {})).toMatchObject({
      outcome: "rolled_back",
    });
  });

  test("a failure event of a deployment no longer listed does not fail the current one", () => {
    const s = svc([{ id: "ecs-svc/3333", status: "PRIMARY", rolloutState: "COMPLETED" }], {
      events: [{ message: "(service shop) (deployment ecs-svc/2222) deployment failed: tasks failed to start." }],
    });
    expect(judgeRollout(snap(s), {})).toMatchObject({ status: "success" });
  });

  test("the PRIMARY itself failed (first deployment, nothing to roll back to)", () => {
    const s = svc(
      [{ id: "ecs-svc/1", status: "PRIMARY", rolloutState: "FAILED", rolloutStateReason: "tasks failed to start" }],
      { runningCount: 0 },
    );
    expect(judgeRollout(snap(s), {})).toMatchObject({ outcome: "failed" });
  });
});

describe("readiness without rolloutState", () => {
  test("a canary (old and new deployment, no rolloutState) is not ready although running == desired", () => {
    const s = svc([
      { id: "ecs-svc/2", status: "PRIMARY" },
      { id: "ecs-svc/1", status: "ACTIVE" },
    ]);
    expect(judgeRollout(snap(s), {}).done).toBe(false);
    expect(judgeRollout(snap(svc([{ id: "ecs-svc/2", status: "PRIMARY" }])), {})).toMatchObject({ status: "success" });
  });

  test("service deployment IN_PROGRESS / PENDING: never ready", () => {
    const s = svc([{ id: "ecs-svc/2", status: "PRIMARY", rolloutState: "COMPLETED" }]);
    expect(judgeRollout(snap(s, sd("IN_PROGRESS", { lifecycleStage: "BAKE_TIME" })), {})).toEqual({
      done: false,
      waiting: "deployment IN_PROGRESS (BAKE_TIME)",
    });
    expect(judgeRollout(snap(s, sd("PENDING")), {}).done).toBe(false);
  });

  test("events ahead of the deployment APIs: a failure naming the PRIMARY fails it although the API says IN_PROGRESS", () => {
    const failedEvent = {
      id: "e1",
      createdAt: t1,
      message: "(service shop) (deployment ecs-svc/2) deployment failed: tasks failed to start.",
    };
    const back = { id: "e2", createdAt: t1, message: "(service shop) rolling back to deployment ecs-svc/1." };
    const primary: Deployment = { id: "ecs-svc/2", status: "PRIMARY", rolloutState: "IN_PROGRESS" };
    const rolling = judgeRollout(snap(svc([primary], { events: [back, failedEvent] }), sd("IN_PROGRESS")), {});
    expect(rolling).toMatchObject({ done: true, status: "failed", outcome: "rolled_back" });
    const stuck = judgeRollout(snap(svc([primary], { events: [failedEvent] }), sd("IN_PROGRESS")), {});
    expect(stuck).toMatchObject({ done: true, status: "failed", outcome: "failed" });
    // A failure event of another (earlier) deployment does not fail the one in progress.
    const other = { ...failedEvent, message: failedEvent.message.replace("ecs-svc/2", "ecs-svc/0") };
    expect(judgeRollout(snap(svc([primary], { events: [other] }), sd("IN_PROGRESS")), {}).done).toBe(false);
  });

  test("managed resources provisioning → wait; failed → resources_failed", () => {
    const s = svc([{ id: "ecs-svc/2", status: "PRIMARY" }]);
    const lb = (status: string) => ({
      ecsManagedResources: {
        ingressPaths: [
          {
            accessType: "PUBLIC",
            endpoint: "shop.ecs.us-east-1.on.aws",
            loadBalancer: { status: "ACTIVE", updatedAt: t1, scheme: "internet-facing" },
            certificate: {
              status,
              statusReason: status === "FAILED" ? "CAA record forbids Amazon" : undefined,
              updatedAt: t1,
              domainName: "shop.ecs.us-east-1.on.aws",
            },
          },
        ],
      },
    });
    const prov = judgeRollout(snap(s, sd("SUCCESSFUL"), { revision: lb("PROVISIONING") as never }), {});
    expect(prov).toEqual({ done: false, waiting: "provisioning certificate" });
    const failed = judgeRollout(snap(s, sd("SUCCESSFUL"), { revision: lb("FAILED") as never }), {});
    expect(failed).toMatchObject({ outcome: "resources_failed" });
    expect((failed as { message: string }).message).toContain("CAA record");
  });

  test("running < desired keeps waiting even when the deployment says SUCCESSFUL", () => {
    const s = svc([{ id: "ecs-svc/2", status: "PRIMARY" }], { runningCount: 1 });
    expect(judgeRollout(snap(s, sd("SUCCESSFUL")), {})).toEqual({ done: false, waiting: "1/2 tasks running" });
  });
});

describe("the running revision is the one asked for", () => {
  const cfg = (arn: string, image: string) => ({
    serviceRevisionArn: arn,
    cpu: "512",
    memory: "1024",
    primaryContainer: { image, containerPort: 8080, environment: [{ name: "MODE", value: "a" }] },
  });
  const want = { image: "repo:v2", cpu: "512", memory: "1024", containerPort: 8080, environment: { MODE: "a" } };
  for (const order of ["new first", "old first"])
    test(`activeConfigurations ${order}: the configuration of the deployment's revision is compared`, () => {
      const configs = [cfg(REV_NEW, "repo:v2"), cfg(REV_OLD, "repo:v1")];
      const express = { activeConfigurations: order === "new first" ? configs : configs.reverse() };
      const s = svc([{ id: "ecs-svc/2", status: "PRIMARY" }]);
      expect(judgeRollout(snap(s, sd("SUCCESSFUL"), { express }), { expected: want })).toMatchObject({
        status: "success",
      });
      const old = sd("SUCCESSFUL", { targetServiceRevision: { arn: REV_OLD } });
      expect(judgeRollout(snap(s, old, { express }), { expected: want })).toMatchObject({ outcome: "config_mismatch" });
    });

  test("field by field: image, cpu, memory, port and environment", () => {
    const s = svc([{ id: "ecs-svc/2", status: "PRIMARY" }]);
    const express = { activeConfigurations: [cfg(REV_NEW, "repo:v1")] };
    const v = judgeRollout(snap(s, sd("SUCCESSFUL"), { express }), {
      expected: { ...want, memory: "2048", environment: { MODE: "b" } },
    });
    expect(v).toMatchObject({ outcome: "config_mismatch" });
    expect((v as { message: string }).message).toContain("image: asked repo:v2, running repo:v1");
    expect((v as { message: string }).message).toContain("memory: asked 2048, running 1024");
    expect((v as { message: string }).message).toContain("MODE differs");
  });

  test("the deployment of another revision than the one this deploy created is a mismatch", () => {
    const s = svc([{ id: "ecs-svc/2", status: "PRIMARY" }]);
    const v = judgeRollout(snap(s, sd("SUCCESSFUL", { targetServiceRevision: { arn: REV_OLD } })), {
      revisionArn: REV_NEW,
    });
    expect(v).toMatchObject({ outcome: "config_mismatch" });
  });
});
