// The ECS agent gave up waiting for the container runtime ("DockerTimeoutError: Could not transition to created; timed
// out after waiting 4m0s", CannotInspectContainerError): a daemon on the container instance that is overloaded (large
// concurrent pulls, a saturated root volume) or hung. Not a network path problem: nothing left the instance.
// Agent timeouts: ECS_CONTAINER_CREATE_TIMEOUT (default 4m), ECS_CONTAINER_START_TIMEOUT (3m on Linux)
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-agent-config.html
import type { FailureContext } from "./failureContext.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import type { TextCause } from "./pullErrors.ts";

const SETTING: Record<string, string> = {
  created: "ECS_CONTAINER_CREATE_TIMEOUT",
  started: "ECS_CONTAINER_START_TIMEOUT",
  stopped: "ECS_CONTAINER_STOP_TIMEOUT",
};

/** The finding for a runtime call that timed out on a container instance. */
export const runtimeCallCause = (p: ParsedFailure, c: FailureContext): TextCause => {
  const step = /Could not transition to (\w+)/i.exec(p.raw)?.[1]?.toLowerCase() ?? "created";
  const waited = /timed out after waiting (\w+)/i.exec(p.raw)?.[1];
  const setting = SETTING[step];
  const where = c.containerInstance ? `container instance ${c.containerInstance}` : "the container instance";
  return {
    id: "docker_daemon_timeout",
    category: "task",
    title: `The container runtime on ${where} did not answer in time (${p.errorType ?? "timeout"})`,
    likelihood: 0.86,
    explanation: `The ECS agent on ${where} asked Docker to ${step === "created" ? "create" : step === "started" ? "start" : step === "inspecting" ? "inspect" : "stop"} the container and gave up${waited ? ` after ${waited}` : ""}: the Docker daemon was most likely overloaded (several large image pulls or heavy disk I/O on a small root volume) or hung. Nothing went over the network at this step.`,
    fix: `On ${where}: ${setting ? `raise ${setting} in /etc/ecs/ecs.config (e.g. 10m) and restart the agent; ` : ""}give Docker faster storage (a gp3 volume with more IOPS/throughput) or a larger instance, shrink the images or reuse cached ones (ECS_IMAGE_PULL_BEHAVIOR=prefer-cached); if the daemon stays unresponsive (docker ps hangs), drain and replace the instance.`,
  };
};
