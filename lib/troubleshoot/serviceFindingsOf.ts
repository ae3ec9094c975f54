// Turns gathered service facts into findings: tasks, service events, targets, network, images, logs, Express status.
import type { Service, Task } from "@aws-sdk/client-ecs";
import { parseImageUri } from "../util/parseImageUri.ts";
import { imageFindings } from "./checkImages.ts";
import { listenPortOf, logFindings } from "./detectors/logPatterns.ts";
import { type NetworkFacts, networkFindings } from "./detectors/networkRules.ts";
import { serviceFindings } from "./detectors/serviceRules.ts";
import { targetHealthFindings } from "./detectors/targetHealthRules.ts";
import { classifyTask, type TaskSummary } from "./detectors/taskFailures.ts";
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
    subnets: settledValue(f.subnets),
    routeTables: settledValue(f.routeTables),
    vpcEndpoints: settledValue(f.vpcEndpoints),
    onEc2: runsOnEc2(svc),
    onlyEcrImages: tds.every((t) =>
      (t.containerDefinitions ?? []).every((c) => parseImageUri(c.image ?? "")?.kind === "ecr"),
    ),
  };
};

/** Stopped tasks in the window, classified. */
export const stoppedTasksOf = (
  tasks: readonly Task[],
  w: TimeWindow,
): { summaries: TaskSummary[]; findings: Finding[] } => {
  const stopped = tasks
    .filter((t) => t.lastStatus === "STOPPED" || t.desiredStatus === "STOPPED")
    .filter((t) => inWindow(w, t.stoppedAt ?? t.stoppingAt ?? t.createdAt))
    .sort((a, b) => (a.stoppedAt?.getTime() ?? 0) - (b.stoppedAt?.getTime() ?? 0));
  const classified = stopped.map(classifyTask);
  return {
    summaries: classified.map((c) => c.summary),
    findings: classified.flatMap((c) => (c.finding ? [c.finding] : [])),
  };
};

/** Every finding the facts support (unranked). */
export const serviceFindingsOf = (f: ServiceFacts, w: TimeWindow, now: Date): Finding[] => {
  const out: Finding[] = [];
  const svc = settledValue(f.service);
  if (svc)
    out.push(
      ...serviceFindings(
        svc,
        (svc.events ?? []).filter((e) => inWindow(w, e.createdAt)),
        now,
      ),
    );
  out.push(...stoppedTasksOf(settledValue(f.tasks) ?? [], w).findings);
  out.push(...targetHealthFindings(settledValue(f.targetHealth) ?? []));
  const net = networkFactsOf(f);
  out.push(...networkFindings(net));
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
    out.push(...logFindings(logs.entries).filter((x) => !(reachable && x.id === "binds_localhost")));
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
