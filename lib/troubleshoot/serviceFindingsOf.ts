// Turns gathered service facts into findings: tasks, service events, targets, network, images, logs, Express status.
import type { Service, Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { parseImageUri } from "../util/parseImageUri.ts";
import { imageFindings } from "./checkImages.ts";
import { archAdvice } from "./detectors/archAdvice.ts";
import { crossFindings } from "./detectors/crossRules.ts";
import { referencesOf, regionAccountOf } from "./detectors/failureContext.ts";
import { listenPortOf, logFindings } from "./detectors/logPatterns.ts";
import { type NetworkFacts, networkFindings } from "./detectors/networkRules.ts";
import type { FailureService } from "./detectors/parseFailure.ts";
import { pathFactsOf } from "./detectors/pathFacts.ts";
import { serviceFindings } from "./detectors/serviceRules.ts";
import { targetHealthFindings } from "./detectors/targetHealthRules.ts";
import { classifyTask, stopTimeOf, type TaskContext, type TaskSummary } from "./detectors/taskFailures.ts";
import { type Finding, finding } from "./finding.ts";
import type { ServiceFacts } from "./gatherService.ts";
import { settledValue } from "./settle.ts";
import { inWindow, type TimeWindow } from "./timeWindow.ts";

/** Whether the service runs on EC2 capacity (launch type EC2, or only non-Fargate capacity providers). */
export const runsOnEc2 = (svc: Service | undefined): boolean =>
  svc?.launchType === "EC2" ||
  (!svc?.launchType &&
    (svc?.capacityProviderStrategy ?? []).length > 0 &&
    (svc?.capacityProviderStrategy ?? []).every((c) => !/^FARGATE(_SPOT)?$/.test(c.capacityProvider ?? "")));

/** The AWS services the tasks reach at start, from their definitions. */
export const needsOf = (tds: readonly TaskDefinition[]): FailureService[] => {
  const out = new Set<FailureService>();
  for (const td of tds) {
    for (const c of td.containerDefinitions ?? []) {
      if (parseImageUri(c.image ?? "")?.kind === "ecr") out.add("ecr");
      if (c.logConfiguration?.logDriver === "awslogs") out.add("logs");
      if ((c.environmentFiles ?? []).length > 0) out.add("s3");
    }
    for (const r of referencesOf(td)) {
      if (r.field === "environmentFiles") continue;
      out.add(/:secretsmanager:/.test(r.value) ? "secretsmanager" : "ssm");
    }
  }
  return [...out];
};

/** Network facts of a service, from whatever calls succeeded. */
export const networkFactsOf = (f: ServiceFacts): NetworkFacts => {
  const svc = settledValue(f.service);
  const tds = settledValue(f.taskDefinitions) ?? [];
  const lb = svc?.loadBalancers?.[0];
  const td = tds.find((t) => t.taskDefinitionArn === svc?.taskDefinition) ?? tds[0];
  const container =
    td?.containerDefinitions?.find((c) => c.name === lb?.containerName) ?? td?.containerDefinitions?.[0];
  const vpc = svc?.networkConfiguration?.awsvpcConfiguration;
  return {
    containerPorts: container?.portMappings?.map((p) => p.containerPort).filter((p): p is number => p !== undefined),
    lbContainerPort: lb?.containerPort,
    targetGroups: settledValue(f.targetHealth)?.map((g) => g.targetGroup),
    loadBalancers: settledValue(f.loadBalancers),
    taskSubnetIds: vpc?.subnets,
    assignPublicIp: vpc?.assignPublicIp,
    taskSecurityGroups: settledValue(f.securityGroups),
    lbSecurityGroups: (settledValue(f.peerSecurityGroups) ?? []).filter((g) =>
      (settledValue(f.loadBalancers) ?? []).some((lb) => (lb.SecurityGroups ?? []).includes(g.GroupId ?? "")),
    ),
    subnets: settledValue(f.subnets),
    routeTables: settledValue(f.routeTables),
    vpcEndpoints: settledValue(f.vpcEndpoints),
    onEc2: runsOnEc2(svc),
    onlyEcrImages: tds.every((t) =>
      (t.containerDefinitions ?? []).every((c) => parseImageUri(c.image ?? "")?.kind === "ecr"),
    ),
    ...regionAccountOf(svc?.serviceArn),
    needs: needsOf(tds),
  };
};

/**
 * Stopped tasks in the window, classified, oldest first. A task without stoppedAt is placed by its other
 * timestamps; one with no timestamp at all is kept (ECS lists stopped tasks for about an hour) with its time unknown.
 */
export const stoppedTasksOf = (
  tasks: readonly Task[],
  w: TimeWindow,
  ctx: TaskContext = {},
): { summaries: TaskSummary[]; findings: Finding[] } => {
  const stopped = tasks
    .filter((t) => t.lastStatus === "STOPPED" || t.desiredStatus === "STOPPED")
    .filter((t) => {
      const at = stopTimeOf(t).at;
      return at === undefined || inWindow(w, at);
    })
    .sort((a, b) => (stopTimeOf(a).at?.getTime() ?? 0) - (stopTimeOf(b).at?.getTime() ?? 0));
  const classified = stopped.map((t) => classifyTask(t, ctx));
  return {
    summaries: classified.map((c) => c.summary),
    findings: classified.flatMap((c) => (c.finding ? [c.finding] : [])),
  };
};

const REACHABILITY = new Set(["subnet_no_internet_route", "public_subnet_without_public_ip", "sg_blocks_egress"]);

/**
 * Tasks whose containers ran (an exit code, or running now) pulled their image and fetched their secrets, so a
 * missing route or egress rule cannot be why they fail: such findings stay listed, ranked low, saying so.
 */
export const demoteDisproved = (found: readonly Finding[], tasks: readonly Task[], w: TimeWindow): Finding[] => {
  // Only tasks started inside the window count: older ones may have started before the route changed.
  const ran = tasks.some(
    (t) =>
      inWindow(w, t.startedAt) &&
      (t.containers ?? []).some((c) => c.lastStatus === "RUNNING" || (c.exitCode !== undefined && c.exitCode !== null)),
  );
  const unreachable = tasks.some((t) =>
    /timeout|deadline exceeded|dial tcp|RequestCanceled|connection issue/i.test(
      [t.stoppedReason, ...(t.containers ?? []).map((c) => c.reason)].join(" "),
    ),
  );
  if (!ran || unreachable) return [...found];
  return found.map((x) =>
    REACHABILITY.has(x.id)
      ? {
          ...x,
          likelihood: Math.min(x.likelihood, 0.3),
          explanation: `${x.explanation} However, tasks of this service started their containers (they ran and exited, or run now), so they did reach the registry and secrets: this is unlikely to be why they fail; the route may go through something not checked here (a firewall appliance, a peering or proxy).`,
        }
      : x,
  );
};

/** Every finding the facts support (unranked). */
export const serviceFindingsOf = (f: ServiceFacts, w: TimeWindow, now: Date): Finding[] => {
  const out: Finding[] = [];
  const svc = settledValue(f.service);
  const tds = settledValue(f.taskDefinitions) ?? [];
  const net = networkFactsOf(f);
  const ctx: TaskContext = { taskDefinitions: tds, path: pathFactsOf(net) };
  const serviceTd = tds.find((t) => t.taskDefinitionArn === svc?.taskDefinition) ?? tds[0];
  if (svc)
    out.push(
      ...serviceFindings(
        svc,
        (svc.events ?? []).filter((e) => inWindow(w, e.createdAt)),
        now,
        { taskDefinition: serviceTd, path: ctx.path, ...regionAccountOf(svc.serviceArn) },
      ),
    );
  const tasks = settledValue(f.tasks) ?? [];
  out.push(...stoppedTasksOf(tasks, w, ctx).findings);
  out.push(...targetHealthFindings(settledValue(f.targetHealth) ?? []));
  out.push(...demoteDisproved(networkFindings(net), tasks, w));
  const images = settledValue(f.images);
  if (images)
    out.push(...imageFindings(images, settledValue(f.taskDefinitions) ?? [], runsOnEc2(settledValue(f.service))));
  const logs = settledValue(f.logs);
  if (logs) {
    // Targets that answer health checks (healthy, or a wrong HTTP status) disprove "listens on localhost / on another
    // port": such log lines are banners ("running at http://localhost:8080") or a sidecar's, not the cause of anything.
    const targets = (settledValue(f.targetHealth) ?? []).flatMap((g) => g.targets);
    const reachable =
      targets.length > 0 &&
      targets.every(
        (t) => t.TargetHealth?.State === "healthy" || t.TargetHealth?.Reason === "Target.ResponseCodeMismatch",
      );
    const fromLogs = logFindings(logs.entries)
      .filter((x) => !(reachable && x.id === "binds_localhost"))
      .map((x) => (x.id === "image_arch_mismatch" ? { ...x, ...archAdvice(serviceTd) } : x));
    out.push(...fromLogs);
    const listen = listenPortOf(logs.entries);
    if (!reachable && listen && net.lbContainerPort !== undefined && listen.port !== net.lbContainerPort) {
      out.push(
        finding({
          id: "app_port_mismatch",
          category: "network",
          title: `The app listens on port ${listen.port}, but traffic goes to port ${net.lbContainerPort}`,
          likelihood: 0.91,
          evidence: [
            { source: "log", ref: listen.line.stream, at: listen.line.timestamp, text: listen.line.message },
            { source: "network_rule", text: `service loadBalancers.containerPort ${net.lbContainerPort}` },
          ],
          explanation: "The load balancer and health checks connect to the container port, where nothing listens.",
          fix: `Make the app listen on ${net.lbContainerPort} (usually via the PORT environment variable), or change the container port mapping, target group and service to ${listen.port}.`,
        }),
      );
    }
    for (const g of logs.groups) {
      if (g.error?.includes("does not exist")) {
        out.push(
          finding({
            id: "log_group_missing",
            category: "logs",
            title: `Log group ${g.name} does not exist`,
            likelihood: 0.75,
            evidence: [{ source: "task_definition", ref: g.container, text: `awslogs-group ${g.name}: ${g.error}` }],
            explanation:
              "The awslogs driver cannot create streams in a missing group, so tasks fail with ResourceInitializationError (unless awslogs-create-group is true and the role may create it).",
            fix: `Create the log group ${g.name} (aws logs create-log-group) or set awslogs-create-group=true with logs:CreateLogGroup on the execution role.`,
          }),
        );
      }
    }
  }
  const crossed = crossFindings(out, {
    taskDefinition: serviceTd,
    tasks,
    targets: (settledValue(f.targetHealth) ?? []).flatMap((g) => g.targets),
    logs: logs?.entries ?? [],
    ...(svc?.healthCheckGracePeriodSeconds !== undefined
      ? { gracePeriodSeconds: svc.healthCheckGracePeriodSeconds }
      : {}),
    targetGroups: settledValue(f.targetHealth)?.map((g) => g.targetGroup),
    ...(ctx.path?.securityGroups ? { securityGroups: ctx.path.securityGroups } : {}),
  });
  out.splice(0, out.length, ...crossed);
  const express = settledValue(f.express);
  if (express?.status?.statusCode && express.status.statusCode !== "ACTIVE") {
    out.push(
      finding({
        id: "express_service_inactive",
        category: "service",
        title: `Express service is ${express.status.statusCode}`,
        likelihood: 0.7,
        evidence: [
          {
            source: "express_service",
            ref: express.serviceArn,
            text: `${express.status.statusCode}: ${express.status.statusReason ?? ""}`,
          },
        ],
        explanation: "The Express Gateway Service is not active (draining or deleted).",
        fix: "Recreate the Express service (CreateExpressGatewayService) or use an active one.",
      }),
    );
  }
  return out;
};
