// Error-text classification of real ECS/Fargate stop reasons: "denied" is not an ENI, a failed exec is not a pull.
import { expect, test } from "bun:test";
import { classifyErrorText } from "./pullErrors.ts";

const exec = (what: string) =>
  `CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/start.sh": ${what}: unknown`;

test("an entrypoint without execute permission is not a registry or ENI problem", () => {
  expect(classifyErrorText(exec("permission denied"))?.id).toBe("not_executable");
  expect(
    classifyErrorText(
      'CannotStartContainerError: Error response from daemon: failed to create shim task: OCI runtime create failed: unable to start container process: exec: "/app/start.sh": permission denied: unknown',
    )?.id,
  ).toBe("not_executable");
});

test("a missing entrypoint or command is command_not_found", () => {
  expect(classifyErrorText(exec("stat /app/start.sh: no such file or directory"))?.id).toBe("command_not_found");
  expect(
    classifyErrorText(
      'CannotStartContainerError: Error response from daemon: OCI runtime create failed: exec: "node": executable file not found in $PATH: unknown',
    )?.id,
  ).toBe("command_not_found");
});

test("words containing 'eni' (denied) do not mean ENI exhaustion; real ENI messages still do", () => {
  expect(classifyErrorText("CannotCreateContainerError: open /var/lib/docker/x: permission denied")?.id).not.toBe(
    "eni_capacity",
  );
  expect(classifyErrorText("Task stopped: AccessDenied")?.id).toBeUndefined();
  expect(
    classifyErrorText(
      "ResourceInitializationError: unable to create ENI: subnet subnet-0abc has insufficient free addresses to place the task",
    )?.id,
  ).toBe("eni_capacity");
  // A provisioning timeout is its own kind (usually transient); other ENI set-up failures stay eni_attach_failed.
  expect(classifyErrorText("Timeout waiting for network interface provisioning to complete.")?.id).toBe(
    "eni_provisioning_timeout",
  );
  expect(classifyErrorText("ResourceInitializationError: failed to attach network interface eni-0abc")?.id).toBe(
    "eni_attach_failed",
  );
});

test("pull failures are still classified as before", () => {
  expect(
    classifyErrorText(
      "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nginx:lates: not found",
    )?.id,
  ).toBe("image_not_found");
  expect(
    classifyErrorText(
      "CannotPullContainerError: Error response from daemon: pull access denied for private/app, repository does not exist or may require 'docker login'",
    )?.id,
  ).toBe("image_not_found");
});
