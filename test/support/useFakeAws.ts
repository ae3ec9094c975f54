// The one way a test file gets the loopback fake AWS endpoint and assistants wired to it (instead of a copy per file).
import { afterAll, beforeAll, beforeEach } from "bun:test";
import { createEcsAssistant, type EcsAssistant, type EcsAssistantOptions, type Policy } from "../../lib/index.ts";
import { fakeAwsOptions } from "./clients.ts";
import { type FakeAws, type FakeAwsOptions, startFakeAws } from "./fakeAws.ts";

export interface UseFakeAwsOptions extends FakeAwsOptions {
  /** Forget handlers, faults and calls before each test (default true). */
  readonly resetEachTest?: boolean;
}

/**
 * Starts the fake before the file's tests, closes it after them and (by default) resets it before each test. Returns
 * the fake itself, usable at module level: its members are read from the started fake when a test runs.
 */
export const useFakeAws = (options: UseFakeAwsOptions = {}): FakeAws => {
  let started: FakeAws | undefined;
  beforeAll(async () => {
    started = await startFakeAws(options);
  });
  afterAll(() => started?.close());
  if (options.resetEachTest !== false) beforeEach(() => started?.reset());
  const live = (): FakeAws => {
    if (!started) throw new Error("useFakeAws: the fake is used before beforeAll ran (use it inside a test or hook)");
    return started;
  };
  return new Proxy({} as FakeAws, {
    get: (_, p) => {
      const value = Reflect.get(live(), p);
      return typeof value === "function" ? value.bind(live()) : value;
    },
    set: (_, p, value) => Reflect.set(live(), p, value),
  });
};

/** Options of `fakeAssistant` besides the policy: any assistant option, with `aws` merged over the fake's. */
export type FakeAssistantExtra = Omit<EcsAssistantOptions, "policy" | "aws"> & {
  aws?: Partial<NonNullable<EcsAssistantOptions["aws"]>>;
};

/** An assistant talking only to `fake` with fake credentials, one attempt per call and short timeouts. */
export const fakeAssistant = (
  fake: { readonly url: string },
  policy: Partial<Policy> = {},
  extra: FakeAssistantExtra = {},
): EcsAssistant =>
  createEcsAssistant({
    ...extra,
    policy,
    aws: { ...fakeAwsOptions(fake), maxAttempts: 1, requestTimeoutMs: 5_000, ...extra.aws },
  });
