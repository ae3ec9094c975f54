// The wait's deadline: it waits the timeout the caller asked for, polling a last time at the deadline, even when the
// timeout is shorter than the poll interval or not a multiple of it.
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import { expressAssistant } from "../../../test/support/express/fakeExpress.ts";
import { type FakeAws, startFakeAws } from "../../../test/support/fakeAws.ts";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  // A service that stays mid-rollout: never ready, never failed.
  fake.on("ecs", "DescribeServices", {
    services: [
      {
        serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/web/shop",
        serviceName: "shop",
        status: "ACTIVE",
        desiredCount: 2,
        runningCount: 0,
        pendingCount: 2,
        deployments: [{ id: "d1", status: "PRIMARY", rolloutState: "IN_PROGRESS", failedTasks: 0 }],
      },
    ],
  });
});

const waitWith = (serviceIntervalMs: number, timeout_seconds: number) =>
  expressAssistant(fake, {}, { polling: { serviceIntervalMs, endpointTimeoutMs: 100 } }).waitForServiceReady({
    cluster: "web",
    service_name: "shop",
    timeout_seconds,
  });

test("a timeout shorter than the poll interval still waits until the deadline and polls there", async () => {
  const t0 = Date.now();
  const r = (await waitWith(60_000, 1))._unsafeUnwrap();
  const took = Date.now() - t0;
  expect(r.status).toBe("timeout");
  expect(took).toBeGreaterThanOrEqual(950);
  expect(took).toBeLessThan(5_000);
  expect(r.polls).toBe(2); // at the start and at the deadline
  expect(r.message).toContain("Timeout after 1s");
});

test("a timeout that is not a multiple of the interval is not cut one interval short", async () => {
  const t0 = Date.now();
  const r = (await waitWith(800, 2))._unsafeUnwrap();
  const took = Date.now() - t0;
  expect(r.status).toBe("timeout");
  expect(took).toBeGreaterThanOrEqual(1_950); // the old loop gave up at 1.6 s, before the next poll would pass 2 s
  expect(r.polls).toBe(4); // 0, 0.8, 1.6 and 2.0 s
});
