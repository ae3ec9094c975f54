// The requirement a placement event says the closest container instance failed, read against the task definition:
// a static host port already taken (bridge/host mode, one task per port per instance) or an attribute the instances
// lack (a Docker volume plugin, an agent capability). Facts: the host ports, network mode, deployment percents and the
// definition's requiresAttributes.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/troubleshoot-service-event-messages.html
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html#attributes
import type { FailureContext } from "./failureContext.ts";

/** Attributes every supported agent registers: they never explain a "missing attribute". */
const BASELINE =
  /^(com\.amazonaws\.ecs\.capability\.(docker-remote-api\.1\.\d+|logging-driver\.(awslogs|json-file)|task-iam-role(-network-host)?|privileged-container|ecr-auth)|ecs\.capability\.(execution-role-(awslogs|ecr-pull)|task-eni|container-health-check|secrets\.(asm|ssm)\.environment-variables))$/;

/** Explanation and fix for a port or attribute requirement, or undefined for other placement failures. */
export const placementRequirement = (
  raw: string,
  c: FailureContext,
): { explanation: string; fix: string } | undefined => {
  const td = c.taskDefinition;
  const instance = /container-instance ([\w-]+)/.exec(raw)?.[1];
  if (/already using a port required by your task/i.test(raw)) {
    const ports = (td?.containerDefinitions ?? []).flatMap((d) =>
      (d.portMappings ?? [])
        .filter((m) => m.hostPort !== undefined && m.hostPort !== 0 && td?.networkMode !== "awsvpc")
        .map((m) => `${d.name} hostPort ${m.hostPort}`),
    );
    const port = /hostPort (\d+)/.exec(ports[0] ?? "")?.[1];
    const min = c.placement?.minimumHealthyPercent;
    const rolling = min !== undefined && min >= 100;
    return {
      explanation: `The closest instance${instance ? ` (${instance})` : ""} already has a task listening on ${port ? `port ${port}` : "a host port the task maps"}: in ${td?.networkMode ?? "bridge"} network mode a static hostPort (${ports.join(", ") || "set in portMappings"}) lets only one copy of the task run per instance.${rolling ? ` With minimumHealthyPercent ${min} a rolling deployment starts the new task before stopping the old one, so it needs a second instance with that port free.` : ""}`,
      fix: `Use dynamic port mapping: set hostPort to 0 (or omit it) in portMappings${port ? ` for port ${port}` : ""} and let the target group (target type instance) register the ephemeral port; or switch to awsvpc network mode. Otherwise run at least one more instance than tasks${rolling ? `, or lower minimumHealthyPercent (e.g. to 0 or 50) so ECS stops an old task first` : ""}.`,
    };
  }
  if (/missing an attribute required by your task/i.test(raw)) {
    const required = (td?.requiresAttributes ?? []).map((a) => a.name ?? "").filter((n) => n && !BASELINE.test(n));
    const plugins = required.filter((n) => n.startsWith("ecs.capability.docker-plugin."));
    const named = required.length ? required.join(", ") : "one of the task definition's requiresAttributes";
    return {
      explanation: `The closest instance${instance ? ` (${instance})` : ""} lacks an attribute the task definition requires. Beyond the attributes every agent registers, it requires ${named}${plugins.length ? `: ${plugins.map((p) => `the Docker plugin ${p.replace("ecs.capability.docker-plugin.", "")}`).join(", ")} must be installed on the instance before the agent starts, and a volume uses it` : ""}.`,
      fix: plugins.length
        ? `Install ${plugins.map((p) => p.replace("ecs.capability.docker-plugin.", "")).join(", ")} on the container instances (docker plugin install in the launch template's user data, before the ECS agent starts, then restart the agent so it registers ${plugins.join(", ")}), or change the volume to a driver the instances have (an EFS volume or a task-attached EBS volume).`
        : `Compare ${named} with the instances' attributes (aws ecs list-attributes --target-type container-instance): update the ECS agent/AMI or enable the feature in /etc/ecs/ecs.config, or remove the requirement from the task definition.`,
    };
  }
  return undefined;
};
