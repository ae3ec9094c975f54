// The AWS call wrapper against the loopback fake: timeouts, query-protocol error codes, lazy client creation.
import { expect, test } from "bun:test";
import { createEcsAssistant } from "../../lib/index.ts";
import { fakeAwsOptions } from "../support/clients.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws();

const make = (extra = {}) =>
  createEcsAssistant({
    aws: {
      ...fakeAwsOptions(fake),
      maxAttempts: 1,
      ...extra,
    },
  });

test("a hanging endpoint ends as a timeout error after requestTimeoutMs", async () => {
  fake.fail("ecs", "ListClusters", { kind: "hang" });
  const started = Date.now();
  const e = (await make({ requestTimeoutMs: 300 }).aws("ecs", "ListClusters", {}))._unsafeUnwrapErr();
  expect(e.kind).toBe("timeout");
  expect(Date.now() - started).toBeLessThan(5000);
});

test("query-protocol errors keep the wire code (IAM NoSuchEntity)", async () => {
  fake.fail("iam", "GetRole", {
    kind: "aws",
    code: "NoSuchEntity",
    message: "The role with name x cannot be found.",
    status: 404,
  });
  const e = (await make().aws("iam", "GetRole", { RoleName: "x" }))._unsafeUnwrapErr();
  expect(e).toMatchObject({ kind: "aws", service: "iam", operation: "GetRole", code: "NoSuchEntity", httpStatus: 404 });
});

test("typed raw calls work and only the used service's client is created", async () => {
  fake.on("sts", "GetCallerIdentity", {
    Account: "123456789012",
    Arn: "arn:aws:iam::123456789012:user/dev",
    UserId: "AIDA",
  });
  const a = make();
  expect(a.loadedServices()).toEqual([]);
  const id = (await a.aws("sts", "GetCallerIdentity", {}))._unsafeUnwrap();
  expect(id.Account).toBe("123456789012");
  expect(a.loadedServices()).toEqual(["sts"]);
  expect(String(fake.calls[0]?.input.Action ?? "GetCallerIdentity")).toBe("GetCallerIdentity");
});

test("cancellation through an AbortSignal is reported as cancelled", async () => {
  fake.latencyMs = 2000;
  const ctrl = new AbortController();
  const pending = make().aws("ecs", "ListClusters", {}, { signal: ctrl.signal });
  setTimeout(() => ctrl.abort(), 100);
  const e = (await pending)._unsafeUnwrapErr();
  expect(e.kind).toBe("cancelled");
});

test("the user agent carries ecs-assistant/<version>", async () => {
  let ua = "";
  fake.on("ecs", "ListClusters", (_i, ctx) => {
    ua = String(ctx.headers["user-agent"] ?? "") + String(ctx.headers["x-amz-user-agent"] ?? "");
    return { clusterArns: [] };
  });
  await make().aws("ecs", "ListClusters", {});
  expect(ua).toContain("ecs-assistant/0.1.0");
});

test("maxConcurrency bounds the calls in flight", async () => {
  fake.on("ecs", "ListClusters", { clusterArns: [] });
  fake.latencyMs = 100;
  const timeFour = async (maxConcurrency: number) => {
    const a = make({ maxConcurrency });
    const t = Date.now();
    await Promise.all([1, 2, 3, 4].map(() => a.aws("ecs", "ListClusters", {})));
    return Date.now() - t;
  };
  const serial = await timeFour(1);
  const parallel = await timeFour(4);
  expect(serial).toBeGreaterThanOrEqual(390);
  expect(parallel).toBeLessThan(300);
});

test("a call can target another region: its own client, signed for that region; the default stays", async () => {
  const scopes: string[] = [];
  fake.on("logs", "FilterLogEvents", (_i, ctx) => {
    scopes.push(/Credential=[^/]+\/\d+\/([a-z0-9-]+)\//.exec(String(ctx.headers.authorization))?.[1] ?? "?");
    return { events: [] };
  });
  const a = make();
  await a.aws("logs", "FilterLogEvents", { logGroupName: "/ecs/web" }, { region: "eu-west-1" });
  await a.aws("logs", "FilterLogEvents", { logGroupName: "/ecs/web" });
  expect(scopes).toEqual(["eu-west-1", "us-east-1"]);
  expect(a.loadedServices()).toEqual(["logs"]);
});
