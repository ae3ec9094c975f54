// Shared set-up of the hardening suites: a fake AWS endpoint answering everything, and assistants wired to it.
import type { FakeAws, FakeService } from "../../support/fakeAws.ts";

export { fakeAssistant } from "../../support/useFakeAws.ts";

export const SERVICES: readonly FakeService[] = [
  "ecs",
  "ecr",
  "logs",
  "cloudformation",
  "iam",
  "elbv2",
  "ec2",
  "sts",
  "cloudwatch",
];

/** Makes the fake answer every operation of every service with an empty output. */
export const answerEverything = (fake: FakeAws): void => {
  for (const s of SERVICES) fake.on(s, "*", {});
};

/** A stack trace in text a client sees ("    at fn (file:1:2)"). */
export const STACK_TRACE = /\n\s+at \S.*(\(|:\d+:\d+)/;

/** Every error kind the library may return. */
export const ERROR_KINDS = [
  "validation",
  "policy_denied",
  "aws",
  "not_found",
  "timeout",
  "cancelled",
  "container_runtime",
  "unavailable",
  "internal",
] as const;
