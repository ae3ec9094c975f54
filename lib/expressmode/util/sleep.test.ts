import { expect, test } from "bun:test";
import { sleep } from "./sleep.ts";

test("waits the time asked, then resolves ok", async () => {
  const t0 = performance.now();
  expect((await sleep(30, undefined, "wait")).isOk()).toBe(true);
  expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
});

test("an abort ends the wait at once with a cancelled error naming the operation", async () => {
  const ac = new AbortController();
  const t0 = performance.now();
  setTimeout(() => ac.abort(), 10);
  const err = (await sleep(10_000, ac.signal, "wait_for_service_ready"))._unsafeUnwrapErr();
  expect(err.kind).toBe("cancelled");
  expect(err.message).toContain("wait_for_service_ready");
  expect(performance.now() - t0).toBeLessThan(1_000);
});

test("an already aborted signal does not wait", async () => {
  const ac = new AbortController();
  ac.abort();
  expect((await sleep(10_000, ac.signal, "x"))._unsafeUnwrapErr().kind).toBe("cancelled");
});
