// Shared set-up of the hardening suites: a fake AWS endpoint answering everything, and assistants wired to it.
import { createEcsAssistant, type EcsAssistant, type EcsAssistantOptions, type Policy } from "../../../lib/index.ts";
import { fakeAwsOptions } from "../../support/clients.ts";
import type { FakeAws, FakeService } from "../../support/fakeAws.ts";

export const SERVICES: readonly FakeService[] = ["ecs", "ecr", "logs", "cloudformation", "iam", "elbv2", "ec2", "sts"];

/** Makes the fake answer every operation of every service with an empty output. */
export const answerEverything = (fake: FakeAws): void => {
  for (const s of SERVICES) fake.on(s, "*", {});
};

/** An assistant talking only to `fake` with fake credentials, one attempt per call and short timeouts. */
export const fakeAssistant = (
  fake: FakeAws,
  policy: Partial<Policy> = {},
  extra: Omit<EcsAssistantOptions, "policy" | "aws"> & { aws?: Partial<NonNullable<EcsAssistantOptions["aws"]>> } = {},
): EcsAssistant =>
  createEcsAssistant({
    ...extra,
    policy,
    aws: {
      ...fakeAwsOptions(fake),
      maxAttempts: 1,
      requestTimeoutMs: 5_000,
      ...extra.aws,
    },
  });

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
