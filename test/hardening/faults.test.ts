// AWS faults through the real SDK against the loopback fake: each maps to a typed EcsError with a hint that says what
// to do (lib/aws/hints.ts), and throttling is retried with exponential backoff and full jitter before it is reported.
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import type { EcsError } from "../../lib/index.ts";
import { fakeAssistant, useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });
const realRandom = Math.random;
beforeEach(() => {
  fake.reset();
  fake.on("ecs", "ListClusters", { clusterArns: ["arn:aws:ecs:us-east-1:123456789012:cluster/default"] });
});
afterEach(() => {
  Math.random = realRandom;
});

const LIST = { api_operation: "ListClusters" };
const listWith = async (opts: Parameters<typeof fakeAssistant>[2] = {}, policy = {}) => {
  const a = fakeAssistant(fake, policy, opts);
  const r = await a.callTool("ecs_resource_management", LIST);
  a.close();
  return r;
};
const errOf = async (opts: Parameters<typeof fakeAssistant>[2] = {}): Promise<EcsError> =>
  (await listWith(opts))._unsafeUnwrapErr();
/** Runs `fn` while recording every delay (ms) passed to setTimeout, which the SDK's retry strategy sleeps with. */
const withTimerDelays = async <T>(fn: () => Promise<T>): Promise<{ value: T; delays: number[] }> => {
  const real = globalThis.setTimeout;
  const delays: number[] = [];
  globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    delays.push(ms ?? 0);
    return real(handler, ms, ...args);
  }) as typeof setTimeout;
  try {
    return { value: await fn(), delays };
  } finally {
    globalThis.setTimeout = real;
  }
};
const gaps = () => fake.calls.slice(1).map((c, i) => c.time - fake.calls[i]!.time);

describe("throttling", () => {
  test("retried with exponential backoff scaled by a random factor (full jitter), then reported as retryable", async () => {
    // The retry delays are read from the timers the SDK asks for, not from wall-clock gaps between requests: on a busy
    // machine the gaps stretch unpredictably, the requested delays do not. Wall-clock gaps only give a lower bound.
    fake.fail("ecs", "ListClusters", { kind: "aws", code: "ThrottlingException", message: "Rate exceeded" });
    Math.random = () => 0.1;
    const slowTimers = await withTimerDelays(() => errOf({ aws: { maxAttempts: 3 } }));
    const e = slowTimers.value;
    expect(e).toMatchObject({ kind: "aws", code: "ThrottlingException", retryable: true });
    expect(e.hint).toMatch(/throttled/i);
    expect(fake.calls).toHaveLength(3);
    const slowGaps = gaps();

    fake.clearCalls();
    Math.random = () => 0.02;
    const fastTimers = await withTimerDelays(() => errOf({ aws: { maxAttempts: 3 } }));
    // Timers both runs share (request timeouts, the fake's own) are not backoff; what differs is the jittered delay.
    const slow = slowTimers.delays.filter((d) => !fastTimers.delays.includes(d));
    const fast = fastTimers.delays.filter((d) => !slowTimers.delays.includes(d));
    expect(slow).toHaveLength(2);
    expect(slow[0]!).toBeGreaterThan(0);
    expect(Math.abs(slow[1]! - 2 * slow[0]!)).toBeLessThanOrEqual(1); // doubling
    expect(fast).toHaveLength(2);
    expect(Math.abs(fast[0]! - slow[0]! / 5)).toBeLessThanOrEqual(1); // same schedule scaled by the random factor
    expect(Math.abs(fast[1]! - slow[1]! / 5)).toBeLessThanOrEqual(1);
    // The waits really happen between the attempts.
    expect(slowGaps[0]!).toBeGreaterThanOrEqual(slow[0]! - 5);
    expect(slowGaps[1]!).toBeGreaterThanOrEqual(slow[1]! - 5);
  });

  test("a transient throttle is absorbed: the caller sees the result", async () => {
    fake.fail("ecs", "ListClusters", { kind: "aws", code: "ThrottlingException", times: 1 });
    Math.random = () => 0.01;
    const r = await listWith({ aws: { maxAttempts: 3 } });
    expect(r.isOk()).toBe(true);
    expect(fake.calls).toHaveLength(2);
  });
});

describe("server and network faults", () => {
  test("5xx with an AWS error code: retried, then aws error, retryable, with request id", async () => {
    fake.fail("ecs", "ListClusters", { kind: "aws", code: "ServerException", status: 500 });
    Math.random = () => 0.01;
    const e = await errOf({ aws: { maxAttempts: 2 } });
    expect(e).toMatchObject({ kind: "aws", retryable: true, httpStatus: 500 });
    expect(e.kind === "aws" && e.requestId).toBe(fake.calls.at(-1)!.requestId);
    expect(e.hint).toMatch(/transient|retry/i);
    expect(fake.calls).toHaveLength(2);
  });

  test("a bare 503 from a proxy (no AWS body) is an aws error marked retryable", async () => {
    fake.fail("ecs", "ListClusters", { kind: "http", status: 503, body: "<html>Service Unavailable</html>" });
    Math.random = () => 0.01;
    const e = await errOf({ aws: { maxAttempts: 2 } });
    expect(e).toMatchObject({ kind: "aws", retryable: true, httpStatus: 503 });
  });

  test("a hanging endpoint becomes a timeout error with a hint", async () => {
    fake.fail("ecs", "ListClusters", { kind: "hang" });
    const e = await errOf({ aws: { requestTimeoutMs: 200 } });
    expect(e.kind).toBe("timeout");
    expect(e.hint).toMatch(/requestTimeout|network/i);
  });

  test("connection resets are retried, then reported as unavailable with a network hint", async () => {
    fake.fail("ecs", "ListClusters", { kind: "reset" });
    Math.random = () => 0.01;
    const e = await errOf({ aws: { maxAttempts: 2 } });
    expect(e.kind).toBe("unavailable");
    expect(e.hint).toMatch(/network|endpoint/i);
    expect(fake.calls.length).toBeGreaterThanOrEqual(2);
  });

  test("one reset then success: the caller sees the result", async () => {
    fake.fail("ecs", "ListClusters", { kind: "reset", times: 1 });
    Math.random = () => 0.01;
    expect((await listWith({ aws: { maxAttempts: 3 } })).isOk()).toBe(true);
  });

  test("an endpoint that does not resolve is unavailable and the hint names region and endpoint overrides", async () => {
    const a = fakeAssistant(fake, {}, { aws: { endpoints: { default: "http://ecs.no-such-host.invalid" } } });
    const e = (await a.callTool("ecs_resource_management", LIST))._unsafeUnwrapErr();
    expect(e.kind).toBe("unavailable");
    expect(e.hint).toContain("us-east-1");
    expect(e.hint).toMatch(/AWS_ENDPOINT_URL/);
  }, 20_000);
});

describe("credentials and permissions", () => {
  test("AccessDenied: the hint names the IAM action from the message", async () => {
    fake.fail("ecs", "ListClusters", {
      kind: "aws",
      code: "AccessDeniedException",
      message: "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:ListClusters on resource: *",
    });
    const e = await errOf();
    expect(e).toMatchObject({ kind: "aws", code: "AccessDeniedException", retryable: false });
    expect(e.hint).toContain("ecs:ListClusters");
  });

  test("AccessDenied without a message (query protocol, IAM): the hint still names service:Operation", async () => {
    fake.fail("iam", "GetRole", { kind: "aws", code: "AccessDenied", message: "denied", status: 403 });
    const a = fakeAssistant(fake);
    const e = (await a.aws("iam", "GetRole", { RoleName: "ecsTaskExecutionRole" }))._unsafeUnwrapErr();
    expect(e.hint).toContain("iam:GetRole");
  });

  test("expired credentials: the hint says aws sso login --profile X", async () => {
    fake.fail("ecs", "ListClusters", { kind: "aws", code: "ExpiredTokenException", message: "expired" });
    const e = await errOf({ aws: { profile: "dev-sso" } });
    expect(e.hint).toContain("aws sso login --profile dev-sso");
  });

  test("missing credentials (provider fails before any request): same hint, no AWS call", async () => {
    const missing = async () => {
      throw Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      });
    };
    const e = await errOf({ aws: { profile: "dev-sso", credentials: missing } });
    expect(e.kind).toBe("aws");
    expect(e.hint).toContain("aws sso login --profile dev-sso");
    expect(fake.calls).toHaveLength(0);
  });

  test("invalid signature / unrecognized client: credentials hint", async () => {
    for (const code of ["UnrecognizedClientException", "InvalidSignatureException"]) {
      fake.fail("ecs", "ListClusters", { kind: "aws", code });
      const e = await errOf();
      expect(e.hint).toMatch(/credentials/i);
    }
  });

  test("wrong region: resource-not-found hints name the region that was used", async () => {
    fake.fail("ecs", "DescribeServices", {
      kind: "aws",
      code: "ClusterNotFoundException",
      message: "Cluster not found.",
    });
    const a = fakeAssistant(fake, {}, { aws: { region: "eu-west-3" } });
    const e = (await a.aws("ecs", "DescribeServices", { cluster: "prod", services: ["web"] }))._unsafeUnwrapErr();
    expect(e.hint).toContain("eu-west-3");
  });
});

test("no fault ever surfaces a stack trace in message or hint", async () => {
  const faults = [
    { kind: "aws", code: "ThrottlingException" },
    { kind: "aws", code: "InternalFailure", status: 500 },
    { kind: "http", status: 502 },
    { kind: "reset" },
    { kind: "aws", code: "AccessDeniedException" },
  ] as const;
  Math.random = () => 0.01;
  for (const f of faults) {
    fake.fail("ecs", "ListClusters", f);
    const e = await errOf({ aws: { maxAttempts: 1 } });
    expect(`${e.message}\n${e.hint}`).not.toMatch(/\n\s+at \S/);
  }
});

test("a request signed for the wrong region: the hint says which region was used and to set AWS_REGION", async () => {
  fake.fail("ecs", "ListClusters", {
    kind: "aws",
    code: "InvalidSignatureException",
    message: "Credential should be scoped to a valid region, not 'eu-west-3'.",
  });
  const e = await errOf({ aws: { region: "eu-west-3" } });
  expect(e.hint).toContain("eu-west-3");
  expect(e.hint).toContain("AWS_REGION");
});
