// Destructive calls ask the user through MCP elicitation (policy.confirmDestructive) and run only on an explicit accept.
import { beforeEach, describe, expect, test } from "bun:test";
import type { AuditEntry } from "../../lib/index.ts";
import { fakeAssistant, useFakeAws } from "../support/useFakeAws.ts";
import { mcpPair } from "./support/mcpPair.ts";

const fake = useFakeAws({ resetEachTest: false });
beforeEach(() => {
  fake.reset();
  fake.on("ecs", "DeleteCluster", { cluster: { clusterName: "old", status: "INACTIVE" } });
  fake.on("ecs", "CreateCluster", { cluster: { clusterName: "new", status: "ACTIVE" } });
  fake.on("ecs", "ListClusters", { clusterArns: [] });
});

const DELETE = { api_operation: "DeleteCluster", api_params: { cluster: "old" } };
const writes = () => fake.calls.filter((c) => c.operation !== "ListClusters");

describe("confirmation of destructive calls", () => {
  test("accept: the client is asked once, with the operation and parameters, then the call runs", async () => {
    const audit: AuditEntry[] = [];
    const a = fakeAssistant(fake, { allowWrite: true }, { audit: (e) => audit.push(e) });
    const pair = await mcpPair(a, () => ({ action: "accept", content: { confirm: true } }));
    const r = await pair.call("ecs_resource_management", DELETE);
    expect(r.isError).toBeFalsy();
    expect(pair.asked).toHaveLength(1);
    expect(pair.asked[0]).toContain("DeleteCluster");
    expect(pair.asked[0]).toContain('"cluster":"old"');
    expect(writes().map((c) => c.operation)).toEqual(["DeleteCluster"]);
    expect(audit.map((e) => e.status)).toEqual(["ok"]);
    await pair.close();
  });

  const refusals = [
    ["decline", { action: "decline" }],
    ["cancel", { action: "cancel" }],
    ["accept without confirm=true", { action: "accept", content: { confirm: false } }],
  ] as const;
  for (const [label, answer] of refusals) {
    test(`${label}: typed policy_denied (gate confirmation) and no AWS call`, async () => {
      const audit: AuditEntry[] = [];
      const a = fakeAssistant(fake, { allowWrite: true }, { audit: (e) => audit.push(e) });
      const pair = await mcpPair(a, () => answer);
      const r = await pair.call("ecs_resource_management", DELETE);
      expect(r.isError).toBe(true);
      expect(r.structuredContent).toMatchObject({ error: { kind: "policy_denied", gate: "confirmation" } });
      expect(writes()).toEqual([]);
      expect(audit.map((e) => e.status)).toEqual(["declined"]);
      await pair.close();
    });
  }

  test("a client that fails to answer counts as a refusal", async () => {
    const a = fakeAssistant(fake, { allowWrite: true });
    const pair = await mcpPair(a, () => {
      throw new Error("user closed the dialog");
    });
    const r = await pair.call("ecs_resource_management", DELETE);
    expect(r.structuredContent).toMatchObject({ error: { kind: "policy_denied", gate: "confirmation" } });
    expect(writes()).toEqual([]);
    await pair.close();
  });

  test("read and non-destructive write calls are not confirmed", async () => {
    const a = fakeAssistant(fake, { allowWrite: true });
    const pair = await mcpPair(a, () => ({ action: "decline" }));
    expect((await pair.call("ecs_resource_management", { api_operation: "ListClusters" })).isError).toBeFalsy();
    const created = await pair.call("ecs_resource_management", {
      api_operation: "CreateCluster",
      api_params: { clusterName: "new" },
    });
    expect(created.isError).toBeFalsy();
    expect(pair.asked).toEqual([]);
    await pair.close();
  });

  test("client without elicitation: the policy decides (allowWrite on → runs; off → write gate)", async () => {
    const on = await mcpPair(fakeAssistant(fake, { allowWrite: true }));
    expect((await on.call("ecs_resource_management", DELETE)).isError).toBeFalsy();
    expect(writes()).toHaveLength(1);
    const off = await mcpPair(fakeAssistant(fake, { allowWrite: false }));
    const r = await off.call("ecs_resource_management", DELETE);
    expect(r.structuredContent).toMatchObject({ error: { kind: "policy_denied", gate: "write" } });
    expect(writes()).toHaveLength(1);
    await on.close();
    await off.close();
  });

  test("confirmDestructive off: no question asked", async () => {
    const pair = await mcpPair(fakeAssistant(fake, { allowWrite: true, confirmDestructive: false }), () => ({
      action: "decline",
    }));
    expect((await pair.call("ecs_resource_management", DELETE)).isError).toBeFalsy();
    expect(pair.asked).toEqual([]);
    await pair.close();
  });

  test("writes off: refused by the write gate before anyone is asked", async () => {
    const pair = await mcpPair(fakeAssistant(fake, { allowWrite: false }), () => ({
      action: "accept",
      content: { confirm: true },
    }));
    const r = await pair.call("ecs_resource_management", DELETE);
    expect(r.structuredContent).toMatchObject({ error: { kind: "policy_denied", gate: "write" } });
    expect(pair.asked).toEqual([]);
    await pair.close();
  });

  test("library callers: confirm callback decides the same way", async () => {
    const a = fakeAssistant(fake, { allowWrite: true });
    const no = await a.callTool("ecs_resource_management", DELETE, { confirm: async () => false });
    expect(no._unsafeUnwrapErr()).toMatchObject({ kind: "policy_denied", gate: "confirmation" });
    const yes = await a.callTool("ecs_resource_management", DELETE, { confirm: async () => true });
    expect(yes.isOk()).toBe(true);
    expect(writes()).toHaveLength(1);
  });
});
