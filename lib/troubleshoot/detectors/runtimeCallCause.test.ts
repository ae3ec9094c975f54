// DockerTimeoutError is the container runtime on the instance, not the network: the agent setting for that step is named.
import { expect, test } from "bun:test";
import { failureCause } from "./failureFinding.ts";
import { parseFailure } from "./parseFailure.ts";

test("create and start timeouts name their agent setting and the instance; no network path is blamed", () => {
  const p = parseFailure("DockerTimeoutError: Could not transition to created; timed out after waiting 4m0s");
  expect(p.stage).toBe("runtime_call");
  const c = failureCause(p, { containerInstance: "abc123", path: { route: "none", subnets: [], publicIp: false } });
  expect(c?.id).toBe("docker_daemon_timeout");
  expect(c?.fix).toContain("ECS_CONTAINER_CREATE_TIMEOUT");
  expect(c?.title).toContain("container instance abc123");
  expect(`${c?.explanation} ${c?.fix}`).not.toMatch(/NAT|endpoint/);
  const start = failureCause(
    parseFailure("DockerTimeoutError: Could not transition to started; timed out after waiting 3m0s"),
    {},
  );
  expect(start?.fix).toContain("ECS_CONTAINER_START_TIMEOUT");
});
