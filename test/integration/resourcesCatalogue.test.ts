// Every catalogue operation once over the wire (real SDK serialization against the loopback fake): read success,
// write refused with writes off and allowed with writes on, destructive results marked, agent-only refused.
import { beforeEach, describe, expect, test } from "bun:test";
import { CATALOGUE, createEcsAssistant, type Policy } from "../../lib/index.ts";
import { exampleParams } from "../../lib/operations/exampleParams.ts";
import { SHAPES } from "../../lib/operations/generated/shapes.ts";
import { fakeAwsOptions } from "../support/clients.ts";
import { useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });
const assistant = (policy: Partial<Policy> = {}) =>
  createEcsAssistant({
    policy,
    aws: {
      ...fakeAwsOptions(fake),
      maxAttempts: 1,
    },
  });

beforeEach(() => {
  fake.reset();
  fake.on("ecs", "*", {}).on("ecr", "*", {});
});

const awsEntries = CATALOGUE.filter((e) => !e.virtual);

test("the catalogue is complete: 65 reference operations plus ECR, every entry has a model shape", () => {
  expect(CATALOGUE.length).toBeGreaterThanOrEqual(65 + 13);
  for (const e of awsEntries) expect(exampleParams(SHAPES, e.name)).toBeDefined();
});

describe("read operations succeed with the default (read-only) policy", () => {
  for (const e of awsEntries.filter((x) => x.access === "read" && !x.agentOnly)) {
    test(e.name, async () => {
      const params = exampleParams(SHAPES, e.name)!;
      const r = await assistant().ecsResourceManagement({ api_operation: e.name, api_params: params });
      expect(r._unsafeUnwrap()).toBeDefined();
      expect(fake.calls.length).toBeGreaterThanOrEqual(1);
      expect(fake.calls[0]).toMatchObject({ service: e.service, operation: e.command });
      expect(Object.keys(fake.calls[0]!.input)).toEqual(expect.arrayContaining(Object.keys(params)));
    });
  }
});

describe("write operations: refused with writes off (no request), run with writes on", () => {
  for (const e of awsEntries.filter((x) => x.access !== "read" && !x.agentOnly)) {
    test(`${e.name} (${e.access})`, async () => {
      const params = exampleParams(SHAPES, e.name)!;
      const denied = (
        await assistant().ecsResourceManagement({ api_operation: e.name, api_params: params })
      )._unsafeUnwrapErr();
      expect(denied).toMatchObject({ kind: "policy_denied", gate: "write", flag: "policy.allowWrite = true" });
      expect(fake.calls).toHaveLength(0);
      const r = (
        await assistant({ allowWrite: true }).ecsResourceManagement({ api_operation: e.name, api_params: params })
      )._unsafeUnwrap();
      // Classic service operations first check (read-only) that the service is not Express-managed.
      const checked = /^(Update|Delete)Service$|TaskSet$/.test(e.command);
      expect(fake.calls.map((c) => c.operation)).toEqual(checked ? ["DescribeServices", e.command] : [e.command]);
      expect(fake.calls.at(-1)).toMatchObject({ service: e.service, operation: e.command });
      if (e.access === "destructive") expect(String(r.effect)).toContain("destructive");
      else expect(r.effect).toBeUndefined();
    });
  }
});

describe("agent-only operations are refused unless the allow list names them", () => {
  for (const e of awsEntries.filter((x) => x.agentOnly)) {
    test(e.name, async () => {
      const params = exampleParams(SHAPES, e.name)!;
      const refused = (
        await assistant({ allowWrite: true }).ecsResourceManagement({ api_operation: e.name, api_params: params })
      )._unsafeUnwrapErr();
      expect(refused).toMatchObject({ kind: "policy_denied", gate: "operation" });
      expect(refused.message).toContain("container agent");
      expect(refused.hint).toContain("allowOperations");
      expect(fake.calls).toHaveLength(0);
      const allowed = await assistant({ allowWrite: true, allowOperations: [e.name] }).ecsResourceManagement({
        api_operation: e.name,
        api_params: params,
      });
      expect(allowed.isOk()).toBe(true);
      expect(fake.calls[0]).toMatchObject({ service: "ecs", operation: e.command });
    });
  }
});

test("GetTaskProtection and DiscoverPollEndpoint are classified as reads, not writes", () => {
  const byName = new Map(CATALOGUE.map((e) => [e.name, e]));
  expect(byName.get("GetTaskProtection")!.access).toBe("read");
  expect(byName.get("DiscoverPollEndpoint")).toMatchObject({ access: "read", agentOnly: true });
});
