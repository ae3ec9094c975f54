// Bridge to the AWS-managed ECS MCP server: every request SigV4-signed, verified by the loopback fake; bad keys refused.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createEcsAssistant, type EcsAssistant, type EcsAssistantOptions } from "../../lib/index.ts";
import { createRemoteMcp } from "../../lib/remote/remoteMcp.ts";
import { createSigV4Fetch } from "../../lib/remote/sigv4Fetch.ts";
import { type FakeMcpRemote, startFakeMcpRemote } from "../support/fakeMcpRemote.ts";
import { HOSTED_TOOLS_FIXTURE } from "../support/fakeMcpTools.ts";

const KEYS = { accessKeyId: "AKIDFAKEHOSTED", secretAccessKey: "fake-secret-for-sigv4" };
let fake: FakeMcpRemote;

beforeAll(async () => {
  fake = await startFakeMcpRemote({
    tools: HOSTED_TOOLS_FIXTURE(),
    sigv4: { ...KEYS, region: "eu-west-1", service: "ecs-mcp" },
  });
});
afterAll(() => fake.close());

const hosted = (secretAccessKey: string, extra: EcsAssistantOptions = {}): EcsAssistant =>
  createEcsAssistant({
    knowledge: { enabled: false },
    aws: { region: "eu-west-1", credentials: { accessKeyId: KEYS.accessKeyId, secretAccessKey } },
    hosted: { url: fake.url, retryAfterMs: 60_000 },
    ...extra,
  });

/** Resolves when the assistant's tool list first changes (the hosted tools arrived), or after `ms`. */
const toolsChanged = (a: EcsAssistant, ms = 3_000) =>
  new Promise<boolean>((resolve) => {
    const off = a.onToolsChanged(() => {
      off();
      resolve(true);
    });
    setTimeout(() => resolve(false), ms);
  });

describe("hosted ECS MCP bridge", () => {
  test("hosted tools are listed in name order whatever order the remote lists them in", async () => {
    fake.tools = HOSTED_TOOLS_FIXTURE().reverse();
    try {
      const a = hosted(KEYS.secretAccessKey);
      expect(await toolsChanged(a)).toBe(true);
      expect(a.listTools().flatMap((t) => (t.name.startsWith("hosted_") ? [t.name] : []))).toEqual([
        "hosted_get_deployment_status",
        "hosted_update_service_desired_count",
      ]);
    } finally {
      fake.tools = HOSTED_TOOLS_FIXTURE();
    }
  });

  test("good credentials: signed requests verified, hosted tools listed under the prefix and callable", async () => {
    const before = { ...fake.signatures };
    const a = hosted(KEYS.secretAccessKey);
    expect(a.listTools().some((t) => t.name.startsWith("hosted_"))).toBe(false); // nothing before the remote answers
    expect(await toolsChanged(a)).toBe(true);
    const specs = a.listTools().filter((t) => t.name.startsWith("hosted_"));
    expect(specs.map((t) => t.name)).toEqual(["hosted_get_deployment_status", "hosted_update_service_desired_count"]);
    expect(specs[0]?.inputSchema).toMatchObject({ required: ["cluster_name", "service_name"] });
    expect(specs[0]?.annotations.readOnlyHint).toBe(true);

    const r = (
      await a.callTool("hosted_get_deployment_status", { cluster_name: "c", service_name: "s" })
    )._unsafeUnwrap();
    expect(JSON.parse((r.value as { text: string }).text)).toEqual({
      cluster: "c",
      service: "s",
      rollout_state: "COMPLETED",
    });
    // The write tool goes through our policy's write gate.
    const denied = await a.callTool("hosted_update_service_desired_count", {
      cluster_name: "c",
      service_name: "s",
      desired_count: 2,
    });
    expect(denied._unsafeUnwrapErr()).toMatchObject({ kind: "policy_denied", gate: "write" });
    expect(fake.signatures.verified - before.verified).toBeGreaterThanOrEqual(3); // initialize, initialized, tools/list, call
    expect(fake.signatures.rejected).toBe(before.rejected);
    a.close();
  });

  test("with allowWrite the hosted write tool runs", async () => {
    const a = hosted(KEYS.secretAccessKey, { policy: { allowWrite: true } });
    await toolsChanged(a);
    const r = await a.callTool("hosted_update_service_desired_count", {
      cluster_name: "c",
      service_name: "s",
      desired_count: 2,
    });
    expect(JSON.parse((r._unsafeUnwrap().value as { text: string }).text)).toEqual({ updated: true, desired_count: 2 });
    a.close();
  });

  test("bad credentials: the fake refuses the signature and no hosted tools appear", async () => {
    const before = { ...fake.signatures };
    const a = hosted("wrong-secret");
    expect(await toolsChanged(a, 500)).toBe(false);
    expect(a.listTools().some((t) => t.name.startsWith("hosted_"))).toBe(false);
    expect(fake.signatures.rejected).toBeGreaterThan(before.rejected);
    expect(fake.signatures.lastError).toContain("signature we calculated does not match");
    expect(fake.signatures.verified).toBe(before.verified);
    const e = (await a.callTool("hosted_get_deployment_status", {}))._unsafeUnwrapErr();
    expect(e.kind).toBe("validation"); // unknown tool: the hosted tools never arrived
    a.close();
  });

  test("the signing client itself: a bad key gives unavailable naming HTTP 403, a good key connects", async () => {
    const client = (secretAccessKey: string) =>
      createRemoteMcp({
        label: "hosted",
        url: fake.url,
        unreachableHint: "check credentials",
        fetch: createSigV4Fetch({
          region: "eu-west-1",
          service: "ecs-mcp",
          credentials: { accessKeyId: KEYS.accessKeyId, secretAccessKey },
        }),
      });
    const bad = client("wrong-secret");
    const e = (await bad.connect())._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "unavailable", hint: "check credentials" });
    expect(e.message).toContain("403");
    await bad.close();
    const good = client(KEYS.secretAccessKey);
    expect((await good.connect())._unsafeUnwrap().map((t) => t.name)).toContain("get_deployment_status");
    await good.close();
  });
});
