// Resources: every resource renders; IAM policies grow with the level and follow the catalogue's access classes.
import { describe, expect, test } from "bun:test";
import { ALL_TOOLS, CATALOGUE } from "../lib/index.ts";
import { iamPolicy, RESOURCES } from "./resources.ts";

const actions = (doc: Record<string, unknown>) => (doc.Statement as { Action: string[] }[]).flatMap((s) => s.Action);

describe("resources", () => {
  test("unique URIs; every resource renders non-empty text in its MIME type", () => {
    expect(new Set(RESOURCES.map((r) => r.uri)).size).toBe(RESOURCES.length);
    for (const r of RESOURCES) {
      const text = r.text();
      expect(text.length).toBeGreaterThan(100);
      if (r.mimeType === "application/json") expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  test("the catalogue resource lists every operation with its access class", () => {
    const r = RESOURCES.find((x) => x.uri.endsWith("ecs_resource_management"))!;
    const ops = JSON.parse(r.text()).operations as { name: string; access: string }[];
    expect(ops).toHaveLength(CATALOGUE.length);
    for (const e of CATALOGUE) expect(ops.find((o) => o.name === e.name)?.access).toBe(e.access);
  });

  test("IAM levels: read-only ⊂ troubleshooting-sensitive ⊂ deploy; writes only in deploy", () => {
    const ro = actions(iamPolicy("read-only"));
    const sens = actions(iamPolicy("troubleshooting-sensitive"));
    const deploy = actions(iamPolicy("deploy"));
    for (const a of ro) expect(sens).toContain(a);
    for (const a of sens) expect(deploy).toContain(a);
    const writes = CATALOGUE.filter((e) => e.access !== "read" && !e.virtual && !e.agentOnly).map(
      (e) => `${e.service}:${e.command}`,
    );
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) {
      expect(ro).not.toContain(w);
      expect(sens).not.toContain(w);
      expect(deploy).toContain(w);
    }
    const passRole = (iamPolicy("deploy").Statement as { Action: string[]; Condition?: unknown }[]).find((s) =>
      s.Action.includes("iam:PassRole"),
    );
    expect(passRole?.Condition).toBeDefined(); // PassRole only to ECS
  });

  test("the deploy level grants every IAM action a tool declares; the read-only level every read, e.g. the ones that drifted", () => {
    const deploy = actions(iamPolicy("deploy"));
    for (const t of ALL_TOOLS)
      for (const a of [...t.iamActions.read, ...(t.iamActions.sensitive ?? []), ...(t.iamActions.write ?? [])])
        expect(deploy).toContain(a);
    const ro = actions(iamPolicy("read-only"));
    for (const a of ["ec2:DescribeVpcEndpoints", "iam:ListAttachedRolePolicies", "cloudwatch:GetMetricData"])
      expect(ro).toContain(a);
    expect(ro).not.toContain("logs:FilterLogEvents");
    expect(actions(iamPolicy("troubleshooting-sensitive"))).toContain("logs:FilterLogEvents");
  });

  test("the Express guide offers deploy_app, the one-call path", () => {
    const guide = RESOURCES.find((r) => r.uri.endsWith("express-mode-workflow"))!.text();
    expect(guide).toContain("deploy_app(app_name, app_path, port)");
  });
});
