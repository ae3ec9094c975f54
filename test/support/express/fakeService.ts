// A fake Express service on the loopback AWS endpoint whose rollouts follow a script (success, circuit-breaker
// rollback, failed rollback, ...), answering DescribeServices, DescribeExpressGatewayService, ListServiceDeployments,
// DescribeServiceDeployments, DescribeServiceRevisions and the stopped-task reads as AWS shapes them.
import type { FakeAws } from "../fakeAws.ts";
import { ACCOUNT } from "./fakeExpress.ts";
import {
  advance,
  newState,
  previousClassicId,
  type RolloutScript,
  type RolloutState,
  type SD,
  startDeployment,
} from "./rolloutModel.ts";

export type { Outcome, RolloutScript } from "./rolloutModel.ts";

const CB_FAILED = "ECS deployment circuit breaker: tasks failed to start.";

/** DescribeServices' `deployments` for the current state (order and createdAt as the script asks). */
const classicDeployments = (s: RolloutState, d: SD | undefined) => {
  if (!d) return [];
  const rs = d.script.rolloutState;
  const dep = (
    id: string,
    status: string,
    state: string,
    reason: string | undefined,
    createdAt: Date,
    running: number,
  ) => ({
    id,
    status,
    taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${s.name}:1`,
    desiredCount: s.desired,
    runningCount: running,
    pendingCount: 0,
    failedTasks: state === "FAILED" ? 3 : 0,
    createdAt,
    updatedAt: createdAt,
    ...(rs ? { rolloutState: state, ...(reason ? { rolloutStateReason: reason } : {}) } : {}),
  });
  const prev = previousClassicId(s, d);
  const early = new Date(d.createdAt.getTime() - 60_000);
  const late = new Date(d.createdAt.getTime() + 60_000);
  const rollbackAt = d.script.rollbackCreatedEarlier ? early : late;
  const back = (state: string) =>
    dep(
      d.rollbackClassicId ?? "",
      "PRIMARY",
      state,
      `ECS deployment circuit breaker: rolling back to deploymentId ${prev}.`,
      rollbackAt,
      state === "COMPLETED" ? s.desired : 0,
    );
  switch (d.status) {
    case "PENDING":
    case "IN_PROGRESS":
      return [
        dep(d.classicId, "PRIMARY", "IN_PROGRESS", `ECS deployment ${d.classicId} in progress.`, d.createdAt, 0),
        ...(d.source ? [dep(prev, "ACTIVE", "COMPLETED", undefined, early, s.desired)] : []),
      ];
    case "SUCCESSFUL":
      return d.rollbackClassicId
        ? [back("COMPLETED")]
        : [
            dep(
              d.classicId,
              "PRIMARY",
              "COMPLETED",
              `ECS deployment ${d.classicId} completed.`,
              d.createdAt,
              s.desired,
            ),
          ];
    case "ROLLBACK_IN_PROGRESS": {
      const pair = [back("IN_PROGRESS"), dep(d.classicId, "ACTIVE", "FAILED", CB_FAILED, d.createdAt, 0)];
      return d.script.rollbackFirst ? pair : pair.reverse();
    }
    case "ROLLBACK_SUCCESSFUL":
      return [back("COMPLETED")];
    case "ROLLBACK_FAILED":
      return [back("FAILED")];
    default:
      return [dep(d.classicId, "PRIMARY", "FAILED", CB_FAILED, d.createdAt, 0)];
  }
};

const running = (s: RolloutState) => {
  const d = s.current;
  if (!d) return 0;
  if (/IN_PROGRESS|PENDING/.test(d.status)) return d.source ? s.desired : 0; // old tasks keep serving (canary)
  return s.running ? s.desired : 0;
};

const configOf = (s: RolloutState, arn: string, withEndpoint: boolean) => {
  const rev = s.revisions.get(arn);
  return {
    serviceRevisionArn: arn,
    ...rev?.config,
    createdAt: rev?.createdAt,
    ...(withEndpoint
      ? { ingressPaths: [{ accessType: "PUBLIC", endpoint: `${s.name}-ab12.ecs.us-east-1.on.aws` }] }
      : {}),
  };
};

const resources = (s: RolloutState, d: SD | undefined, status: string) => ({
  ingressPaths: [
    {
      accessType: "PUBLIC",
      endpoint: `${s.name}-ab12.ecs.us-east-1.on.aws`,
      loadBalancer: {
        arn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/ecs-express-gateway-alb-1/1`,
        status: "ACTIVE",
        updatedAt: d?.createdAt,
        scheme: "internet-facing",
      },
      certificate: {
        arn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/1`,
        status,
        ...(status === "FAILED"
          ? { statusReason: "The certificate request failed: CAA record does not allow Amazon to issue." }
          : {}),
        updatedAt: d?.createdAt,
        domainName: `${s.name}-ab12.ecs.us-east-1.on.aws`,
      },
      targetGroups: [
        {
          arn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/ecs-gateway-tg-1/1`,
          status,
          updatedAt: d?.createdAt,
          healthCheckPath: "/",
          healthCheckPort: 8080,
          port: 8080,
        },
      ],
    },
  ],
});

/** Installs the service on the fake. `scripts` are used by the next deployments in order; `fallback` after. */
export const fakeService = (
  fake: FakeAws,
  cluster: string,
  name: string,
  scripts: RolloutScript[] = [],
  fallback: RolloutScript = { outcome: "success" },
) => {
  const s = newState(cluster, name);
  const next = () => scripts.shift() ?? fallback;
  let lastScript: RolloutScript = fallback;
  fake.on("ecs", "CreateExpressGatewayService", (i) => {
    lastScript = next();
    const d = startDeployment(
      s,
      {
        cpu: i.cpu ?? "1024",
        memory: i.memory ?? "2048",
        primaryContainer: i.primaryContainer,
        healthCheckPath: i.healthCheckPath ?? "/",
      },
      lastScript,
    );
    return {
      service: {
        serviceArn: s.serviceArn,
        cluster: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${cluster}`,
        serviceName: name,
        status: { statusCode: "ACTIVE" },
        currentDeployment: d.arn,
        activeConfigurations: [configOf(s, d.target, false)],
      },
    };
  });
  fake.on("ecs", "UpdateExpressGatewayService", (i) => {
    lastScript = next();
    const base = s.revisions.get(s.running ?? s.current?.target ?? "")?.config ?? {};
    const { serviceArn: _a, ...changes } = i;
    const d = startDeployment(
      s,
      { ...base, ...changes, primaryContainer: { ...base.primaryContainer, ...changes.primaryContainer } },
      lastScript,
    );
    const target = configOf(s, d.target, false);
    if (lastScript.updateOmitsRevision) delete (target as { serviceRevisionArn?: string }).serviceRevisionArn;
    return {
      service: {
        serviceArn: s.serviceArn,
        serviceName: name,
        status: { statusCode: "ACTIVE" },
        targetConfiguration: target,
      },
    };
  });
  fake.on("ecs", "DescribeServices", () => {
    if (!s.exists) return { services: [], failures: [{ arn: s.serviceArn, reason: "MISSING" }] };
    advance(s);
    const d = s.current;
    return {
      services: [
        {
          serviceArn: s.serviceArn,
          serviceName: name,
          clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${cluster}`,
          status: "ACTIVE",
          resourceManagementType: "ECS",
          desiredCount: s.desired,
          runningCount: running(s),
          pendingCount: 0,
          launchType: "FARGATE",
          taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${name}:1`,
          deploymentController: { type: "ECS" },
          currentServiceDeployment: d?.script.noCurrentDeployment ? undefined : d?.arn,
          deployments: classicDeployments(s, d),
          events: d?.script.rollbackFirst ? [...s.events] : [...s.events].reverse(),
        },
      ],
    };
  });
  fake.on("ecs", "DescribeExpressGatewayService", () => {
    s.expressCalls += 1;
    const d = s.current;
    const withEndpoint = s.expressCalls > (lastScript.endpointAfter ?? 0);
    const rolling = d && /IN_PROGRESS|PENDING/.test(d.status) && d.source;
    const stale = d?.script.staleConfigs && s.running && s.running !== d.target;
    const arns = rolling || stale ? [d.target, d.source ?? ""] : [s.running ?? d?.target ?? ""];
    return {
      service: {
        serviceArn: s.serviceArn,
        cluster,
        serviceName: name,
        status: { statusCode: "ACTIVE" },
        currentDeployment: d?.script.noCurrentDeployment ? undefined : d?.arn,
        activeConfigurations: arns.map((a) => configOf(s, a, withEndpoint)),
      },
    };
  });
  fake.on("ecs", "ListServiceDeployments", (i) => ({
    serviceDeployments: [...s.deployments]
      .reverse()
      .filter((d) => !i.status || (i.status as string[]).includes(d.status))
      .map((d) => ({
        serviceDeploymentArn: d.arn,
        serviceArn: s.serviceArn,
        createdAt: d.createdAt,
        targetServiceRevisionArn: d.target,
        status: d.status,
        statusReason: d.statusReason,
      })),
  }));
  fake.on("ecs", "DescribeServiceDeployments", (i) => ({
    serviceDeployments: s.deployments
      .filter((d) => (i.serviceDeploymentArns as string[]).includes(d.arn))
      .map((d) => ({
        serviceDeploymentArn: d.arn,
        serviceArn: s.serviceArn,
        clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${cluster}`,
        createdAt: d.createdAt,
        startedAt: d.createdAt,
        status: d.status,
        ...(d.statusReason ? { statusReason: d.statusReason } : {}),
        targetServiceRevision: {
          arn: d.target,
          requestedTaskCount: s.desired,
          runningTaskCount: 0,
          pendingTaskCount: 0,
        },
        ...(d.source
          ? {
              sourceServiceRevisions: [
                { arn: d.source, requestedTaskCount: s.desired, runningTaskCount: s.desired, pendingTaskCount: 0 },
              ],
            }
          : {}),
        ...(d.rollback ? { rollback: d.rollback } : {}),
        deploymentCircuitBreaker: {
          status: d.rollback ? "TRIGGERED" : "MONITORING",
          failureCount: d.rollback ? 3 : 0,
          threshold: 3,
        },
      })),
  }));
  fake.on("ecs", "DescribeServiceRevisions", (i) => ({
    serviceRevisions: (i.serviceRevisionArns as string[]).map((arn) => {
      const d = s.deployments.find((x) => x.target === arn);
      const p = d?.script.provisioningPolls ?? 0;
      const status = (d?.polls ?? 0) <= p && p > 0 ? "PROVISIONING" : (d?.script.resourcesEnd ?? "ACTIVE");
      return {
        serviceRevisionArn: arn,
        serviceArn: s.serviceArn,
        taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${name}:1`,
        launchType: "FARGATE",
        createdAt: d?.createdAt,
        ecsManagedResources: resources(s, d, status),
      };
    }),
  }));
  fake.on("ecs", "ListTasks", (i) => ({
    taskArns:
      i.desiredStatus === "STOPPED" && s.events.length
        ? [`arn:aws:ecs:us-east-1:${ACCOUNT}:task/${cluster}/dead1`]
        : [],
  }));
  fake.on("ecs", "DescribeTasks", {
    tasks: [
      {
        taskArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/${cluster}/dead1`,
        lastStatus: "STOPPED",
        stopCode: "EssentialContainerExited",
        stoppedReason: "Essential container in task exited",
        stoppedAt: new Date(),
        containers: [{ name: "Main", exitCode: 1, lastStatus: "STOPPED" }],
      },
    ],
  });
  return s;
};
